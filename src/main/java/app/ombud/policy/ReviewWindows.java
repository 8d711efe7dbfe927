package app.ombud.policy;

import java.util.List;

/**
 * Time windows of internal reviews (SPEC §5): the team lead's check, the reply to the customer,
 * the days of follow-up before the SMS, the panel's voting window; and the complaint sources
 * that are out of scope (e.g. complaints about 10016 staff).
 */
public record ReviewWindows(int teamLeadCheckHours, int customerReplyHours, int followUpDays,
        int panelVotingWorkingDays, int earlyWarningCount, int earlyWarningDays, List<String> outOfScopeSources) {

    public ReviewWindows {
        outOfScopeSources = outOfScopeSources == null ? List.of()
                : outOfScopeSources.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    public ReviewWindows validate() {
        Grading.range(teamLeadCheckHours, 1, 72, "teamLeadCheckHours");
        Grading.range(customerReplyHours, 1, 240, "customerReplyHours");
        Grading.range(followUpDays, 1, 30, "followUpDays");
        Grading.range(panelVotingWorkingDays, 1, 30, "panelVotingWorkingDays");
        Grading.range(earlyWarningCount, 2, 1000, "earlyWarningCount");
        Grading.range(earlyWarningDays, 1, 365, "earlyWarningDays");
        return this;
    }
}
