package app.ombud.complaint;

import app.ombud.policy.CaseCategory;
import java.time.Instant;
import java.util.UUID;

/** Search filters of the case inbox and archive; null fields do not filter. */
public record CaseFilter(String number, Instant from, Instant to, Integer level, CaseStatus status,
        CaseCategory category, UUID departmentId, IntakeChannel channel, String customerPhone, String text) {

    public static final CaseFilter ALL = new CaseFilter(null, null, null, null, null, null, null, null, null, null);
}
