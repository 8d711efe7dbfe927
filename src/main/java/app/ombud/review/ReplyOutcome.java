package app.ombud.review;

/** How a call to the customer went. Only REACHED ends the follow-up. */
public enum ReplyOutcome {
    REACHED, NO_ANSWER, BUSY, SWITCHED_OFF, INVALID_NUMBER;

    public boolean failed() {
        return this != REACHED;
    }
}
