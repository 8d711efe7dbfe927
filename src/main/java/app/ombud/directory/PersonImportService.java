package app.ombud.directory;

import app.ombud.directory.internal.DepartmentDocument;
import app.ombud.directory.internal.DepartmentRepository;
import app.ombud.directory.internal.DirectoryRules;
import app.ombud.directory.internal.PersonCsv.Column;
import app.ombud.directory.internal.PersonCsv;
import app.ombud.directory.internal.PersonDocument;
import app.ombud.directory.internal.PersonImportDocument;
import app.ombud.directory.internal.PersonRepository;
import app.ombud.directory.internal.TeamDocument;
import app.ombud.directory.internal.TeamRepository;
import app.ombud.directory.internal.ValidPerson;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.Bootstrap;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.Idempotency;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.platform.TextInput;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Imports people from a CSV file (hundreds of agents at once). Every row is checked with the
 * same rules as the portal form; if any row fails, nothing is written and the report says why
 * for each row. A clean file is saved as a pending import first and then applied with
 * idempotent upserts by employee ID, so a crash mid-way is finished at the next start.
 * Existing people (same employee ID) are updated; their passwords are kept.
 */
@Service
public class PersonImportService {

    private static final Logger log = LoggerFactory.getLogger(PersonImportService.class);

    private final MongoTemplate mongo;
    private final DirectoryRules rules;
    private final PersonRepository people;
    private final DepartmentRepository departments;
    private final TeamRepository teams;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final Clock clock;
    private final Idempotency idempotency;

