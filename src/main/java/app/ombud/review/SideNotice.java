package app.ombud.review;

import java.time.Instant;

/**
 * Back office and partner lines: the recorded call to the configured number — when it was made,
 * the name of the lead reached — and later that side's answer.
 */
public record SideNotice(String number, Instant calledAt, String leadName, String note, String by, Instant recordedAt,
        String answer, Instant answeredAt, String answerRecordedBy) {

    public boolean answered() {
        return answeredAt != null;
    }
}
