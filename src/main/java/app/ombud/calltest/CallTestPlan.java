package app.ombud.calltest;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A quarterly test-call plan as readers see it (readers: CALLTEST_STAFF and ADMIN only), with its
 * draws, spot checks, progress per month × stratum, timeline and the steps the caller may take
 * now. {@code policyVersion} is the policy version in force when the group lead approved it (the
 * evaluation criteria), null before.
 */
public record CallTestPlan(UUID id, String number, String quarter, String purpose, List<UUID> teamIds,
        List<String> lines, List<CallChannel> channels, String schedule, List<ScenarioRef> scenarios,
        List<String> executorEmployeeIds, List<MonthlyQuota> quotas, PlanStatus status, Integer policyVersion,
        String createdBy, Instant createdAt, String approvedBy, Instant approvedAt, List<Draw> draws,
        List<Slot> spotChecks, List<QuotaProgress> progress, List<PlanEntry> timeline, Set<PlanStep> allowedSteps,
        long version) {

    /** The month's draw that is not cancelled, if any. */
    public java.util.Optional<Draw> drawOf(String month) {
        return draws.stream().filter(d -> d.month().equals(month) && !d.cancelled()).findFirst();
    }
}
