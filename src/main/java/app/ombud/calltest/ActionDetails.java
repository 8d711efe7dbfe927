package app.ombud.calltest;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What the test-call group fills in to raise an improvement action from test calls: what to
 * improve, the responsible department and person in it, the due date (null: the default working
 * days) and whether to require a re-test ({@code retestScenarioId}: the scenario to call again;
 * {@code retestTeamId}: the team, null for the weak spot's or the call's own team).
 */
public record ActionDetails(String title, String description, UUID departmentId, String ownerEmployeeId,
        LocalDate dueDate, UUID retestScenarioId, UUID retestTeamId) {
}
