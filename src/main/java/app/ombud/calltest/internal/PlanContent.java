package app.ombud.calltest.internal;

import app.ombud.calltest.CallChannel;
import app.ombud.calltest.MonthlyQuota;
import app.ombud.calltest.ScenarioRef;
import java.util.List;
import java.util.UUID;

/** What a plan says, checked ({@link PlanRules}): the editable part of {@link PlanDocument}. */
public record PlanContent(String quarter, String purpose, List<UUID> teamIds, List<String> lines,
        List<CallChannel> channels, String schedule, List<ScenarioRef> scenarios, List<String> executorEmployeeIds,
        List<MonthlyQuota> quotas) {

    /** The quota of a month for a team × channel, 0 when the plan sets none. */
    public int quota(String month, UUID teamId, CallChannel channel) {
        return quotas.stream().filter(q -> q.month().equals(month) && q.teamId().equals(teamId)
                && q.channel() == channel).mapToInt(MonthlyQuota::count).sum();
    }
}
