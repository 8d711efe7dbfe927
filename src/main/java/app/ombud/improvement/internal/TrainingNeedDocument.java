package app.ombud.improvement.internal;

import app.ombud.improvement.SourceRef;
import app.ombud.improvement.TrainingNeed;
import app.ombud.improvement.TrainingStatus;
import app.ombud.platform.OmbudException;
import app.ombud.platform.SharedRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A training need: PLANNED → DONE (with the date), then its effect noted. No job writes it. A need
 * derived from results keeps the derivation's code ({@code derivedFrom}, unique), so deriving again
 * finds it instead of recording a second one.
 */
@CompoundIndexes({
    @CompoundIndex(name = "createdAt", def = "{'createdAt': -1, '_id': 1}"),
    @CompoundIndex(name = "createdAt_derivedFrom", def = "{'createdAt': 1, '_id': 1, 'derivedFrom': 1}"),
    @CompoundIndex(name = "employeeIds_createdAt", def = "{'employeeIds': 1, 'createdAt': -1, '_id': 1}")
})
@Document("training_needs")
public class TrainingNeedDocument implements SharedRecord {

    @Id
    private final UUID id;
    @Indexed(unique = true)
    private final String number;
    private final String topic;
    private final List<String> employeeIds;
    private final List<SourceRef> sources;
    private final LocalDate plannedFor;
    private TrainingStatus status;
    private LocalDate doneOn;
    private String effect;
    private String effectNotedBy;
    private Instant effectNotedAt;
    private final String createdBy;
    private final Instant createdAt;
    @Version
    private Long version;
    @Indexed(unique = true, sparse = true)
    private final String derivedFrom;

    @PersistenceCreator
    TrainingNeedDocument(UUID id, String number, String topic, List<String> employeeIds, List<SourceRef> sources,
            LocalDate plannedFor, TrainingStatus status, LocalDate doneOn, String effect, String effectNotedBy,
            Instant effectNotedAt, String createdBy, Instant createdAt, Long version, String derivedFrom) {
        this.id = id;
        this.number = number;
        this.topic = topic;
        this.employeeIds = employeeIds == null ? List.of() : List.copyOf(employeeIds);
        this.sources = sources == null ? List.of() : List.copyOf(sources);
        this.plannedFor = plannedFor;
        this.status = status;
        this.doneOn = doneOn;
        this.effect = effect;
        this.effectNotedBy = effectNotedBy;
        this.effectNotedAt = effectNotedAt;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.version = version;
        this.derivedFrom = derivedFrom;
    }

    public static TrainingNeedDocument plan(UUID id, String number, String topic, List<String> employeeIds,
            List<SourceRef> sources, LocalDate plannedFor, String createdBy, Instant now) {
        return new TrainingNeedDocument(id, number, topic, employeeIds, sources, plannedFor, TrainingStatus.PLANNED,
                null, null, null, null, createdBy, now, null, null);
    }

    /** A need derived from results by the derivation {@code derivedFrom} (unique: one need per code). */
    public static TrainingNeedDocument derive(UUID id, String number, String derivedFrom, String topic,
            List<String> employeeIds, List<SourceRef> sources, String createdBy, Instant now) {
        return new TrainingNeedDocument(id, number, topic, employeeIds, sources, null, TrainingStatus.PLANNED,
                null, null, null, null, createdBy, now, null, derivedFrom);
    }

    @Override
    public Set<String> jobOwnedFields() {
        return Set.of();
    }

    @Override
    public Map<String, List<?>> appended() {
        return Map.of();
    }

    /** Held on {@code day}; once. */
    public void done(LocalDate day) {
        if (status != TrainingStatus.PLANNED) {
            throw transitionError("done");
        }
        status = TrainingStatus.DONE;
        doneOn = day;
    }

    /** The effect seen in later results; only once the training is done (may be noted again as results come in). */
    public void noteEffect(String text, String by, Instant now) {
        if (status != TrainingStatus.DONE) {
            throw transitionError("given an effect");
        }
        effect = text;
        effectNotedBy = by;
        effectNotedAt = now;
    }

    private OmbudException transitionError(String action) {
        return OmbudException.conflict("TRAINING_TRANSITION_NOT_ALLOWED",
                "Training need {0} is {1}; it cannot be {2} now", number, status.name(), action);
    }

    public TrainingNeed view() {
        return new TrainingNeed(id, number, topic, employeeIds, sources, plannedFor, status, doneOn, effect,
                effectNotedBy, effectNotedAt, createdBy, createdAt, version == null ? 0 : version, derivedFrom);
    }

    public String number() {
        return number;
    }

    public TrainingStatus status() {
        return status;
    }

    public Long version() {
        return version;
    }
}
