package app.ombud.complaint;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** How the complaint will be resolved: remedies, the owner and the due time (SPEC §1.4). */
public record ResolutionPlan(List<Remedy> remedies, String ownerEmployeeId, Instant due, String description) {

    public ResolutionPlan {
        remedies = List.copyOf(remedies);
    }

    /** One remedy; compensation carries an amount. */
    public record Remedy(Type type, BigDecimal amount, String note) {
    }

    /** The kinds of remedy. */
    public enum Type { REPAIR, EXCHANGE, REFUND, APOLOGY, SERVICE_IMPROVEMENT, COMPENSATION }
}
