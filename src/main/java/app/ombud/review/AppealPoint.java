package app.ombud.review;

/** A point of the recording an appeal cites: where (e.g. 02:15) and what it shows. */
public record AppealPoint(String position, String text) {
}
