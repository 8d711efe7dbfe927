package app.ombud.directory;

import app.ombud.platform.Batches;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.Paging;
import app.ombud.platform.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** The {@code Person} type of the API: people queries and mutations, and a person's department and team. */
@Controller
class PersonController {

    private final DirectoryService directory;
    private final AccountService accounts;
    private final Paging paging;

    PersonController(DirectoryService directory, AccountService accounts, Paging paging) {
        this.directory = directory;
        this.accounts = accounts;
        this.paging = paging;
    }

    record CreatePersonInput(String employeeId, String name, UUID departmentId, UUID teamId, List<Role> roles,
            Boolean active, String phone, String email) {
    }

    record UpdatePersonInput(UUID id, Long expectedVersion, String employeeId, String name, UUID departmentId,
            UUID teamId, List<Role> roles, boolean active, String phone, String email) {
    }

    record ResetPersonPasswordInput(UUID id, Long expectedVersion) {
    }

    record UnlockPersonInput(UUID id) {
    }

    record PersonPayload(Person person) {
    }

    @QueryMapping
    Window<Person> people(@Argument PersonFilter filter, ScrollSubrange subrange) {
        return directory.people(filter == null ? PersonFilter.ALL : filter, paging.position(subrange),
                paging.size(subrange));
    }

    @QueryMapping
    Person person(@Argument UUID id) {
        return directory.person(id);
    }

    @QueryMapping
    Person personByEmployeeId(@Argument String employeeId) {
        return directory.personByEmployeeId(employeeId).orElse(null);
    }

    @MutationMapping
    PersonPayload createPerson(@Argument CreatePersonInput input,
            @ContextValue(name = IdempotencyKey.CONTEXT, required = false) String idempotencyKey) {
        return new PersonPayload(directory.createPerson(new PersonInput(input.employeeId(), input.name(),
                input.departmentId(), input.teamId(), roles(input.roles()), !Boolean.FALSE.equals(input.active()),
                input.phone(), input.email()), IdempotencyKey.fromHeader(idempotencyKey)));
    }

    @MutationMapping
    PersonPayload updatePerson(@Argument UpdatePersonInput input) {
        return new PersonPayload(directory.updatePerson(input.id(), new PersonInput(input.employeeId(), input.name(),
                input.departmentId(), input.teamId(), roles(input.roles()), input.active(), input.phone(),
                input.email()), input.expectedVersion()));
    }

    @MutationMapping
    AccountService.PasswordReset resetPersonPassword(@Argument ResetPersonPasswordInput input) {
        return accounts.reset(input.id(), input.expectedVersion());
    }

    @MutationMapping
    PersonPayload unlockPerson(@Argument UnlockPersonInput input) {
        return new PersonPayload(accounts.unlock(input.id()));
    }

    @BatchMapping
    Map<Person, Department> department(List<Person> people) {
        var departments = directory.departmentsByIds(Batches.keys(people, Person::departmentId));
        return Batches.byKey(people, Person::departmentId, departments);
    }

    @BatchMapping
    Map<Person, Team> team(List<Person> people) {
        var teams = directory.teamsByIds(Batches.keys(people, Person::teamId));
        return Batches.byKey(people, Person::teamId, teams);
    }

    private static Set<Role> roles(List<Role> roles) {
        return roles == null ? Set.of() : Set.copyOf(roles);
    }
}
