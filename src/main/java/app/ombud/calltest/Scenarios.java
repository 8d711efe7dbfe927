package app.ombud.calltest;

import app.ombud.calltest.internal.ScenarioDocument;
import app.ombud.calltest.internal.ScenarioFields;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.Idempotency;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Sequences;
import app.ombud.platform.TextInput;
import app.ombud.platform.TextInput.Kind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.stereotype.Service;

/**
 * The scenario library (SPEC §4): scenarios with a script, the expected answer and its knowledge
 * points, versioned (an edit is a new revision, the old ones stay readable) and retired rather
 * than deleted. Confidential: CALLTEST_STAFF and ADMIN only ({@link CallTestStaff}).
 */
@Service
public class Scenarios {

    /** At most this many knowledge points and tags per scenario. */
    public static final int MAX_POINTS = 30;
    public static final int MAX_TAGS = 10;
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");

    private final ScenarioFields fields;
    private final Sequences sequences;
    private final Idempotency idempotency;
    private final AuditTrail audit;
    private final Clock clock;

    Scenarios(ScenarioFields fields, Sequences sequences, Idempotency idempotency, AuditTrail audit, Clock clock) {
        this.fields = fields;
        this.sequences = sequences;
        this.idempotency = idempotency;
        this.audit = audit;
        this.clock = clock;
    }

    /** Adds a scenario (its revision 1), once per key. */
    @CallTestStaff
    public Scenario create(ScenarioInput input, IdempotencyKey key) {
        CurrentActor.requirePerson();
        return idempotency.once("calltest.scenario", key, Arrays.asList(input), id -> create(id, input),
                id -> fields.byId(id).map(ScenarioDocument::view));
    }

    private Scenario create(UUID id, ScenarioInput input) {
        var revision = revision(input, 1, List.of());
        var document = ScenarioDocument.create(id, "SC-%05d".formatted(sequences.next("calltest.scenario")),
                revision);
        fields.insert(document);
        audit.record("calltest.scenario.created", "Scenario", document.number(), Map.of("revision", "1"));
        return document.view();
    }

    /** An edit: the input becomes the scenario's next revision; the earlier ones are kept. */
    @CallTestStaff
    public Scenario revise(UUID id, ScenarioInput input, Long expectedVersion) {
        CurrentActor.requirePerson();
        var checked = texts(input);
        var document = load(id, expectedVersion);
        var revision = revision(checked, document.nextRevision(), document.codesUsed());
        document.revise(revision);
        var saved = fields.save(document);
        audit.record("calltest.scenario.revised", "Scenario", saved.number(),
                Map.of("revision", Integer.toString(revision.revision())));
        return saved.view();
    }

    /** Retires a scenario: it stays readable (and in the plans that chose it) but is not chosen again. */
    @CallTestStaff
    public Scenario retire(UUID id, Long expectedVersion) {
        var person = CurrentActor.requirePerson();
        var document = load(id, expectedVersion);
        document.retire(person.key(), clock.instant());
        return saved(document, "calltest.scenario.retired");
    }

    @CallTestStaff
    public Scenario reinstate(UUID id, Long expectedVersion) {
        CurrentActor.requirePerson();
        var document = load(id, expectedVersion);
        document.reinstate();
        return saved(document, "calltest.scenario.reinstated");
    }

    @CallTestStaff
    public Scenario get(UUID id) {
        return fields.byId(id).map(ScenarioDocument::view).orElseThrow(() -> notFound(id));
    }

    /** One revision of a scenario, as a test call that used it refers to it. */
    @CallTestStaff
    public ScenarioRevision revision(UUID id, int revision) {
        return get(id).revision(revision).orElseThrow(() -> OmbudException.notFound("SCENARIO_REVISION_NOT_FOUND",
                "Scenario {0} has no revision {1}", id, revision));
    }

    @CallTestStaff
    public Window<Scenario> search(ScenarioFilter filter, ScrollPosition position, int size) {
        return fields.search(filter(filter), position, size).map(ScenarioDocument::view);
    }

    @CallTestStaff
    public long count(ScenarioFilter filter) {
        return fields.count(filter(filter));
    }

    private static ScenarioFilter filter(ScenarioFilter filter) {
        var f = filter == null ? ScenarioFilter.CURRENT : filter;
        return new ScenarioFilter(f.type(), f.channel(), TextInput.optional(f.tag(), "tag", Kind.TAG),
                TextInput.optional(f.text(), "text", Kind.LINE), f.includeRetired());
    }

    // ---- rules -------------------------------------------------------------------------

    private Scenario saved(ScenarioDocument document, String action) {
        var saved = fields.save(document);
        audit.record(action, "Scenario", saved.number(), Map.of());
        return saved.view();
    }

