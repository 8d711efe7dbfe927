package app.ombud.complaint.internal;

import app.ombud.complaint.Customer;
import app.ombud.complaint.IntakeChannel;
import app.ombud.policy.CaseCategory;
import app.ombud.policy.CaseFlag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/** An intake after validation: trimmed, complete, within limits. */
public record ValidIntake(IntakeChannel channel, Customer customer, String subject, String description,
        CaseCategory category, Set<CaseFlag> flags, BigDecimal compensationAsked, boolean urgent, Instant receivedAt) {
}
