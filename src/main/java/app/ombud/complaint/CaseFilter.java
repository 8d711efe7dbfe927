package app.ombud.complaint;

import app.ombud.policy.CaseCategory;
import java.time.Instant;
import java.util.UUID;

/**
 * Search filters of the case inbox and archive; null fields do not filter. {@code customer} is
 * part of the customer's name or of their phone number (the last digits an agent types).
 */
public record CaseFilter(String number, Instant from, Instant to, Integer level, CaseStatus status,
        CaseCategory category, UUID departmentId, IntakeChannel channel, String customerPhone, String text,
        String customer) {

    public static final CaseFilter ALL = new CaseFilter(null, null, null, null, null, null, null, null, null, null,
            null);

    /** Only the cases of a customer whose name or phone number contains {@code part}. */
    public static CaseFilter customer(String part) {
        return new CaseFilter(null, null, null, null, null, null, null, null, null, null, part);
    }
}
