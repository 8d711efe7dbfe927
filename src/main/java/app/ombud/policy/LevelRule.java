package app.ombud.policy;

import java.util.List;

/**
 * A complaint level (1 is the most severe): its name and description, its criteria, who
 * handles it, and its deadlines — acknowledgement in working hours, resolution in working days.
 */
public record LevelRule(int level, LocalizedText name, LocalizedText description, HandlingRole handler,
        int acknowledgeHours, int resolutionWorkingDays, List<Criterion> criteria) {

    public LevelRule {
        criteria = List.copyOf(criteria);
    }
}
