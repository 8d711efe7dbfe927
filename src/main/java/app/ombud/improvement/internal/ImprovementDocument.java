package app.ombud.improvement.internal;

import app.ombud.improvement.ImprovementAction;
import app.ombud.improvement.ImprovementEntry;
import app.ombud.improvement.ImprovementSource;
import app.ombud.improvement.ImprovementStatus;
import app.ombud.improvement.ImprovementStep;
import app.ombud.improvement.ProgressReport;
import app.ombud.improvement.Retest;
import app.ombud.improvement.SourceRef;
import app.ombud.improvement.VerificationResult;
import app.ombud.platform.Actor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.SharedRecord;
import app.ombud.platform.StepGuard;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An improvement action. It owns its rules: {@link #refusal} says, one rule per step, whether a
 * caller may take a step now (the service's commands {@code require} it, {@code allowedSteps}
 * lists the steps without a refusal); each step checks {@link ImprovementStatus}, appends to the
 * embedded timeline and is saved with the document's version. Status is written only here; the
 * overdue flag ({@code overdueAt}) is the job's, set by the conditional update of
 * {@link ImprovementFields}, and cleared here only by a reopening with a new due date.
 */
@CompoundIndexes({
    @CompoundIndex(name = "departmentId_dueBy_raisedAt",
            def = "{'departmentId': 1, 'dueBy': 1, 'raisedAt': -1, '_id': 1}"),
    @CompoundIndex(name = "ownerEmployeeId_dueBy_raisedAt",
            def = "{'ownerEmployeeId': 1, 'dueBy': 1, 'raisedAt': -1, '_id': 1}"),
    @CompoundIndex(name = "ownerEmployeeId_status_dueBy_raisedAt",
            def = "{'ownerEmployeeId': 1, 'status': 1, 'dueBy': 1, 'raisedAt': 1, '_id': 1}"),
    @CompoundIndex(name = "raisedBy_dueBy_raisedAt", def = "{'raisedBy': 1, 'dueBy': 1, 'raisedAt': -1, '_id': 1}"),
    @CompoundIndex(name = "raisedBy_status_dueBy_raisedAt_ownerEmployeeId",
            def = "{'raisedBy': 1, 'status': 1, 'dueBy': 1, 'raisedAt': 1, '_id': 1, 'ownerEmployeeId': 1}"),
    @CompoundIndex(name = "raiserDepartmentId_status_dueBy_raisedAt_overdueAt",
            def = "{'raiserDepartmentId': 1, 'status': 1, 'dueBy': 1, 'raisedAt': -1, '_id': 1, 'overdueAt': 1}"),
    @CompoundIndex(name = "raiserDepartmentId_status_dueBy_raisedAt_ownerEmployeeId",
            def = "{'raiserDepartmentId': 1, 'status': 1, 'dueBy': 1, 'raisedAt': 1, '_id': 1, 'ownerEmployeeId': 1}"),
    @CompoundIndex(name = "source_dueBy_raisedAt", def = "{'source': 1, 'dueBy': 1, 'raisedAt': -1, '_id': 1}"),
    @CompoundIndex(name = "status_overdueAt_dueBy", def = "{'status': 1, 'overdueAt': 1, 'dueBy': 1}")
})
@Document("improvement_actions")
public class ImprovementDocument implements StepGuard<ImprovementStep, ImprovementCaller>, SharedRecord {

    @Id
    private final UUID id;
    @Indexed(unique = true)
    private final String number;
    private final ImprovementSource source;
    private final SourceRef sourceRef;
    private final String title;
    private final String description;
    private final UUID departmentId;
    private final String ownerEmployeeId;
    private final String raisedBy;
    private final UUID raiserDepartmentId;
    private final Instant raisedAt;
    private LocalDate dueDate;
    private Instant dueBy;
    private Instant overdueAt;
    private ImprovementStatus status;
    private final List<ProgressReport> progress;
    private String completionSummary;
    private final List<VerificationResult> verifications;
    private Retest retest;
    private int reopenCount;
    private Instant reopenedAt;
    private Instant closedAt;
    private String cancelReason;
    private final List<ImprovementEntry> timeline;
    @Version
    private Long version;
    @Transient
    private final int readTimeline;
    @Transient
    private final int readProgress;
    /** Whether this change gave a new due date, so the job's overdue flag is cleared with it. */
    @Transient
    private boolean rearmed;

    @PersistenceCreator
    ImprovementDocument(UUID id, String number, ImprovementSource source, SourceRef sourceRef, String title,
            String description, UUID departmentId, String ownerEmployeeId, String raisedBy, UUID raiserDepartmentId,
            Instant raisedAt, LocalDate dueDate, Instant dueBy, Instant overdueAt, ImprovementStatus status,
            List<ProgressReport> progress, String completionSummary, List<VerificationResult> verifications,
            Retest retest, int reopenCount, Instant reopenedAt, Instant closedAt, String cancelReason,
            List<ImprovementEntry> timeline, Long version) {
        this.id = id;
        this.number = number;
        this.source = source;
        this.sourceRef = sourceRef;
        this.title = title;
        this.description = description;
        this.departmentId = departmentId;
        this.ownerEmployeeId = ownerEmployeeId;
        this.raisedBy = raisedBy;
        this.raiserDepartmentId = raiserDepartmentId;
        this.raisedAt = raisedAt;
        this.dueDate = dueDate;
        this.dueBy = dueBy;
        this.overdueAt = overdueAt;
        this.status = status;
        this.progress = progress == null ? new ArrayList<>() : new ArrayList<>(progress);
        this.completionSummary = completionSummary;
        this.verifications = verifications == null ? new ArrayList<>() : new ArrayList<>(verifications);
        this.retest = retest;
        this.reopenCount = reopenCount;
        this.reopenedAt = reopenedAt;
        this.closedAt = closedAt;
        this.cancelReason = cancelReason;
        this.timeline = timeline == null ? new ArrayList<>() : new ArrayList<>(timeline);
        this.version = version;
        this.readTimeline = this.timeline.size();
        this.readProgress = this.progress.size();
    }

    /** A new action (OPEN) with its due date and the end of that day in the company's zone ({@code dueBy}). */
    public static ImprovementDocument raise(UUID id, String number, ImprovementSource source, SourceRef sourceRef,
            String title, String description, UUID departmentId, String ownerEmployeeId, UUID raiserDepartmentId,
            LocalDate dueDate, Instant dueBy, Retest retest, Actor actor, Instant now) {
        var document = new ImprovementDocument(id, number, source, sourceRef, title, description, departmentId,
                ownerEmployeeId, actor.key(), raiserDepartmentId, now, dueDate, dueBy, null, ImprovementStatus.OPEN,
                List.of(), null, List.of(), retest, 0, null, null, null, List.of(), null);
        document.log(actor, now, "raised", null, ImprovementStatus.OPEN, null, source.name(), dueDate.toString());
        return document;
    }

    // ---- how a person's save and the job share the record (RecordWrites) -------------------

    @Override
    public Set<String> jobOwnedFields() {
        return Set.of(ImprovementFields.OVERDUE);
    }

    @Override
    public Map<String, List<?>> appended() {
        return Map.of("timeline", List.copyOf(timeline.subList(readTimeline, timeline.size())),
                "progress", List.copyOf(progress.subList(readProgress, progress.size())));
    }

    @Override
    public Set<String> clearedJobFields() {
        return rearmed ? Set.of(ImprovementFields.OVERDUE) : Set.of();
    }

    // ---- the rule of each step ----------------------------------------------------------------

    @Override
    public Class<ImprovementStep> stepType() {
        return ImprovementStep.class;
    }

    @Override
    public Optional<OmbudException> refusal(ImprovementStep step, ImprovementCaller caller) {
        if (!caller.person()) {
            return Optional.of(OmbudException.forbidden("PERSON_REQUIRED",
                    "This step is taken by a person: use a token that names you (employee_id), not an API client's"));
        }
        return Optional.ofNullable(switch (step) {
            case REPORT_PROGRESS -> !status.owed() ? transitionError("reported on") : owner(caller);
            case SUBMIT_FOR_VERIFICATION -> status != ImprovementStatus.IN_PROGRESS
                    ? transitionError("submitted for verification") : owner(caller);
            case VERIFY -> status != ImprovementStatus.SUBMITTED_FOR_VERIFICATION ? transitionError("verified")
                    : caller.owns(this) ? OmbudException.forbidden("IMPROVEMENT_VERIFY_BY_OWNER",
                            "The owner of {0} does not verify it: the side that raised it does", number)
                    : raiserSide(caller);
            case CANCEL -> !status.open() ? transitionError("cancelled") : raiserSide(caller);
        });
    }

    private OmbudException owner(ImprovementCaller caller) {
        return caller.owns(this) ? null : OmbudException.forbidden("IMPROVEMENT_NOT_OWNER",
                "Only the owner of {0} works on it", number);
    }

    private OmbudException raiserSide(ImprovementCaller caller) {
        return caller.raiserSide(this) ? null : OmbudException.forbidden("IMPROVEMENT_NOT_RAISER_SIDE",
                "Only the side that raised {0} decides on it", number);
    }

    // ---- the steps --------------------------------------------------------------------------

    /** A dated report by the owner; the first one starts the work (IN_PROGRESS). */
    public void reportProgress(String text, Actor actor, Instant now) {
        if (!status.owed()) {
            throw transitionError("reported on");
        }
        progress.add(new ProgressReport(now, actor.key(), text));
        if (status == ImprovementStatus.OPEN) {
            move(ImprovementStatus.IN_PROGRESS, actor, now, "progress", text);
        } else {
            log(actor, now, "progress", null, null, text);
        }
    }

    public void submitForVerification(String summary, Actor actor, Instant now) {
        move(ImprovementStatus.SUBMITTED_FOR_VERIFICATION, actor, now, "submitted", summary);
        completionSummary = summary;
    }

    /**
     * Effective: closed — refused ({@code IMPROVEMENT_RETEST_NOT_PASSED}) while a required re-test
     * has no passing result since the action was last reopened. Not effective: reopened with the
     * reason and the new due date, its overdue flag cleared.
     */
    public void verify(boolean effective, String reason, LocalDate newDueDate, Instant newDueBy, Actor actor,
            Instant now) {
        if (status != ImprovementStatus.SUBMITTED_FOR_VERIFICATION) {
            throw transitionError("verified");
        }
        if (effective) {
            if (retest != null && !retest.passedSince(reopenedAt)) {
                throw OmbudException.conflict("IMPROVEMENT_RETEST_NOT_PASSED",
                        "{0} requires a passing re-test before it is verified effective", number);
            }
            move(ImprovementStatus.CLOSED, actor, now, "verified-effective", reason);
            closedAt = now;
        } else {
            move(ImprovementStatus.IN_PROGRESS, actor, now, "reopened", reason, newDueDate.toString());
            reopenCount++;
            reopenedAt = now;
            dueDate = newDueDate;
            dueBy = newDueBy;
            overdueAt = null;
            rearmed = true;
        }
        verifications.add(new VerificationResult(effective, reason, effective ? null : newDueDate, actor.key(), now));
    }

    public void cancel(String reason, Actor actor, Instant now) {
        move(ImprovementStatus.CANCELLED, actor, now, "cancelled", reason);
        cancelReason = reason;
        closedAt = now;
    }

    /** A re-test call's result, recorded for a required re-test while the action is open; false when that call is recorded already. */
    public boolean recordRetest(String testCallRef, boolean passed, Actor actor, Instant now) {
        if (retest == null) {
            throw OmbudException.conflict("IMPROVEMENT_RETEST_NOT_REQUIRED", "{0} requires no re-test", number);
        }
        if (retest.results().stream().anyMatch(r -> r.testCallRef().equals(testCallRef))) {
            return false;
        }
        if (!status.open()) {
            throw transitionError("re-tested");
        }
        var results = new ArrayList<>(retest.results());
        results.add(new Retest.Result(testCallRef, passed, actor.key(), now));
        retest = new Retest(retest.scenarioRef(), retest.teamId(), results);
        log(actor, now, "retest-recorded", null, null, null, testCallRef, passed ? "PASSED" : "FAILED");
        return true;
    }

    private void move(ImprovementStatus next, Actor actor, Instant now, String action, String note, String... args) {
        if (!status.canMoveTo(next)) {
            throw transitionError(action);
        }
        var from = status;
        status = next;
        log(actor, now, action, from, next, note, args);
    }

    private OmbudException transitionError(String action) {
        return OmbudException.conflict("IMPROVEMENT_TRANSITION_NOT_ALLOWED",
                "Improvement action {0} is {1}; it cannot be {2} now", number, status.name(), action);
    }

    private void log(Actor actor, Instant now, String action, ImprovementStatus from, ImprovementStatus to,
            String note, String... args) {
        timeline.add(entry(actor, now, action, from, to, note, args));
    }

    /** A timeline entry (also pushed by {@link ImprovementFields} with the job's overdue flag). */
    static ImprovementEntry entry(Actor actor, Instant now, String action, ImprovementStatus from,
            ImprovementStatus to, String note, String... args) {
        return new ImprovementEntry(now, actor.key(), action, from, to, note, List.of(args));
    }

    /** The action as readers see it, with the steps this caller may take now. */
    public ImprovementAction view(ImprovementCaller caller) {
        return view(allowedSteps(caller));
    }

    public ImprovementAction view(Set<ImprovementStep> allowed) {
        return new ImprovementAction(id, number, source, sourceRef, title, description, departmentId, ownerEmployeeId,
                raisedBy, raiserDepartmentId, raisedAt, dueDate, dueBy, overdueAt, status, List.copyOf(progress),
                completionSummary, List.copyOf(verifications), retest, reopenCount, closedAt, cancelReason,
                List.copyOf(timeline), Set.copyOf(allowed), version == null ? 0 : version);
    }

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public ImprovementSource source() {
        return source;
    }

    public UUID departmentId() {
        return departmentId;
    }

    public String ownerEmployeeId() {
        return ownerEmployeeId;
    }

    public String raisedBy() {
        return raisedBy;
    }

    public UUID raiserDepartmentId() {
        return raiserDepartmentId;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public Instant dueBy() {
        return dueBy;
    }

    public int reopenCount() {
        return reopenCount;
    }

    public ImprovementStatus status() {
        return status;
    }

    public Long version() {
        return version;
    }
}
