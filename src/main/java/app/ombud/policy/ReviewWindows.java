package app.ombud.policy;

import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.TextInput;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Time windows of internal reviews (SPEC §5): the team lead's check, the reply to the customer,
 * the days of follow-up before the SMS, the days an upheld verdict may be appealed, the panel's
 * voting window, quorum and how long before its end the members who have not voted are reminded; the early warning (N upheld reviews on one topic within D days) and
 * who receives it (the duty chiefs, 主值班; none named: every site manager); and the complaint
 * sources that are out of scope (e.g. complaints about 10016 staff).
 */
public record ReviewWindows(int teamLeadCheckHours, int customerReplyHours, int followUpDays,
        int panelVotingWorkingDays, int earlyWarningCount, int earlyWarningDays, List<String> outOfScopeSources,
        Integer appealDays, Integer panelQuorum, List<String> dutyChiefEmployeeIds, Integer panelReminderHours)
        implements PolicySection {

    /** Days an upheld verdict may be appealed, when a stored version predates the setting. */
    public static final int DEFAULT_APPEAL_DAYS = 3;
    /** Ballots a panel needs for a decision, when a stored version predates the setting. */
    public static final int DEFAULT_PANEL_QUORUM = 4;
    /** Hours before a panel's window ends that its members who have not voted are reminded, by default. */
    public static final int DEFAULT_PANEL_REMINDER_HOURS = 24;
    /** A panel has three seats per side. */
    public static final int PANEL_SEATS = 6;

    private static final Pattern EMPLOYEE_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public ReviewWindows {
        outOfScopeSources = clean(outOfScopeSources);
        dutyChiefEmployeeIds = clean(dutyChiefEmployeeIds);
        appealDays = appealDays == null ? DEFAULT_APPEAL_DAYS : appealDays;
        panelQuorum = panelQuorum == null ? DEFAULT_PANEL_QUORUM : panelQuorum;
        panelReminderHours = panelReminderHours == null ? DEFAULT_PANEL_REMINDER_HOURS : panelReminderHours;
    }

    /** The windows before the panel reminder was a setting: its default. */
    public ReviewWindows(int teamLeadCheckHours, int customerReplyHours, int followUpDays, int panelVotingWorkingDays,
            int earlyWarningCount, int earlyWarningDays, List<String> outOfScopeSources, Integer appealDays,
            Integer panelQuorum, List<String> dutyChiefEmployeeIds) {
        this(teamLeadCheckHours, customerReplyHours, followUpDays, panelVotingWorkingDays, earlyWarningCount,
                earlyWarningDays, outOfScopeSources, appealDays, panelQuorum, dutyChiefEmployeeIds, null);
    }

    /** The windows of the first policy versions, with the later settings at their defaults. */
    public ReviewWindows(int teamLeadCheckHours, int customerReplyHours, int followUpDays, int panelVotingWorkingDays,
            int earlyWarningCount, int earlyWarningDays, List<String> outOfScopeSources) {
        this(teamLeadCheckHours, customerReplyHours, followUpDays, panelVotingWorkingDays, earlyWarningCount,
                earlyWarningDays, outOfScopeSources, null, null, null, null);
    }

    public ReviewWindows validate() {
        outOfScopeSources.forEach(source -> TextInput.optional(source, "outOfScopeSources", Kind.CODE));
        dutyChiefEmployeeIds.forEach(id -> TextInput.optional(id, "dutyChiefEmployeeIds", Kind.EMPLOYEE_ID));
        Grading.range(teamLeadCheckHours, 1, 72, "teamLeadCheckHours");
        Grading.range(customerReplyHours, 1, 240, "customerReplyHours");
        Grading.range(followUpDays, 1, 30, "followUpDays");
        Grading.range(panelVotingWorkingDays, 1, 30, "panelVotingWorkingDays");
        Grading.range(earlyWarningCount, 2, 1000, "earlyWarningCount");
        Grading.range(earlyWarningDays, 1, 365, "earlyWarningDays");
        Grading.range(appealDays, 1, 30, "appealDays");
        Grading.range(panelQuorum, 1, PANEL_SEATS, "panelQuorum");
        Grading.range(panelReminderHours, 1, 240, "panelReminderHours");
        for (String id : dutyChiefEmployeeIds) {
            if (!EMPLOYEE_ID.matcher(id).matches()) {
                throw OmbudException.badRequest("EMPLOYEE_ID_INVALID", "dutyChiefEmployeeIds",
                        "Not an employee ID: {0}", id);
            }
        }
        return this;
    }

    /** Whether complaints from this source line are out of scope of internal reviews. */
    public boolean outOfScope(String source) {
        return source != null && outOfScopeSources.contains(source.strip());
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(s -> s != null).map(String::strip).filter(s -> !s.isEmpty()).distinct()
                        .toList();
    }
}
