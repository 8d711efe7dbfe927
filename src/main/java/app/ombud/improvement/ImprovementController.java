package app.ombud.improvement;

import app.ombud.directory.Department;
import app.ombud.directory.DirectoryService;
import app.ombud.platform.Batches;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.Paging;
import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** The {@code ImprovementAction} and {@code TrainingNeed} types: queries, one mutation per step. */
@Controller
class ImprovementController {

    private final ImprovementService improvements;
    private final TrainingNeeds training;
    private final DirectoryService directory;
    private final Paging paging;
    private final MessageSource messages;

    ImprovementController(ImprovementService improvements, TrainingNeeds training, DirectoryService directory,
            Paging paging, MessageSource messages) {
        this.improvements = improvements;
        this.training = training;
        this.directory = directory;
        this.paging = paging;
        this.messages = messages;
    }

    record ImprovementPayload(ImprovementAction action) {
    }

    record TrainingNeedPayload(TrainingNeed trainingNeed) {
    }

    record ProgressInput(UUID id, String text, Long expectedVersion) {
    }

    record SubmitInput(UUID id, String summary, Long expectedVersion) {
    }

    record VerifyInput(UUID id, boolean effective, String reason, LocalDate newDueDate, Long expectedVersion) {
    }

    record CancelInput(UUID id, String reason, Long expectedVersion) {
    }

    record RetestInput(UUID actionId, String testCallRef, boolean passed) {
    }

    record CreateTrainingInput(String topic, List<String> employeeIds, List<SourceRef> sources, LocalDate plannedFor) {
    }

    record TrainingDoneInput(UUID id, LocalDate doneOn, Long expectedVersion) {
    }

    record TrainingEffectInput(UUID id, String effect, Long expectedVersion) {
    }

    @QueryMapping
    ImprovementAction improvementAction(@Argument UUID id) {
        return improvements.get(id);
    }

    @QueryMapping
    Window<ImprovementAction> improvementActions(@Argument ImprovementScope scope, @Argument ImprovementStatus status,
            ScrollSubrange subrange) {
        return improvements.search(scope, status, paging.position(subrange), paging.size(subrange));
    }

    @QueryMapping
    List<PendingRetest> pendingRetests() {
        return improvements.pendingRetests();
    }

    @QueryMapping
    TrainingNeed trainingNeed(@Argument UUID id) {
        return training.get(id);
    }

    @QueryMapping
    Window<TrainingNeed> trainingNeeds(@Argument TrainingStatus status, @Argument String employeeId,
            ScrollSubrange subrange) {
        return training.search(status, employeeId, paging.position(subrange), paging.size(subrange));
    }

    @MutationMapping
    ImprovementPayload raiseImprovementAction(@Argument RaiseImprovement input,
            @ContextValue(name = IdempotencyKey.CONTEXT, required = false) String idempotencyKey) {
        return new ImprovementPayload(improvements.raise(input, IdempotencyKey.fromHeader(idempotencyKey)));
    }

    @MutationMapping
    ImprovementPayload reportImprovementProgress(@Argument ProgressInput input) {
        return new ImprovementPayload(improvements.reportProgress(input.id(), input.text(), input.expectedVersion()));
    }

    @MutationMapping
    ImprovementPayload submitImprovementAction(@Argument SubmitInput input) {
        return new ImprovementPayload(improvements.submitForVerification(input.id(), input.summary(),
                input.expectedVersion()));
    }

    @MutationMapping
    ImprovementPayload verifyImprovementAction(@Argument VerifyInput input) {
        return new ImprovementPayload(improvements.verify(input.id(), input.effective(), input.reason(),
                input.newDueDate(), input.expectedVersion()));
    }

    @MutationMapping
    ImprovementPayload cancelImprovementAction(@Argument CancelInput input) {
        return new ImprovementPayload(improvements.cancel(input.id(), input.reason(), input.expectedVersion()));
    }

    @MutationMapping
    ImprovementPayload recordImprovementRetest(@Argument RetestInput input) {
        return new ImprovementPayload(improvements.recordRetest(input.actionId(), input.testCallRef(),
                input.passed()));
    }

    @MutationMapping
    TrainingNeedPayload createTrainingNeed(@Argument CreateTrainingInput input,
            @ContextValue(name = IdempotencyKey.CONTEXT, required = false) String idempotencyKey) {
        return new TrainingNeedPayload(training.create(input.topic(), input.employeeIds(), input.sources(),
                input.plannedFor(), IdempotencyKey.fromHeader(idempotencyKey)));
    }

    @MutationMapping
    TrainingNeedPayload completeTrainingNeed(@Argument TrainingDoneInput input) {
        return new TrainingNeedPayload(training.markDone(input.id(), input.doneOn(), input.expectedVersion()));
    }

    @MutationMapping
    TrainingNeedPayload noteTrainingEffect(@Argument TrainingEffectInput input) {
        return new TrainingNeedPayload(training.noteEffect(input.id(), input.effect(), input.expectedVersion()));
    }

    @SchemaMapping(typeName = "TrainingNeed", field = "derived")
    boolean derived(TrainingNeed need) {
        return need.derivedFrom() != null;
    }

    /** The effect, computed; its figure named in the caller's language. */
    @SchemaMapping(typeName = "TrainingNeed", field = "effectSeen")
    EffectSeen effectSeen(TrainingNeed need, DataFetchingEnvironment env) {
        Locale locale = env.getLocale() != null ? env.getLocale() : Locale.ENGLISH;
        return training.effect(need).map(e -> new EffectSeen(messages.getMessage(e.figureKey(),
                e.figureArgs().toArray(), e.figureKey(), locale), e.before(), e.beforeCalls(), e.after(),
                e.afterCalls(), e.since(), e.improved())).orElse(null);
    }

    record EffectSeen(String figure, Double before, long beforeCalls, Double after, long afterCalls,
            LocalDate since, Boolean improved) {
    }

    @BatchMapping(typeName = "ImprovementAction", field = "department")
    Map<ImprovementAction, Department> department(List<ImprovementAction> list) {
        return Batches.byKey(list, ImprovementAction::departmentId,
                directory.departmentsByIds(Batches.keys(list, ImprovementAction::departmentId)));
    }
}
