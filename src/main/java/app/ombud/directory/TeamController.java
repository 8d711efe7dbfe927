package app.ombud.directory;

import app.ombud.platform.Batches;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.Paging;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** The {@code Team} type of the API: queries, mutations, and a team's department and lead. */
@Controller
class TeamController {

    private final DirectoryService directory;
    private final Paging paging;

    TeamController(DirectoryService directory, Paging paging) {
        this.directory = directory;
        this.paging = paging;
    }

    record CreateTeamInput(String name, UUID departmentId, String leadEmployeeId) {
    }

    record UpdateTeamInput(UUID id, Long expectedVersion, String name, UUID departmentId, String leadEmployeeId) {
    }

    record DeleteTeamInput(UUID id, Long expectedVersion) {
    }

    record TeamPayload(Team team) {
    }

    record DeleteTeamPayload(UUID id) {
    }

    @QueryMapping
    Window<Team> teams(@Argument UUID departmentId, ScrollSubrange subrange) {
        return directory.teams(departmentId, paging.position(subrange), paging.size(subrange));
    }

    @QueryMapping
    Team team(@Argument UUID id) {
        return directory.team(id);
    }

    @MutationMapping
    TeamPayload createTeam(@Argument CreateTeamInput input,
            @ContextValue(name = IdempotencyKey.CONTEXT, required = false) String idempotencyKey) {
        return new TeamPayload(directory.createTeam(
                new TeamInput(input.name(), input.departmentId(), input.leadEmployeeId()),
                IdempotencyKey.fromHeader(idempotencyKey)));
    }

    @MutationMapping
    TeamPayload updateTeam(@Argument UpdateTeamInput input) {
        return new TeamPayload(directory.updateTeam(input.id(),
                new TeamInput(input.name(), input.departmentId(), input.leadEmployeeId()), input.expectedVersion()));
    }

    @MutationMapping
    DeleteTeamPayload deleteTeam(@Argument DeleteTeamInput input) {
        directory.deleteTeam(input.id(), input.expectedVersion());
        return new DeleteTeamPayload(input.id());
    }

    @BatchMapping
    Map<Team, Department> department(List<Team> teams) {
        var departments = directory.departmentsByIds(Batches.keys(teams, Team::departmentId));
        return Batches.byKey(teams, Team::departmentId, departments);
    }

    @BatchMapping
    Map<Team, Person> lead(List<Team> teams) {
        var leads = directory.peopleByEmployeeIds(Batches.keys(teams, Team::leadEmployeeId));
        return Batches.byKey(teams, Team::leadEmployeeId, leads);
    }
}
