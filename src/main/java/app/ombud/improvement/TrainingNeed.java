package app.ombud.improvement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A training need (培训需求) derived from results (SPEC §4): the topic, the people to train
 * (employee IDs), the results it comes from (references, e.g. test calls or a weak spot), when it
 * is planned for, when it was done, and the effect seen later in their results.
 */
public record TrainingNeed(UUID id, String number, String topic, List<String> employeeIds, List<SourceRef> sources,
        LocalDate plannedFor, TrainingStatus status, LocalDate doneOn, String effect, String effectNotedBy,
        Instant effectNotedAt, String createdBy, Instant createdAt, long version) {

    public TrainingNeed {
        employeeIds = employeeIds == null ? List.of() : List.copyOf(employeeIds);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
