package app.ombud.improvement;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.improvement.internal.TrainingNeedDocument;
import app.ombud.improvement.internal.TrainingNeedFields;
import app.ombud.platform.Actor;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.Idempotency;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.NoticeIds;
import app.ombud.platform.OmbudException;
import app.ombud.platform.PersonalData;
import app.ombud.platform.Role;
import app.ombud.platform.Sequences;
import app.ombud.platform.TextInput;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.TimeInput;
import app.ombud.policy.PolicyService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Training needs (培训需求, SPEC §4): recorded by those who read the results — the test-call
 * group (CALLTEST_STAFF), department heads, leadership and admins — for the people who missed a
 * measure or keep failing the same knowledge points; planned, then done on a date, and the effect
 * seen in later results noted. Those people read and change every need; anyone else reads the
 * needs that name them (for their appraisal); BI readers read all, masked.
 */
@Service
public class TrainingNeeds {

    /** At most this many people and source results on one need. */
    public static final int MAX_PEOPLE = 200;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Role[] MANAGERS = {Role.CALLTEST_STAFF, Role.DEPT_HEAD, Role.LEADERSHIP, Role.ADMIN};

    private final TrainingNeedFields fields;
    private final DirectoryService directory;
    private final PolicyService policy;
    private final Sequences sequences;
    private final AuditTrail audit;
    private final Clock clock;
    private final Idempotency idempotency;
    private final List<TrainingEffects> effects;

    TrainingNeeds(TrainingNeedFields fields, DirectoryService directory, PolicyService policy, Sequences sequences,
            AuditTrail audit, Clock clock, Idempotency idempotency, List<TrainingEffects> effects) {
        this.fields = fields;
        this.directory = directory;
        this.policy = policy;
        this.sequences = sequences;
        this.audit = audit;
        this.clock = clock;
        this.idempotency = idempotency;
        this.effects = List.copyOf(effects);
    }

