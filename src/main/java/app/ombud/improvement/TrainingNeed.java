package app.ombud.improvement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A training need (培训需求) derived from results (SPEC §4): the topic, the people to train
 * (employee IDs), the results it comes from (references, e.g. test calls or a weak spot), when it
 * is planned for, when it was done, and the effect seen later in their results. {@code derivedFrom}
 * is the code of the derivation that recorded it from results (e.g. {@code calltest/2027-01/measure/
 * KNOWLEDGE_ERROR_RATE}), null for a need recorded by hand; one need per code.
 */
public record TrainingNeed(UUID id, String number, String topic, List<String> employeeIds, List<SourceRef> sources,
        LocalDate plannedFor, TrainingStatus status, LocalDate doneOn, String effect, String effectNotedBy,
        Instant effectNotedAt, String createdBy, Instant createdAt, long version, String derivedFrom) {

    public TrainingNeed {
        employeeIds = employeeIds == null ? List.of() : List.copyOf(employeeIds);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
