package app.ombud.policy;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.platform.Actor;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.Bootstrap;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput;
import app.ombud.policy.internal.IcsDates;
import app.ombud.policy.internal.PolicyJson;
import app.ombud.policy.internal.PolicyVersionDocument;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The versioned policy: every number and rule a company may change. The newest version is in
 * force; every save creates the next version on top of the one the admin read (a stale base is
 * a conflict, nothing is lost), validated as a whole, audited. Modules read the policy and the
 * working calendar only through this service.
 */
@Service
public class PolicyService {

    private final MongoTemplate mongo;
    private final PolicyJson json;
    private final AuditTrail audit;
    private final Clock clock;
    private final DirectoryService directory;
    private final AtomicReference<PolicyVersion> cached = new AtomicReference<>();

    PolicyService(MongoTemplate mongo, PolicyJson json, AuditTrail audit, Clock clock, DirectoryService directory) {
        this.directory = directory;
        this.mongo = mongo;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /** The version in force. */
    public PolicyVersion current() {
        // every intake asks: read the newest number only, and the whole (large) version only when it changed
        Query newestNumber = new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1);
        newestNumber.fields().include("_id");
        var number = mongo.findOne(newestNumber, org.bson.Document.class,
                mongo.getCollectionName(PolicyVersionDocument.class));
        if (number == null) {
            throw OmbudException.notFound("POLICY_MISSING", "No policy has been saved yet");
        }
        PolicyVersion known = cached.get();
        if (known != null && number.get("_id") instanceof Number newest && known.number() == newest.intValue()) {
            return known;
        }
        var newest = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1),
                PolicyVersionDocument.class);
        if (newest == null) {
            throw OmbudException.notFound("POLICY_MISSING", "No policy has been saved yet");
        }
        PolicyVersion version = view(newest);
        cached.set(version);
        return version;
    }

    @PreAuthorize("isAuthenticated()")
    public PolicyVersion version(int number) {
        var document = mongo.findById(number, PolicyVersionDocument.class);
        if (document == null) {
            throw OmbudException.notFound("POLICY_VERSION_NOT_FOUND", "No policy version {0}", number);
        }
        return view(document);
    }

    /**
     * Versions newest first, a keyset page after the version named by the position. Not through
     * {@code MongoTemplate.scroll}: keyset scrolling appends the id ascending to the sort, which
     * overrides a descending sort on the id and returned the oldest versions first.
     */
    @PreAuthorize("isAuthenticated()")
    public Window<PolicyVersion> history(ScrollPosition position, int size) {
        var query = new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(size + 1);
        if (position instanceof KeysetScrollPosition keyset && !keyset.isInitial()) {
            Object after = keyset.getKeys().containsKey("number") ? keyset.getKeys().get("number")
                    : keyset.getKeys().get("_id");
            if (!(after instanceof Number number)) {
                throw OmbudException.badRequest("CURSOR_INVALID", "after", "The cursor does not name a version");
            }
            query.addCriteria(Criteria.where("_id").lt(number.intValue()));
        } else if (position instanceof OffsetScrollPosition offset && !offset.isInitial()) {
            query.skip(offset.getOffset() + 1);
        }
        List<PolicyVersion> found = mongo.find(query, PolicyVersionDocument.class).stream().map(this::view).toList();
        List<PolicyVersion> page = found.size() > size ? found.subList(0, size) : found;
        return Window.from(page, i -> ScrollPosition.forward(Map.of("number", page.get(i).number())),
                found.size() > size);
    }

    @PreAuthorize("isAuthenticated()")
    public long countVersions() {
        return mongo.count(new Query(), PolicyVersionDocument.class);
    }

    /** The settings that differ between two versions. */
    @PreAuthorize("isAuthenticated()")
    public List<PolicyDiff> diff(int from, int to) {
        return json.diff(version(from).content(), version(to).content());
    }

    /** Saves a whole new content on top of version {@code basedOn}. */
    @PreAuthorize("hasRole('ADMIN')")
    public PolicyVersion save(int basedOn, PolicyContent content, String comment) {
        return change(basedOn, c -> content, comment);
    }

    /** Saves one section on top of version {@code basedOn}: the next version, validated as a whole. */
    @PreAuthorize("hasRole('ADMIN')")
    public <T extends PolicySection> PolicyVersion update(PolicySections.Kind<T> section, int basedOn, T value,
            String comment) {
        return change(basedOn, c -> c.with(section, value), comment);
    }

    /** Reads holidays and swapped working days from an .ics file, for the admin to review and save. */
    @PreAuthorize("hasRole('ADMIN')")
    public CalendarDates readIcs(byte[] ics) {
        return IcsDates.read(ics, current().content().calendar().zone());
    }

    /**
     * What importing a year's holidays and swapped working days from an .ics file would change on
     * the calendar in force; nothing is saved. The source given (else the one the file names) is
     * required: the title of the notice at least.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public CalendarImport previewCalendarImport(int year, byte[] ics, HolidaySource source) {
        PolicyVersion base = current();
        WorkingCalendar calendar = base.content().calendar();
        CalendarDates dates = IcsDates.read(ics, calendar.zone());
        HolidaySource named = source != null ? source : dates.source();
        if (named == null || named.title() == null || named.title().isBlank()) {
            throw OmbudException.badRequest("CALENDAR_SOURCE_MISSING", "sources.title",
                    "Name the source of these dates: at least the title of the notice");
        }
        HolidaySource ofYear = new HolidaySource(year, named.title(), named.documentNumber(), named.published(),
                named.url()).validate();
        WorkingCalendar result = calendar.withYear(year, dates, ofYear).validate();
        return new CalendarImport(year, ofYear, dates, calendar.changesTo(result), result, base.number());
    }

    /**
     * Imports a year's holidays and swapped working days: the special days of that year are
     * replaced by those of the file, its source is recorded, and the calendar is saved as the next
     * version on top of {@code basedOn}.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public PolicyVersion importCalendarYear(int basedOn, int year, byte[] ics, HolidaySource source, String comment) {
        CalendarImport preview = previewCalendarImport(year, ics, source);
        return change(basedOn, c -> c.with(PolicySections.CALENDAR, preview.result()), comment, PolicyOrigin.CALENDAR_IMPORT,
                List.of(String.valueOf(year)));
    }

    // ---- previews and computations for every module and client ---------------------------

    @PreAuthorize("isAuthenticated()")
    public GradingResult evaluateLevel(CaseFacts facts) {
        var policy = current();
        return policy.content().grading().evaluate(facts, policy.number());
    }

    @PreAuthorize("isAuthenticated()")
    public RouteResult routeEmployee(String employeeId) {
        var policy = current();
        return policy.content().routing().route(employeeId, policy.number());
    }

    public WorkingCalendar calendar() {
        return current().content().calendar();
    }

    public Instant addWorkingTime(Instant start, Duration amount) {
        return calendar().addWorkingTime(start, amount);
    }

    public Instant addWorkingDays(Instant start, int days) {
        return calendar().addWorkingDays(start, days);
    }

    // ---- internals ----------------------------------------------------------------------

    private PolicyVersion change(int basedOn, UnaryOperator<PolicyContent> change, String comment) {
        return change(basedOn, change, comment, PolicyOrigin.EDIT, List.of());
    }

    private PolicyVersion change(int basedOn, UnaryOperator<PolicyContent> change, String comment,
            PolicyOrigin origin, List<String> originArgs) {
        String given = TextInput.optional(comment, "comment", TextInput.Kind.NOTE);
        String why = given == null ? "" : given;
        PolicyVersion base = current();
        PolicyContent next = change.apply(base.content()).validate();
        checkReferences(base.content(), next);
        if (base.number() != basedOn) {
            throw conflict(basedOn, base.number());
        }
        List<String> sections = json.changedSections(base.content(), next);
        if (sections.isEmpty()) {
            throw OmbudException.badRequest("POLICY_UNCHANGED", null, "Nothing changed: no new version was saved");
        }
        var actor = CurrentActor.get();
        var document = new PolicyVersionDocument(basedOn + 1, json.write(next), actor.subject(), clock.instant(), why,
                sections, origin.name(), originArgs, actor.name());
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException e) {
            throw conflict(basedOn, basedOn + 1);
        }
        audit.record("policy.saved", "Policy", String.valueOf(document.number()),
                Map.of("sections", String.join(",", sections), "comment", why, "origin", origin.name()));
        return view(document);
    }

    /**
     * The people a save names anew must be active people of the directory; those the version in
     * force names already are left alone, so a person who has left does not block other changes.
     * Likewise a default escalation department named anew must be a department of the directory.
     */
    private void checkReferences(PolicyContent base, PolicyContent next) {
        UUID department = next.operations().escalationDepartmentId();
        if (department != null && !department.equals(base.operations().escalationDepartmentId())
                && directory.departmentsByIds(Set.of(department)).isEmpty()) {
            throw OmbudException.badRequest("DEPARTMENT_NOT_FOUND", "escalationDepartmentId",
                    "No department with ID {0}", department);
        }
        Map<String, Set<String>> before = base.employeeIds();
        for (var reference : next.employeeIds().entrySet()) {
            Set<String> added = new LinkedHashSet<>(reference.getValue());
            added.removeAll(before.getOrDefault(reference.getKey(), Set.of()));
            if (added.isEmpty()) {
                continue;
            }
            Map<String, Person> known = directory.peopleByEmployeeIds(added);
            for (String employeeId : added) {
                Person person = known.get(employeeId);
                if (person == null || !person.active()) {
                    throw OmbudException.badRequest("PERSON_NOT_FOUND", reference.getKey(), "No active person {0}",
                            employeeId);
                }
            }
        }
    }

    private static OmbudException conflict(int basedOn, int current) {
        return OmbudException.conflict("POLICY_VERSION_CONFLICT",
                "The policy changed since you opened it (you edited version {0}, version {1} is now in force); "
                        + "reload and apply your change again", basedOn, current);
    }

    private PolicyVersion view(PolicyVersionDocument document) {
        return new PolicyVersion(document.number(), json.read(document.content()), document.author(),
                document.createdAt(), document.commentOrLegacy(), document.changedSections(),
                PolicyOrigin.valueOf(document.originOrLegacy()),
                document.originArgs() == null ? List.of() : document.originArgs(), document.authorName());
    }

    /** A fresh store gets version 1: the shipped defaults, the holiday packs on its calendar. */
    @EventListener(Bootstrap.class)
    @org.springframework.core.annotation.Order(Bootstrap.Step.POLICY)
    void ensureFirstVersion() {
        if (mongo.exists(new Query(), PolicyVersionDocument.class)) {
            return;
        }
        try {
            mongo.insert(new PolicyVersionDocument(1, json.write(PolicyDefaults.content().validate()),
                    Actor.SYSTEM.subject(), clock.instant(), "", List.of(), PolicyOrigin.DEFAULTS.name(), List.of(),
                    Actor.SYSTEM.name()));
            audit.record(Actor.SYSTEM, "policy.saved", "Policy", "1", Map.of("origin", PolicyOrigin.DEFAULTS.name()));
        } catch (DuplicateKeyException e) {
            // another instance wrote version 1 first
        }
    }
}
