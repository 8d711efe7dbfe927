package app.ombud.panel.internal;

/**
 * One ballot in the box: the receipt and the sealed choice — no member, no time, no ObjectId.
 * The box is kept sorted by receipt, so a ballot's position says nothing about when it was cast.
 */
public record Ballot(String receipt, String sealed) {
}
