package app.ombud.improvement;

/** Where a training need stands: planned, then done (with the date). */
public enum TrainingStatus {
    PLANNED, DONE
}
