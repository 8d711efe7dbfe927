package app.ombud.calltest;

/** Where a slot of a draw or a spot check stands: a test call marks it done. */
public enum SlotStatus {
    PLANNED, DONE, CANCELLED
}
