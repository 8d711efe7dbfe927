package app.ombud.policy;

import app.ombud.platform.OmbudException;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Call-center operation targets (SPEC §3), the escalation approval window and the department
 * escalations go to when the case's department has no superior (SPEC §2; null: leadership).
 */
public record OperationsTargets(int callsPerAgentPerDay, int commonQuestionMinutes, BigDecimal occupancyMin,
        BigDecimal occupancyMax, int onSiteHoursContract, int onSiteHoursOther, int escalationApprovalWorkingDays,
        UUID escalationDepartmentId) implements PolicySection {

    /** The targets with no default escalation department. */
    public OperationsTargets(int callsPerAgentPerDay, int commonQuestionMinutes, BigDecimal occupancyMin,
            BigDecimal occupancyMax, int onSiteHoursContract, int onSiteHoursOther,
            int escalationApprovalWorkingDays) {
        this(callsPerAgentPerDay, commonQuestionMinutes, occupancyMin, occupancyMax, onSiteHoursContract,
                onSiteHoursOther, escalationApprovalWorkingDays, null);
    }

    public OperationsTargets validate() {
        Grading.range(callsPerAgentPerDay, 1, 1000, "callsPerAgentPerDay");
        Grading.range(commonQuestionMinutes, 1, 120, "commonQuestionMinutes");
        CallTestThresholds.percent(occupancyMin, "occupancyMin");
        CallTestThresholds.percent(occupancyMax, "occupancyMax");
        if (occupancyMin.compareTo(occupancyMax) > 0) {
            throw OmbudException.badRequest("OCCUPANCY_BAND_INVERTED", "occupancyMax",
                    "The occupancy band's upper end is below its lower end");
        }
        Grading.range(onSiteHoursContract, 1, 720, "onSiteHoursContract");
        Grading.range(onSiteHoursOther, 1, 720, "onSiteHoursOther");
        Grading.range(escalationApprovalWorkingDays, 1, 30, "escalationApprovalWorkingDays");
        return this;
    }
}
