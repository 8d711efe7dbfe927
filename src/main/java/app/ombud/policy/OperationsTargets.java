package app.ombud.policy;

import app.ombud.platform.OmbudException;
import java.math.BigDecimal;

/**
 * Call-center operation targets (SPEC §3) and the escalation approval window (SPEC §2).
 */
public record OperationsTargets(int callsPerAgentPerDay, int commonQuestionMinutes, BigDecimal occupancyMin,
        BigDecimal occupancyMax, int onSiteHoursContract, int onSiteHoursOther, int escalationApprovalWorkingDays) implements PolicySection {

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
