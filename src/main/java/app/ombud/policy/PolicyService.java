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
        var newest = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1),
                PolicyVersionDocument.class);
        if (newest == null) {
            throw OmbudException.notFound("POLICY_MISSING", "No policy has been saved yet");
        }
        PolicyVersion known = cached.get();
        if (known != null && known.number() == newest.number()) {
            return known;
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

    @PreAuthorize("hasRole('ADMIN')")
    public PolicyVersion updateGrading(int basedOn, Grading grading, String comment) {
        return change(basedOn, c -> c.withGrading(grading), comment);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public PolicyVersion updateRouting(int basedOn, Routing routing, String comment) {
        return change(basedOn, c -> c.withRouting(routing), comment);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public PolicyVersion updateReviewWindows(int basedOn, ReviewWindows windows, String comment) {
        return change(basedOn, c -> c.withReviewWindows(windows), comment);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public PolicyVersion updateReviewCriteria(int basedOn, ReviewCriteria criteria, String comment) {
        return change(basedOn, c -> c.withReviewCriteria(criteria), comment);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public PolicyVersion updateCallTestThresholds(int basedOn, CallTestThresholds thresholds, String comment) {
        return change(basedOn, c -> c.withCallTestThresholds(thresholds), comment);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public PolicyVersion updateTemplates(int basedOn, MessageTemplates templates, String comment) {
        return change(basedOn, c -> c.withTemplates(templates), comment);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public PolicyVersion updateOperations(int basedOn, OperationsTargets targets, String comment) {
        return change(basedOn, c -> c.withOperations(targets), comment);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public PolicyVersion updateCalendar(int basedOn, WorkingCalendar calendar, String comment) {
        return change(basedOn, c -> c.withCalendar(calendar), comment);
    }

    /** Reads holidays and swapped working days from an .ics file, for the admin to review and save. */
    @PreAuthorize("hasRole('ADMIN')")
    public CalendarDates readIcs(byte[] ics) {
        return IcsDates.read(ics, current().content().calendar().zone());
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
        var document = new PolicyVersionDocument(basedOn + 1, json.write(next), CurrentActor.get().subject(),
                clock.instant(), why, sections);
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException e) {
            throw conflict(basedOn, basedOn + 1);
        }
        audit.record("policy.saved", "Policy", String.valueOf(document.number()),
                Map.of("sections", String.join(",", sections), "comment", why));
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
                document.createdAt(), document.comment(), document.changedSections());
    }

    /** A fresh store gets version 1: the shipped defaults. */
    @EventListener(Bootstrap.class)
    @org.springframework.core.annotation.Order(Bootstrap.Step.POLICY)
    void ensureFirstVersion() {
        if (mongo.exists(new Query(), PolicyVersionDocument.class)) {
            return;
        }
        try {
            mongo.insert(new PolicyVersionDocument(1, json.write(PolicyDefaults.content().validate()),
                    Actor.SYSTEM.subject(), clock.instant(), "Ombud defaults", List.of()));
            audit.record(Actor.SYSTEM, "policy.saved", "Policy", "1", Map.of("comment", "Ombud defaults"));
        } catch (DuplicateKeyException e) {
            // another instance wrote version 1 first
        }
    }
}