    PersonImportService(MongoTemplate mongo, DirectoryRules rules, PersonRepository people,
            DepartmentRepository departments, TeamRepository teams, MessageSource messages, AuditTrail audit,
            Clock clock, Idempotency idempotency) {
        this.mongo = mongo;
        this.idempotency = idempotency;
        this.rules = rules;
        this.people = people;
        this.departments = departments;
        this.teams = teams;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** A CSV file with the accepted columns and one example row. */
    public String template() {
        return PersonCsv.template();
    }

    /** Checks the file and reports what would happen to each row; writes nothing. */
    @PreAuthorize("hasRole('ADMIN')")
    public ImportReport check(byte[] csv) {
        Checked checked = checkRows(csv);
        return report(null, ImportReport.Status.CHECKED, checked.rows());
    }

    /** The API's form of {@link #check(byte[])}: the file's text, checked as the field {@code csv}. */
    @PreAuthorize("hasRole('ADMIN')")
    public ImportReport check(String csv) {
        return check(csvBytes(csv));
    }

    /** The API's form of {@link #importPeople(byte[], IdempotencyKey)}: the file's text. */
    @PreAuthorize("hasRole('ADMIN')")
    public ImportReport importPeople(String csv, IdempotencyKey key) {
        return importPeople(csvBytes(csv), key);
    }

    /** A file sent as text is checked where it enters; the bytes of a portal upload in PersonCsv. */
    private static byte[] csvBytes(String csv) {
        return TextInput.required(csv, "csv", TextInput.Kind.FILE).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Imports the file when every row is valid; otherwise writes nothing and reports the errors. */
    @PreAuthorize("hasRole('ADMIN')")
    public ImportReport importPeople(byte[] csv) {
        return importPeople(csv, IdempotencyKey.NONE);
    }

    /**
     * Imports the file once per key: a repeat with the same key answers the first import's report
     * (and finishes that import if a crash cut it short).
     */
    @PreAuthorize("hasRole('ADMIN')")
    public ImportReport importPeople(byte[] csv, IdempotencyKey key) {
        return idempotency.once("people.import", key, csv, id -> importPeople(id, csv), this::imported);
    }

    private ImportReport importPeople(UUID id, byte[] csv) {
        Checked checked = checkRows(csv);
        if (checked.rows().stream().anyMatch(r -> r.outcome() == ImportReport.Outcome.ERROR)) {
            return report(null, ImportReport.Status.REJECTED, checked.rows());
        }
        var pending = new PersonImportDocument(id, PersonImportDocument.Status.PENDING,
                checked.valid(), count(checked.rows(), ImportReport.Outcome.CREATE),
                count(checked.rows(), ImportReport.Outcome.UPDATE), CurrentActor.get().subject(), clock.instant(), null,
                List.copyOf(checked.rows()));
        mongo.insert(pending);
        apply(pending);
        audit.record("people.imported", "PersonImport", pending.id().toString(),
                Map.of("created", String.valueOf(pending.created()), "updated", String.valueOf(pending.updated())));
        return report(pending.id(), ImportReport.Status.APPLIED, checked.rows());
    }

    /** The report of an import made under this ID. */
    private Optional<ImportReport> imported(UUID id) {
        return Optional.ofNullable(mongo.findById(id, PersonImportDocument.class)).map(document -> {
            if (document.status() == PersonImportDocument.Status.PENDING) {
                apply(document);
            }
            return new ImportReport(document.id(), ImportReport.Status.APPLIED, document.created(),
                    document.updated(), document.report() == null ? List.of() : document.report());
        });
    }

    /** Finishes imports that a crash or stop cut short. */
    @EventListener(Bootstrap.class)
    @org.springframework.core.annotation.Order(Bootstrap.Step.RESUME)
    void finishPendingImports() {
        var pending = mongo.find(Query.query(Criteria.where("status").is(PersonImportDocument.Status.PENDING)),
                PersonImportDocument.class);
        for (var document : pending) {
            log.info("Finishing the people import {} of {} rows", document.id(), document.rows().size());
            apply(document);
        }
    }

    private void apply(PersonImportDocument document) {
        for (ValidPerson row : document.rows()) {
            upsert(row);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(document.id())),
                new Update().set("status", PersonImportDocument.Status.APPLIED).set("appliedAt", clock.instant()),
                PersonImportDocument.class);
    }

    private void upsert(ValidPerson row) {
        Update update = new Update()
                .set("employeeId", row.employeeId()).set("name", row.name())
                .set("departmentId", row.departmentId()).set("teamId", row.teamId())
                .set("roles", row.roles()).set("active", row.active())
                .set("phone", row.phone()).set("email", row.email())
                .setOnInsert("_id", UUID.randomUUID())
                .inc("version", 1);
        Query byEmployeeId = Query.query(Criteria.where("employeeId").is(row.employeeId()));
        try {
            mongo.upsert(byEmployeeId, update, PersonDocument.class);
        } catch (DuplicateKeyException e) {
            // someone created the same employee ID at this moment: now it exists, so update it
            mongo.updateFirst(byEmployeeId, update, PersonDocument.class);
        }
    }

    private record Checked(List<ImportReport.Row> rows, List<ValidPerson> valid) {
    }

    private Checked checkRows(byte[] csv) {
        var lines = PersonCsv.read(csv);
        var departmentsByKey = departmentKeys();
        var teamsByDepartment = teams.findAll().stream().collect(Collectors.groupingBy(TeamDocument::departmentId));
        var existing = people.findByEmployeeIdIn(lines.stream().map(l -> l.get(Column.EMPLOYEE_ID)).toList())
                .stream().collect(Collectors.toMap(PersonDocument::employeeId, PersonDocument::id));
        Map<String, Role> roleNames = roleNames();
        Set<String> seen = new HashSet<>();
        List<ImportReport.Row> rows = new ArrayList<>();
        List<ValidPerson> valid = new ArrayList<>();
        for (var line : lines) {
            String employeeId = line.get(Column.EMPLOYEE_ID);
            try {
                if (!employeeId.isEmpty() && !seen.add(employeeId)) {
                    throw OmbudException.badRequest("CSV_DUPLICATE_EMPLOYEE_ID", "employeeId",
                            "Employee ID {0} appears more than once in the file", employeeId);
                }
                UUID departmentId = resolveDepartment(line.get(Column.DEPARTMENT), departmentsByKey);
                UUID teamId = resolveTeam(line.get(Column.TEAM), departmentId, teamsByDepartment);
                var input = new PersonInput(employeeId, line.get(Column.NAME), departmentId, teamId,
                        parseRoles(line.get(Column.ROLES), roleNames), parseActive(line.get(Column.ACTIVE)),
                        line.get(Column.PHONE), line.get(Column.EMAIL));
                var person = rules.validPerson(input, existing.get(employeeId));
                valid.add(person);
                rows.add(new ImportReport.Row(line.line(), employeeId, existing.containsKey(employeeId)
                        ? ImportReport.Outcome.UPDATE : ImportReport.Outcome.CREATE, null, null, null, List.of()));
            } catch (OmbudException e) {
                rows.add(new ImportReport.Row(line.line(), employeeId, ImportReport.Outcome.ERROR, e.code(), e.field(),
                        java.text.MessageFormat.format(e.getMessage().replace("'", "''"), e.args()),
                        Arrays.stream(e.args()).map(String::valueOf).toList()));
            }
        }
        return new Checked(rows, valid);
    }

    private Map<String, UUID> departmentKeys() {
        Map<String, UUID> keys = new HashMap<>();
        for (DepartmentDocument department : departments.findAll()) {
            var view = department.view();
            keys.put(view.name().toLowerCase(Locale.ROOT), view.id());
            if (view.code() != null) {
                keys.put(view.code().toLowerCase(Locale.ROOT), view.id());
            }
        }
        return keys;
    }

    private static UUID resolveDepartment(String text, Map<String, UUID> departmentsByKey) {
        if (text.isEmpty()) {
            return null;
        }
        UUID id = departmentsByKey.get(text.toLowerCase(Locale.ROOT));
        if (id == null) {
            throw OmbudException.badRequest("CSV_UNKNOWN_DEPARTMENT", "department",
                    "No department with code or name {0}", text);
        }
        return id;
    }

    private static UUID resolveTeam(String text, UUID departmentId, Map<UUID, List<TeamDocument>> teamsByDepartment) {
        if (text.isEmpty()) {
            return null;
        }
        if (departmentId == null) {
            throw OmbudException.badRequest("CSV_TEAM_WITHOUT_DEPARTMENT", "team",
                    "Give the department of team {0}", text);
        }
        return teamsByDepartment.getOrDefault(departmentId, List.of()).stream()
                .filter(t -> t.view().name().equalsIgnoreCase(text)).map(TeamDocument::id).findFirst()
                .orElseThrow(() -> OmbudException.badRequest("CSV_UNKNOWN_TEAM", "team",
                        "The department has no team named {0}", text));
    }

    /** Role names as written in the CSV: ADMIN, admin, or the English or Chinese label. */
    private Map<String, Role> roleNames() {
        Map<String, Role> names = new HashMap<>();
        for (Role role : Role.values()) {
            names.put(role.name().toLowerCase(Locale.ROOT), role);
            for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
                String label = messages.getMessage(role.labelKey(), null, null, locale);
                if (label != null) {
                    names.put(label.strip().toLowerCase(Locale.ROOT), role);
                }
            }
        }
        return names;
    }

    private static Set<Role> parseRoles(String text, Map<String, Role> roleNames) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : text.split("[;|,、/]+")) {
            String key = name.strip().toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                continue;
            }
            Role role = roleNames.get(key);
            if (role == null) {
                throw OmbudException.badRequest("CSV_UNKNOWN_ROLE", "roles", "Unknown role {0}", name.strip());
            }
            roles.add(role);
        }
        return roles;
    }

    private static boolean parseActive(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "", "true", "yes", "y", "1", "是", "在职", "启用" -> true;
            case "false", "no", "n", "0", "否", "离职", "停用" -> false;
            default -> throw OmbudException.badRequest("CSV_BAD_ACTIVE", "active",
                    "active must be true or false (是/否): {0}", text);
        };
    }

    private static int count(List<ImportReport.Row> rows, ImportReport.Outcome outcome) {
        return (int) rows.stream().filter(r -> r.outcome() == outcome).count();
    }

    private static ImportReport report(UUID id, ImportReport.Status status, List<ImportReport.Row> rows) {
        return new ImportReport(id, status, count(rows, ImportReport.Outcome.CREATE),
                count(rows, ImportReport.Outcome.UPDATE), List.copyOf(rows));
    }
}
