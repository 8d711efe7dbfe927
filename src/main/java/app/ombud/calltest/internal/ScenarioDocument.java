package app.ombud.calltest.internal;

import app.ombud.calltest.Scenario;
import app.ombud.calltest.ScenarioRevision;
import app.ombud.platform.OmbudException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A scenario of the library with every revision it had, in one document: an edit appends a new
 * revision (the old ones stay readable, a test call keeps the ID and revision it used), retiring
 * keeps it all. The current revision's searchable fields are copied to the top so the list can
 * filter on them.
 */
@CompoundIndexes({
    @CompoundIndex(name = "channel_tags_type_number",
            def = "{'channel': 1, 'tags': 1, 'type': 1, 'number': -1, '_id': 1}"),
    @CompoundIndex(name = "retired_number", def = "{'retired': 1, 'number': -1, '_id': 1}")
})
@Document("calltest_scenarios")
public class ScenarioDocument {

    @Id
    private final UUID id;
    @Indexed(unique = true)
    private final String number;
    private final List<ScenarioRevision> revisions;
    private boolean retired;
    private String retiredBy;
    private Instant retiredAt;
    /** Copies of the current revision's fields, for the list's filters. */
    private String type;
    private String channel;
    private String title;
    private String script;
    private List<String> tags;
    @Version
    private Long version;

    @PersistenceCreator
    ScenarioDocument(UUID id, String number, List<ScenarioRevision> revisions, boolean retired, String retiredBy,
            Instant retiredAt, Long version) {
        this.id = id;
        this.number = number;
        this.revisions = new ArrayList<>(revisions == null ? List.of() : revisions);
        this.retired = retired;
        this.retiredBy = retiredBy;
        this.retiredAt = retiredAt;
        this.version = version;
        copyCurrent();
    }

    public static ScenarioDocument create(UUID id, String number, ScenarioRevision first) {
        return new ScenarioDocument(id, number, List.of(first), false, null, null, null);
    }

    public int nextRevision() {
        return current().revision() + 1;
    }

    /** An edit: the new content becomes the next revision. */
    public void revise(ScenarioRevision next) {
        if (retired) {
            throw OmbudException.conflict("SCENARIO_RETIRED", "Scenario {0} is retired; reinstate it first", number);
        }
        revisions.add(next);
        copyCurrent();
    }

    public void retire(String actor, Instant now) {
        if (retired) {
            throw OmbudException.conflict("SCENARIO_RETIRED", "Scenario {0} is retired already", number);
        }
        retired = true;
        retiredBy = actor;
        retiredAt = now;
    }

    public void reinstate() {
        if (!retired) {
            throw OmbudException.conflict("SCENARIO_NOT_RETIRED", "Scenario {0} is not retired", number);
        }
        retired = false;
        retiredBy = null;
        retiredAt = null;
    }

    public ScenarioRevision current() {
        return revisions.getLast();
    }

    /** Every knowledge-point code any revision used, so a new point never takes an old code. */
    public List<String> codesUsed() {
        return revisions.stream().flatMap(r -> r.knowledgePoints().stream()).map(p -> p.code()).distinct().toList();
    }

    private void copyCurrent() {
        if (revisions.isEmpty()) {
            return;
        }
        var now = current();
        type = now.type().name();
        channel = now.channel().name();
        title = now.title();
        script = now.script();
        tags = List.copyOf(now.tags());
    }

    public Scenario view() {
        return new Scenario(id, number, current(), List.copyOf(revisions), retired, retiredBy, retiredAt,
                version == null ? 0 : version);
    }

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public boolean retired() {
        return retired;
    }

    public Long version() {
        return version;
    }
}
