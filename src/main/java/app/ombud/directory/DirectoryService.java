package app.ombud.directory;

import app.ombud.directory.internal.DepartmentDocument;
import app.ombud.directory.internal.DepartmentRepository;
import app.ombud.directory.internal.DirectoryRules;
import app.ombud.directory.internal.PersonDocument;
import app.ombud.directory.internal.PersonRepository;
import app.ombud.directory.internal.TeamDocument;
import app.ombud.directory.internal.TeamRepository;
import app.ombud.platform.Actor;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.Idempotency;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The directory: people, departments (with their superior department) and teams. Reads are
 * open to every signed-in person and client; changes are for admins. Contact details and login facts of people
 * are shown only to admins and to the person themself.
 */
@Service
public class DirectoryService {

    private static final int MAX_LIST = 1000;

    private final PersonRepository people;
    private final DepartmentRepository departments;
    private final TeamRepository teams;
    private final MongoTemplate mongo;
    private final DirectoryRules rules;
    private final AuditTrail audit;
    private final Idempotency idempotency;

    DirectoryService(PersonRepository people, DepartmentRepository departments, TeamRepository teams,
            MongoTemplate mongo, DirectoryRules rules, AuditTrail audit, Idempotency idempotency) {
        this.people = people;
        this.idempotency = idempotency;
        this.departments = departments;
        this.teams = teams;
        this.mongo = mongo;
        this.rules = rules;
        this.audit = audit;
    }

    // ---- people -------------------------------------------------------------------------

    /**
     * Employee IDs of the active people with a role, for notifying them (e.g. leadership of a
     * level-1 complaint). Holds no personal data, so scheduled jobs may call it too.
     */
    public List<String> activeEmployeeIdsWithRole(Role role) {
        Query query = Query.query(Criteria.where("roles").is(role).and("active").is(true)).limit(MAX_LIST);
        query.fields().include("employeeId");
        return mongo.find(query, org.bson.Document.class, "people").stream()
                .map(d -> d.getString("employeeId")).sorted().toList();
    }

    /** Where to reach a person by e-mail or phone; either may be null. */
    public record Contact(String employeeId, String email, String phone) {
    }

    /**
     * Contact details for sending people messages through the outbox (e.g. leadership about a
     * level-1 complaint). Not exposed through the API or the portal; callers send to these
     * addresses and show them to nobody.
     */
    public Map<String, Contact> contactsOf(Collection<String> employeeIds) {
        return people.findByEmployeeIdIn(Set.copyOf(employeeIds)).stream().map(PersonDocument::view)
                .collect(Collectors.toMap(Person::employeeId, p -> new Contact(p.employeeId(), p.email(), p.phone())));
    }

    /** The employee ID of a department's head, if it names one. Holds no personal data. */
    public Optional<String> headOf(UUID departmentId) {
        return departmentId == null ? Optional.empty()
                : departments.findById(departmentId).map(d -> d.view().headEmployeeId());
    }

    /** People by employee ID, paged by keyset (API) or offset (portal grids). */
    @PreAuthorize("isAuthenticated()")
    public Window<Person> people(PersonFilter filter, ScrollPosition position, int size) {
        Query query = new Query(peopleCriteria(filter)).with(Sort.by("employeeId", "id")).limit(size);
        Actor actor = CurrentActor.get();
        return mongo.scroll(query.with(position), PersonDocument.class).map(p -> visible(p.view(), actor));
    }

    @PreAuthorize("isAuthenticated()")
    public long countPeople(PersonFilter filter) {
        return mongo.count(new Query(peopleCriteria(filter)), PersonDocument.class);
    }

    @PreAuthorize("isAuthenticated()")
    public Person person(UUID id) {
        return visible(findPerson(id).view(), CurrentActor.get());
    }

    @PreAuthorize("isAuthenticated()")
    public Optional<Person> personByEmployeeId(String employeeId) {
        return people.findByEmployeeId(employeeId == null ? "" : employeeId.strip())
                .map(p -> visible(p.view(), CurrentActor.get()));
    }

    /** One query for many people, for batch loading (e.g. names of accused employees). */
    @PreAuthorize("isAuthenticated()")
    public Map<String, Person> peopleByEmployeeIds(Collection<String> employeeIds) {
        Actor actor = CurrentActor.get();
        return people.findByEmployeeIdIn(Set.copyOf(employeeIds)).stream()
                .collect(Collectors.toMap(PersonDocument::employeeId, p -> visible(p.view(), actor)));
    }

