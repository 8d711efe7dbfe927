package app.ombud.escalation;

import app.ombud.complaint.Feedback;
import app.ombud.directory.Department;
import app.ombud.directory.DirectoryService;
import app.ombud.platform.Batches;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.Paging;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** The {@code Escalation} type: queries, one mutation per step, batch-loaded departments. */
@Controller
class EscalationController {

    private final EscalationService escalations;
    private final DirectoryService directory;
    private final Paging paging;

    EscalationController(EscalationService escalations, DirectoryService directory, Paging paging) {
        this.escalations = escalations;
        this.directory = directory;
        this.paging = paging;
    }

    record EscalationPayload(Escalation escalation) {
    }

    record RaiseEscalationInput(UUID caseId, EscalationTrigger trigger, EscalationForm form) {
    }

    record ReviewEscalationInput(UUID id, boolean approve, String reason, Long expectedVersion) {
    }

    record FormTaskForceInput(UUID id, String leadEmployeeId, List<TaskForce.Member> members, Long expectedVersion) {
    }

    record AddEscalationStepInput(UUID id, String title, String ownerEmployeeId, Instant due, Long expectedVersion) {
    }

    record CompleteEscalationStepInput(UUID id, UUID stepId, Long expectedVersion) {
    }

    record RecordEscalationMeetingInput(UUID id, Instant at, List<String> attendees, String minutes,
            Long expectedVersion) {
    }

    record SubmitEscalationReportInput(UUID id, String process, String result, Integer customerSatisfaction,
            Long expectedVersion) {
    }

    record ReviewEscalationReportInput(UUID id, boolean approve, String note, Long expectedVersion) {
    }

    record SendEscalationResultInput(UUID id, String text, Feedback.ResultChannel channel, Boolean customerAccepted,
            Long expectedVersion) {
    }

    record EvaluateEscalationInput(UUID id, int score, String comment, Long expectedVersion) {
    }

    @QueryMapping
    Escalation escalation(@Argument UUID id) {
        return escalations.get(id);
    }

    @QueryMapping
    Window<Escalation> escalations(@Argument EscalationStatus status, @Argument Boolean overdueOnly,
            ScrollSubrange subrange) {
        return escalations.search(status, Boolean.TRUE.equals(overdueOnly), paging.position(subrange),
                paging.size(subrange));
    }

    @MutationMapping
    EscalationPayload raiseEscalation(@Argument RaiseEscalationInput input,
            @ContextValue(name = IdempotencyKey.CONTEXT, required = false) String idempotencyKey) {
        return new EscalationPayload(escalations.raise(input.caseId(), input.trigger(), input.form(),
                IdempotencyKey.fromHeader(idempotencyKey)));
    }

    @MutationMapping
    EscalationPayload reviewEscalation(@Argument ReviewEscalationInput input) {
        return new EscalationPayload(escalations.review(input.id(), input.approve(), input.reason(),
                input.expectedVersion()));
    }

    @MutationMapping
    EscalationPayload formTaskForce(@Argument FormTaskForceInput input) {
        return new EscalationPayload(escalations.formTaskForce(input.id(), new TaskForce(input.leadEmployeeId(),
                input.members() == null ? List.of() : input.members()), input.expectedVersion()));
    }

    @MutationMapping
    EscalationPayload addEscalationStep(@Argument AddEscalationStepInput input) {
        return new EscalationPayload(escalations.addStep(input.id(), input.title(), input.ownerEmployeeId(),
                input.due(), input.expectedVersion()));
    }

    @MutationMapping
    EscalationPayload completeEscalationStep(@Argument CompleteEscalationStepInput input) {
        return new EscalationPayload(escalations.completeStep(input.id(), input.stepId(), input.expectedVersion()));
    }

    @MutationMapping
    EscalationPayload recordEscalationMeeting(@Argument RecordEscalationMeetingInput input) {
        return new EscalationPayload(escalations.recordMeeting(input.id(), input.at(), input.attendees(),
                input.minutes(), input.expectedVersion()));
    }

    @MutationMapping
    EscalationPayload submitEscalationReport(@Argument SubmitEscalationReportInput input) {
        return new EscalationPayload(escalations.submitReport(input.id(), input.process(), input.result(),
                input.customerSatisfaction(), input.expectedVersion()));
    }

    @MutationMapping
    EscalationPayload reviewEscalationReport(@Argument ReviewEscalationReportInput input) {
        return new EscalationPayload(escalations.reviewReport(input.id(), input.approve(), input.note(),
                input.expectedVersion()));
    }

    @MutationMapping
    EscalationPayload sendEscalationResult(@Argument SendEscalationResultInput input) {
        return new EscalationPayload(escalations.sendResult(input.id(), input.text(), input.channel(),
                input.customerAccepted(), input.expectedVersion()));
    }

    @MutationMapping
    EscalationPayload evaluateEscalation(@Argument EvaluateEscalationInput input) {
        return new EscalationPayload(escalations.evaluate(input.id(), input.score(), input.comment(),
                input.expectedVersion()));
    }

    @BatchMapping(typeName = "Escalation", field = "fromDepartment")
    Map<Escalation, Department> fromDepartment(List<Escalation> list) {
        return pairs(list, Escalation::fromDepartmentId);
    }

    @BatchMapping(typeName = "Escalation", field = "toDepartment")
    Map<Escalation, Department> toDepartment(List<Escalation> list) {
        return pairs(list, Escalation::toDepartmentId);
    }

    private Map<Escalation, Department> pairs(List<Escalation> list, Function<Escalation, UUID> key) {
        return Batches.byKey(list, key, directory.departmentsByIds(Batches.keys(list, key)));
    }
}
