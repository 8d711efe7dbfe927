package app.ombud.calltest;

import java.util.List;
import java.util.UUID;

/**
 * What a plan says (SPEC §4): the quarter ({@code 2027-Q1}), its purpose, its scope (teams of the
 * directory, business lines, channels), the schedule, the scenarios (the current revision of each
 * is kept), the executors (CALLTEST_STAFF people) and the monthly quotas per team × channel.
 */
public record PlanInput(String quarter, String purpose, List<UUID> teamIds, List<String> lines,
        List<CallChannel> channels, String schedule, List<UUID> scenarioIds, List<String> executorEmployeeIds,
        List<MonthlyQuota> quotas) {
}
