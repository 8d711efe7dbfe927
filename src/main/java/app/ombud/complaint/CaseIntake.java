package app.ombud.complaint;

import app.ombud.policy.CaseCategory;
import app.ombud.policy.CaseFlag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/** What the person taking in a complaint enters (SPEC §1.1). {@code receivedAt} defaults to now. */
public record CaseIntake(IntakeChannel channel, Customer customer, String subject, String description,
        CaseCategory category, Set<CaseFlag> flags, BigDecimal compensationAsked, boolean urgent, Instant receivedAt) {
}