    private ScenarioDocument load(UUID id, Long expectedVersion) {
        var document = fields.byId(id).orElseThrow(() -> notFound(id));
        if (expectedVersion != null && !expectedVersion.equals(document.version())) {
            throw OmbudException.concurrentUpdate();
        }
        return document;
    }

    /** The input's texts checked (before anything else), knowledge points and tags cleaned. */
    private static ScenarioInput texts(ScenarioInput input) {
        if (input == null) {
            throw OmbudException.badRequest("REQUIRED", "input", "{0} is required", "input");
        }
        String title = TextInput.required(input.title(), "title", Kind.LINE);
        String script = TextInput.required(input.script(), "script", Kind.TEXT);
        String answer = TextInput.required(input.expectedAnswer(), "expectedAnswer", Kind.TEXT);
        List<KnowledgePoint> points = new ArrayList<>();
        for (var point : input.knowledgePoints() == null ? List.<KnowledgePoint>of() : input.knowledgePoints()) {
            String code = TextInput.optional(point == null ? null : point.code(), "knowledgePoints.code", Kind.CODE);
            String text = TextInput.optional(point == null ? null : point.text(), "knowledgePoints.text", Kind.LINE);
            if (text == null) {
                throw OmbudException.badRequest("REQUIRED", "knowledgePoints.text", "{0} is required",
                        "knowledgePoints.text");
            }
            points.add(new KnowledgePoint(code, text));
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : input.tags() == null ? List.<String>of() : input.tags()) {
            String clean = TextInput.optional(tag, "tags", Kind.TAG);
            if (clean != null) {
                tags.add(clean);
            }
        }
        return new ScenarioInput(input.type(), input.special(), input.channel(), title, script, answer, points,
                List.copyOf(tags));
    }

    /**
     * The revision the input makes: type, channel and the special situation's kind consistent, at
     * least one knowledge point, codes unique and well-formed; a point without a code gets the
     * next {@code K<n>} no revision used.
     */
    private ScenarioRevision revision(ScenarioInput raw, int number, List<String> usedCodes) {
        var input = texts(raw);
        if (input.type() == null) {
            throw OmbudException.badRequest("REQUIRED", "type", "{0} is required", "type");
        }
        if (input.channel() == null) {
            throw OmbudException.badRequest("REQUIRED", "channel", "{0} is required", "channel");
        }
        boolean special = input.type() == ScenarioType.SPECIAL_SITUATION;
        if (special && input.special() == null) {
            throw OmbudException.badRequest("SCENARIO_SPECIAL_KIND_REQUIRED", "special",
                    "A special situation names its kind");
        }
        if (!special && input.special() != null) {
            throw OmbudException.badRequest("SCENARIO_SPECIAL_KIND_UNEXPECTED", "special",
                    "Only a special situation names a kind");
        }
        if (input.knowledgePoints().isEmpty()) {
            throw OmbudException.badRequest("SCENARIO_KNOWLEDGE_POINTS_REQUIRED", "knowledgePoints",
                    "A scenario needs at least one knowledge point");
        }
        if (input.knowledgePoints().size() > MAX_POINTS || input.tags().size() > MAX_TAGS) {
            boolean points = input.knowledgePoints().size() > MAX_POINTS;
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", points ? "knowledgePoints" : "tags",
                    "{0} must be between {1} and {2}", points ? "knowledgePoints" : "tags", points ? 1 : 0,
                    points ? MAX_POINTS : MAX_TAGS);
        }
        Set<String> taken = new LinkedHashSet<>(usedCodes);
        Set<String> mine = new LinkedHashSet<>();
        for (var point : input.knowledgePoints()) {
            if (point.code() != null && (!CODE.matcher(point.code()).matches() || !mine.add(point.code()))) {
                throw OmbudException.badRequest(mine.contains(point.code()) && CODE.matcher(point.code()).matches()
                        ? "KNOWLEDGE_POINT_CODE_TAKEN" : "KNOWLEDGE_POINT_CODE_INVALID", "knowledgePoints.code",
                        "Knowledge point code {0} is invalid or named twice", point.code());
            }
        }
        taken.addAll(mine);
        List<KnowledgePoint> points = new ArrayList<>();
        int next = 1;
        for (var point : input.knowledgePoints()) {
            String code = point.code();
            if (code == null) {
                while (taken.contains("K" + next)) {
                    next++;
                }
                code = "K" + next;
                taken.add(code);
            }
            points.add(new KnowledgePoint(code, point.text()));
        }
        return new ScenarioRevision(number, input.type(), input.special(), input.channel(), input.title(),
                input.script(), input.expectedAnswer(), List.copyOf(points), input.tags(),
                CurrentActor.required().key(), clock.instant());
    }

    private static OmbudException notFound(UUID id) {
        return OmbudException.notFound("SCENARIO_NOT_FOUND", "No scenario {0}", id);
    }
}
