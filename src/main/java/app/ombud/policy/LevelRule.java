package app.ombud.policy;

import java.util.List;

/**
 * A complaint level (1 is the most severe): its name and description, its criteria, who
 * handles it, its deadlines — acknowledgement in working hours, resolution in working days — and
 * whether leadership is told of each case at this level at once ({@code tellsLeadership}; not
 * given, as in policies saved before it existed: level 1 only).
 */
public record LevelRule(int level, LocalizedText name, LocalizedText description, HandlingRole handler,
        int acknowledgeHours, int resolutionWorkingDays, List<Criterion> criteria, Boolean tellsLeadership) {

    public LevelRule {
        criteria = List.copyOf(criteria);
        if (tellsLeadership == null) {
            tellsLeadership = level == 1;
        }
    }
}