    /** Records a training need (PLANNED) for active people, from the given results, planned for a day to come (or none). */
    @PreAuthorize("hasAnyRole('CALLTEST_STAFF','DEPT_HEAD','LEADERSHIP','ADMIN') or principal == 'system'")
    public TrainingNeed create(String topic, List<String> employeeIds, List<SourceRef> sources, LocalDate plannedFor,
            IdempotencyKey key) {
        Actor actor = ImprovementService.personOrSystem();
        String what = TextInput.required(topic, "topic", Kind.LINE);
        Set<String> people = new LinkedHashSet<>();
        for (String id : employeeIds == null ? List.<String>of() : employeeIds) {
            String clean = TextInput.optional(id, "employeeIds", Kind.EMPLOYEE_ID);
            if (clean != null) {
                people.add(clean);
            }
        }
        List<SourceRef> from = new ArrayList<>();
        for (SourceRef ref : sources == null ? List.<SourceRef>of() : sources) {
            from.add(new SourceRef(TextInput.required(ref.type(), "sources.type", Kind.CODE), ref.id(),
                    TextInput.optional(ref.number(), "sources.number", Kind.LINE)));
        }
        if (people.isEmpty()) {
            throw OmbudException.badRequest("REQUIRED", "employeeIds", "{0} is required", "employeeIds");
        }
        if (people.size() > MAX_PEOPLE || from.size() > MAX_PEOPLE) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", people.size() > MAX_PEOPLE ? "employeeIds" : "sources",
                    "{0} must be between {1} and {2}", people.size() > MAX_PEOPLE ? "employeeIds" : "sources", 1,
                    MAX_PEOPLE);
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, policy.calendar().zone());
        TimeInput.checkRange(plannedFor, "plannedFor");
        if (plannedFor != null && plannedFor.isBefore(today)) {
            throw OmbudException.badRequest("DUE_DATE_IN_PAST", "plannedFor", "{0} is in the past: {1}", "plannedFor",
                    plannedFor.toString());
        }
        List<String> named = List.copyOf(people);
        return idempotency.once("training.create", key, Arrays.asList(what, named, from, plannedFor),
                id -> insert(id, what, named, from, plannedFor, actor, now),
                id -> fields.byId(id).map(TrainingNeedDocument::view));
    }

    private TrainingNeed insert(UUID id, String topic, List<String> people, List<SourceRef> sources,
            LocalDate plannedFor, Actor actor, Instant now) {
        Map<String, Person> found = directory.peopleByEmployeeIds(people);
        for (String person : people) {
            if (found.get(person) == null || !found.get(person).active()) {
                throw OmbudException.badRequest("PERSON_NOT_FOUND", "employeeIds", "No active person {0}", person);
            }
        }
        String day = DAY.format(now.atZone(policy.calendar().zone()));
        String number = "PX-%s-%04d".formatted(day, sequences.next("training-" + day));
        var document = TrainingNeedDocument.plan(id, number, topic, people, sources, plannedFor, actor.key(), now);
        fields.insert(document);
        audit.record(actor, "training.planned", "TrainingNeed", number, Map.of("people",
                Integer.toString(people.size())));
        return document.view();
    }

    /**
     * Records the need a derivation from results found (SPEC §4) — the topic, the active ones of
     * the people (at most {@link #MAX_PEOPLE}, inactive people are left out), the results it comes
     * from (the first {@link #MAX_PEOPLE}) — once per {@code derivedFrom}: when a need of that code
     * exists, it is returned as it is and nothing is written (also when two derive at once: the
     * need's ID is derived from the code). Empty when none of the people is active.
     */
    @PreAuthorize("hasAnyRole('CALLTEST_STAFF','ADMIN') or principal == 'system'")
    public Optional<TrainingNeed> derive(String derivedFrom, String topic, List<String> employeeIds,
            List<SourceRef> sources) {
        Actor actor = ImprovementService.personOrSystem();
        String code = TextInput.required(derivedFrom, "derivedFrom", Kind.LINE);
        String what = TextInput.required(topic, "topic", Kind.LINE);
        UUID id = NoticeIds.of("training-need", code);
        var existing = fields.byId(id);
        if (existing.isPresent()) {
            return existing.map(TrainingNeedDocument::view);
        }
        Map<String, Person> found = directory.peopleByEmployeeIds(List.copyOf(new LinkedHashSet<>(employeeIds)));
        List<String> people = new LinkedHashSet<>(employeeIds).stream().filter(p -> found.get(p) != null
                && found.get(p).active()).limit(MAX_PEOPLE).toList();
        if (people.isEmpty()) {
            return Optional.empty();
        }
        List<SourceRef> from = sources.stream().limit(MAX_PEOPLE).toList();
        Instant now = clock.instant();
        String day = DAY.format(now.atZone(policy.calendar().zone()));
        String number = "PX-%s-%04d".formatted(day, sequences.next("training-" + day));
        var document = TrainingNeedDocument.derive(id, number, code, what, people, from, actor.key(), now);
        try {
            fields.insert(document);
        } catch (DuplicateKeyException e) {
            return fields.byId(id).map(TrainingNeedDocument::view);
        }
        audit.record(actor, "training.derived", "TrainingNeed", number, Map.of("people",
                Integer.toString(people.size()), "derivedFrom", code));
        return Optional.of(document.view());
    }

    /** The needs derived by codes starting with {@code prefix} that the caller may read, oldest first. */
    @PreAuthorize("isAuthenticated()")
    public List<TrainingNeed> derived(String prefix) {
        Actor actor = CurrentActor.required();
        return fields.derived(prefix, readerKey(actor)).stream().map(d -> present(d.view(), actor)).toList();
    }

    /**
     * The needs naming a person of one period, for their appraisal: derived from the period's
     * results (derivation codes starting with {@code derivedPrefix}) or recorded from {@code from}
     * until {@code to}; newest first, at most {@code limit}. Anyone but those who read every need
     * reads only their own (else none).
     */
    @PreAuthorize("isAuthenticated()")
    public List<TrainingNeed> naming(String employeeId, String derivedPrefix, Instant from, Instant to, int limit) {
        Actor actor = CurrentActor.required();
        String reader = readerKey(actor);
        if (employeeId == null || derivedPrefix == null || from == null || to == null
                || (reader != null && !reader.equals(employeeId))) {
            return List.of();
        }
        return fields.namingWithin(employeeId, derivedPrefix, from, to, Math.max(1, Math.min(limit, MAX_PEOPLE)))
                .stream().map(d -> present(d.view(), actor)).toList();
    }

    /**
     * The effect of a done need derived from results, computed from the people's later results by
     * the module that derived it; empty for a planned need or one recorded by hand. Computed on the
     * stored need, and only one the caller may read (else empty), whatever the record passed says.
     */
    @PreAuthorize("isAuthenticated()")
    public Optional<TrainingEffect> effect(TrainingNeed need) {
        if (need == null || need.status() != TrainingStatus.DONE || need.derivedFrom() == null) {
            return Optional.empty();
        }
        var stored = fields.visible(need.id(), readerKey(CurrentActor.required())).map(TrainingNeedDocument::view)
                .filter(n -> n.status() == TrainingStatus.DONE && n.derivedFrom() != null);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        for (TrainingEffects source : effects) {
            var seen = source.effect(stored.get());
            if (seen.isPresent()) {
                return seen;
            }
        }
        return Optional.empty();
    }

    /** The training was held on {@code doneOn} (not after today). */
    @PreAuthorize("hasAnyRole('CALLTEST_STAFF','DEPT_HEAD','LEADERSHIP','ADMIN')")
    public TrainingNeed markDone(UUID id, LocalDate doneOn, Long expectedVersion) {
        CurrentActor.requirePerson();
        if (doneOn == null) {
            throw OmbudException.badRequest("REQUIRED", "doneOn", "{0} is required", "doneOn");
        }
        TimeInput.checkRange(doneOn, "doneOn");
        if (doneOn.isAfter(LocalDate.ofInstant(clock.instant(), policy.calendar().zone()))) {
            throw OmbudException.badRequest("TRAINING_DONE_IN_FUTURE", "doneOn", "{0} cannot be in the future",
                    "doneOn");
        }
        var document = take(id, expectedVersion);
        document.done(doneOn);
        return save(document, "training.done");
    }

    /** The effect seen in the people's later results, once the training is done. */
    @PreAuthorize("hasAnyRole('CALLTEST_STAFF','DEPT_HEAD','LEADERSHIP','ADMIN')")
    public TrainingNeed noteEffect(UUID id, String effect, Long expectedVersion) {
        Actor actor = CurrentActor.requirePerson();
        String text = TextInput.required(effect, "effect", Kind.TEXT);
        var document = take(id, expectedVersion);
        document.noteEffect(text, actor.key(), clock.instant());
        return save(document, "training.effect");
    }

    @PreAuthorize("isAuthenticated()")
    public TrainingNeed get(UUID id) {
        Actor actor = CurrentActor.required();
        return fields.visible(id, readerKey(actor)).map(d -> present(d.view(), actor)).orElseThrow(() -> notFound(id));
    }

    /** The needs the caller may read, newest first; {@code employeeId} narrows to one person's. */
    @PreAuthorize("isAuthenticated()")
    public Window<TrainingNeed> search(TrainingStatus status, String employeeId, ScrollPosition position, int size) {
        Actor actor = CurrentActor.required();
        return fields.search(readerKey(actor), status, employeeId == null || employeeId.isBlank() ? null
                : employeeId.strip(), position, size).map(d -> present(d.view(), actor));
    }

    /** Whether the caller may record and change training needs. */
    public static boolean manages(Actor actor) {
        return actor.hasAny(MANAGERS);
    }

    /** Null when the caller reads every need; otherwise the employee ID the needs they read must name. */
    private static String readerKey(Actor actor) {
        return manages(actor) || actor.has(Role.BI_READER) || actor.kind() == Actor.Kind.SYSTEM ? null : actor.key();
    }

    private TrainingNeedDocument take(UUID id, Long expectedVersion) {
        var document = fields.byId(id).orElseThrow(() -> notFound(id));
        if (expectedVersion != null && !expectedVersion.equals(document.version())) {
            throw OmbudException.concurrentUpdate();
        }
        return document;
    }

    private TrainingNeed save(TrainingNeedDocument document, String action) {
        var saved = fields.save(document);
        audit.record(action, "TrainingNeed", saved.number(), Map.of("status", saved.status().name()));
        return saved.view();
    }

    private static OmbudException notFound(UUID id) {
        return OmbudException.notFound("TRAINING_NEED_NOT_FOUND", "No training need {0} that you may see", id);
    }

    private static TrainingNeed present(TrainingNeed view, Actor actor) {
        return PersonalData.hiddenFrom(actor) ? PersonalData.maskTexts(view) : view;
    }
}
