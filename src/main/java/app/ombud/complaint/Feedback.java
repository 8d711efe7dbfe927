package app.ombud.complaint;

import java.time.Instant;

/**
 * The result told to the customer and the customer's answer: accepted or not, satisfaction 1–5
 * and a comment (SPEC §1.4).
 */
public record Feedback(Instant sentAt, String sentBy, ResultChannel channel, String result, Boolean accepted,
        Integer satisfaction, String comment, Instant answeredAt) {

    /** How the result reached the customer. */
    public enum ResultChannel { CALLBACK, EMAIL, ONLINE, SMS, VISIT }
}