    /** One query for many departments, for batch loading (e.g. the departments of a page of people). */
    @PreAuthorize("isAuthenticated()")
    public Map<UUID, Department> departmentsByIds(Collection<UUID> ids) {
        Set<UUID> wanted = ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        return wanted.isEmpty() ? Map.of() : departments.findAllById(wanted).stream()
                .collect(Collectors.toMap(DepartmentDocument::id, DepartmentDocument::view));
    }

    /** One query for many teams, for batch loading. */
    @PreAuthorize("isAuthenticated()")
    public Map<UUID, Team> teamsByIds(Collection<UUID> ids) {
        Set<UUID> wanted = ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        return wanted.isEmpty() ? Map.of() : teams.findAllById(wanted).stream()
                .collect(Collectors.toMap(TeamDocument::id, TeamDocument::view));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Person createPerson(PersonInput input) {
        return createPerson(input, IdempotencyKey.NONE);
    }

    /** Creates a person once per key: a repeat with the same key returns the person created first. */
    @PreAuthorize("hasRole('ADMIN')")
    public Person createPerson(PersonInput input, IdempotencyKey key) {
        return idempotency.once("person.create", key, input, id -> createPerson(id, input),
                id -> people.findById(id).map(PersonDocument::view));
    }

    private Person createPerson(UUID id, PersonInput input) {
        var valid = rules.validPerson(input, null);
        var document = PersonDocument.create(id, valid);
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException e) {
            throw employeeIdTaken(valid.employeeId());
        }
        audit.record("person.created", "Person", valid.employeeId(),
                Map.of("name", valid.name(), "roles", roleNames(valid.roles())));
        return document.view();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Person updatePerson(UUID id, PersonInput input, Long expectedVersion) {
        var valid = rules.validPerson(input, id);
        var document = findPerson(id);
        checkVersion(document.version(), expectedVersion);
        Set<Role> rolesBefore = document.roles();
        boolean activeBefore = document.active();
        // only the profile changes, conditionally on the version read: portal logins update the
        // embedded credentials meanwhile without counting as a change of the person
        var update = new org.springframework.data.mongodb.core.query.Update()
                .set("employeeId", valid.employeeId()).set("name", valid.name())
                .set("departmentId", valid.departmentId()).set("teamId", valid.teamId())
                .set("roles", valid.roles()).set("active", valid.active())
                .set("phone", valid.phone()).set("email", valid.email()).inc("version", 1);
        PersonDocument saved;
        try {
            saved = mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("version").is(document.version())),
                    update, org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true),
                    PersonDocument.class);
        } catch (DuplicateKeyException e) {
            throw employeeIdTaken(valid.employeeId());
        }
        if (saved == null) {
            throw OmbudException.concurrentUpdate();
        }
        audit.record("person.updated", "Person", saved.employeeId(), Map.of("name", saved.name()));
        if (!rolesBefore.equals(saved.roles())) {
            audit.record("person.roles-changed", "Person", saved.employeeId(),
                    Map.of("from", roleNames(rolesBefore), "to", roleNames(saved.roles())));
        }
        if (activeBefore != saved.active()) {
            audit.record(saved.active() ? "person.activated" : "person.deactivated", "Person", saved.employeeId(),
                    Map.of());
        }
        return saved.view();
    }

    // ---- departments --------------------------------------------------------------------

    @PreAuthorize("isAuthenticated()")
    public Window<Department> departments(ScrollPosition position, int size) {
        return departments.findBy(position, Sort.by("name", "id"), Limit.of(size)).map(DepartmentDocument::view);
    }

    /** All departments by name, for pickers and trees (a company has dozens, not thousands). */
    @PreAuthorize("isAuthenticated()")
    public List<Department> allDepartments() {
        return departments.findBy(ScrollPosition.offset(), Sort.by("name", "id"), Limit.of(MAX_LIST)).getContent()
                .stream().map(DepartmentDocument::view).toList();
    }

    @PreAuthorize("isAuthenticated()")
    public long countDepartments() {
        return departments.count();
    }

    @PreAuthorize("isAuthenticated()")
    public Department department(UUID id) {
        return findDepartment(id).view();
    }

    /** The superior department (上级主管部门) of a department, if it has one. */
    @PreAuthorize("isAuthenticated()")
    public Optional<Department> superiorOf(UUID departmentId) {
        UUID parent = findDepartment(departmentId).parentId();
        return parent == null ? Optional.empty() : departments.findById(parent).map(DepartmentDocument::view);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Department createDepartment(DepartmentInput input) {
        return createDepartment(input, IdempotencyKey.NONE);
    }

    /** Creates a department once per key: a repeat with the same key returns the first department. */
    @PreAuthorize("hasRole('ADMIN')")
    public Department createDepartment(DepartmentInput input, IdempotencyKey key) {
        return idempotency.once("department.create", key, input, id -> createDepartment(id, input),
                id -> departments.findById(id).map(DepartmentDocument::view));
    }

    private Department createDepartment(UUID id, DepartmentInput input) {
        var valid = rules.validDepartment(input, null);
        var document = DepartmentDocument.create(id, valid);
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException e) {
            throw departmentTaken(valid.name());
        }
        audit.record("department.created", "Department", document.id().toString(), Map.of("name", valid.name()));
        return document.view();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Department updateDepartment(UUID id, DepartmentInput input, Long expectedVersion) {
        var valid = rules.validDepartment(input, id);
        var document = findDepartment(id);
        checkVersion(document.version(), expectedVersion);
        document.change(valid);
        try {
            document = departments.save(document);
        } catch (DuplicateKeyException e) {
            throw departmentTaken(valid.name());
        } catch (OptimisticLockingFailureException e) {
            throw OmbudException.concurrentUpdate();
        }
        audit.record("department.updated", "Department", id.toString(), Map.of("name", valid.name()));
        return document.view();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void deleteDepartment(UUID id, Long expectedVersion) {
        var document = findDepartment(id);
        checkVersion(document.version(), expectedVersion);
        if (departments.existsByParentId(id) || teams.existsByDepartmentId(id) || people.existsByDepartmentId(id)) {
            throw OmbudException.conflict("DEPARTMENT_IN_USE",
                    "Department {0} still has sub-departments, teams or people", document.name());
        }
        try {
            departments.delete(document);
        } catch (OptimisticLockingFailureException e) {
            throw OmbudException.concurrentUpdate();
        }
        audit.record("department.deleted", "Department", id.toString(), Map.of("name", document.name()));
    }

    // ---- teams --------------------------------------------------------------------------

    @PreAuthorize("isAuthenticated()")
    public Window<Team> teams(UUID departmentId, ScrollPosition position, int size) {
        Sort sort = Sort.by("name", "id");
        var window = departmentId == null ? teams.findBy(position, sort, Limit.of(size))
                : teams.findByDepartmentId(departmentId, position, sort, Limit.of(size));
        return window.map(TeamDocument::view);
    }

    @PreAuthorize("isAuthenticated()")
    public long countTeams(UUID departmentId) {
        return departmentId == null ? teams.count()
                : mongo.count(Query.query(Criteria.where("departmentId").is(departmentId)), TeamDocument.class);
    }

    @PreAuthorize("isAuthenticated()")
    public List<Team> teamsOf(UUID departmentId) {
        return teams.findByDepartmentId(departmentId).stream().map(TeamDocument::view).toList();
    }

    @PreAuthorize("isAuthenticated()")
    public Team team(UUID id) {
        return findTeam(id).view();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Team createTeam(TeamInput input) {
        return createTeam(input, IdempotencyKey.NONE);
    }

    /** Creates a team once per key: a repeat with the same key returns the first team. */
    @PreAuthorize("hasRole('ADMIN')")
    public Team createTeam(TeamInput input, IdempotencyKey key) {
        return idempotency.once("team.create", key, input, id -> createTeam(id, input),
                id -> teams.findById(id).map(TeamDocument::view));
    }

    private Team createTeam(UUID id, TeamInput input) {
        var valid = rules.validTeam(input);
        var document = TeamDocument.create(id, valid);
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException e) {
            throw teamTaken(valid.name());
        }
        audit.record("team.created", "Team", document.id().toString(), Map.of("name", valid.name()));
        return document.view();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Team updateTeam(UUID id, TeamInput input, Long expectedVersion) {
        var valid = rules.validTeam(input);
        var document = findTeam(id);
        checkVersion(document.version(), expectedVersion);
        if (!valid.departmentId().equals(document.departmentId())
                && mongo.exists(Query.query(Criteria.where("teamId").is(id)), PersonDocument.class)) {
            throw OmbudException.conflict("TEAM_HAS_MEMBERS",
                    "Move the team's members first: a team with members cannot change department");
        }
        document.change(valid);
        try {
            document = teams.save(document);
        } catch (DuplicateKeyException e) {
            throw teamTaken(valid.name());
        } catch (OptimisticLockingFailureException e) {
            throw OmbudException.concurrentUpdate();
        }
        audit.record("team.updated", "Team", id.toString(), Map.of("name", valid.name()));
        return document.view();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void deleteTeam(UUID id, Long expectedVersion) {
        var document = findTeam(id);
        checkVersion(document.version(), expectedVersion);
        if (people.existsByTeamId(id)) {
            throw OmbudException.conflict("TEAM_HAS_MEMBERS", "The team still has members");
        }
        try {
            teams.delete(document);
        } catch (OptimisticLockingFailureException e) {
            throw OmbudException.concurrentUpdate();
        }
        audit.record("team.deleted", "Team", id.toString(), Map.of("name", document.view().name()));
    }

    // ---- helpers ------------------------------------------------------------------------

    private Criteria peopleCriteria(PersonFilter filter) {
        List<Criteria> where = new ArrayList<>();
        if (filter.text() != null && !filter.text().isBlank()) {
            // free text (case-insensitive, so not even the employee-ID prefix is index-bounded): the
            // employeeId order's index and the page size bound it (known-unserved.txt)
            String text = Pattern.quote(filter.text().strip());
            where.add(new Criteria().orOperator(Criteria.where("employeeId").regex("^" + text, "i"),
                    Criteria.where("name").regex(text, "i")));
        }
        if (filter.departmentId() != null) {
            where.add(Criteria.where("departmentId").is(filter.departmentId()));
        }
        if (filter.teamId() != null) {
            where.add(Criteria.where("teamId").is(filter.teamId()));
        }
        if (filter.role() != null) {
            where.add(Criteria.where("roles").is(filter.role()));
        }
        if (filter.active() != null) {
            where.add(Criteria.where("active").is(filter.active()));
        }
        return where.isEmpty() ? new Criteria() : new Criteria().andOperator(where);
    }

    private static Person visible(Person person, Actor actor) {
        boolean mayContact = actor.has(Role.ADMIN) || person.employeeId().equals(actor.employeeId());
        if (mayContact) {
            return person;
        }
        return new Person(person.id(), person.employeeId(), person.name(), person.departmentId(), person.teamId(),
                person.roles(), person.active(), null, null, person.canLogIn(), null, null, person.version());
    }

    private PersonDocument findPerson(UUID id) {
        return people.findById(id).orElseThrow(() -> OmbudException.notFound("PERSON_NOT_FOUND",
                "No person with ID {0}", id));
    }

    private DepartmentDocument findDepartment(UUID id) {
        return departments.findById(id).orElseThrow(() -> OmbudException.notFound("DEPARTMENT_NOT_FOUND",
                "No department with ID {0}", id));
    }

    private TeamDocument findTeam(UUID id) {
        return teams.findById(id).orElseThrow(() -> OmbudException.notFound("TEAM_NOT_FOUND",
                "No team with ID {0}", id));
    }

    private static void checkVersion(Long actual, Long expected) {
        if (expected != null && !expected.equals(actual == null ? 0L : actual)) {
            throw OmbudException.concurrentUpdate();
        }
    }


    private static OmbudException employeeIdTaken(String employeeId) {
        return new OmbudException(OmbudException.Kind.CONFLICT, "EMPLOYEE_ID_TAKEN", "employeeId",
                "Employee ID {0} is already in the directory", employeeId);
    }

    private static OmbudException departmentTaken(String name) {
        return new OmbudException(OmbudException.Kind.CONFLICT, "DEPARTMENT_TAKEN", "name",
                "A department with this name or code exists already: {0}", name);
    }

    private static OmbudException teamTaken(String name) {
        return new OmbudException(OmbudException.Kind.CONFLICT, "TEAM_TAKEN", "name",
                "The department has a team named {0} already", name);
    }

    static String roleNames(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }
}
