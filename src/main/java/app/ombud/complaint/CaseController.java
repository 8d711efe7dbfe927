package app.ombud.complaint;

import app.ombud.directory.Department;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.directory.Team;
import app.ombud.platform.Batches;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.Paging;
import app.ombud.policy.CaseCategory;
import app.ombud.policy.CaseFlag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** The {@code Case} type: queries, one mutation per action, and batch-loaded people and departments. */
@Controller
class CaseController {

    private final ComplaintService cases;
    private final DirectoryService directory;
    private final Paging paging;

    CaseController(ComplaintService cases, DirectoryService directory, Paging paging) {
        this.cases = cases;
        this.directory = directory;
        this.paging = paging;
    }

    record IntakeCaseInput(IntakeChannel channel, Customer customer, String subject, String description,
            CaseCategory category, List<CaseFlag> flags, BigDecimal compensationAsked, Boolean urgent,
            Instant receivedAt) {
    }

    record DispatchCaseInput(UUID caseId, UUID departmentId, UUID teamId, String ownerEmployeeId, String note,
            Long expectedVersion) {
    }

    record AcknowledgeCaseInput(UUID caseId, Long expectedVersion) {
    }

    record OverrideCaseLevelInput(UUID caseId, int level, String reason, Long expectedVersion) {
    }

    @QueryMapping("case")
    ComplaintCase caseById(@Argument UUID id) {
        return cases.get(id);
    }

    @QueryMapping
    Window<ComplaintCase> cases(@Argument CaseFilter filter, ScrollSubrange subrange) {
        return cases.search(filter == null ? CaseFilter.ALL : filter, paging.position(subrange), paging.size(subrange));
    }

    @MutationMapping
    CasePayload intakeCase(@Argument IntakeCaseInput input,
            @ContextValue(name = IdempotencyKey.CONTEXT, required = false) String idempotencyKey) {
        return payload(cases.intake(new CaseIntake(input.channel(), input.customer(), input.subject(),
                input.description(), input.category(), input.flags() == null ? Set.of() : Set.copyOf(input.flags()),
                input.compensationAsked(), Boolean.TRUE.equals(input.urgent()), input.receivedAt()),
                IdempotencyKey.fromHeader(idempotencyKey)));
    }

    @MutationMapping
    CasePayload dispatchCase(@Argument DispatchCaseInput input) {
        return payload(cases.dispatch(input.caseId(), input.departmentId(), input.teamId(), input.ownerEmployeeId(),
                input.note(), input.expectedVersion()));
    }

    @MutationMapping
    CasePayload acknowledgeCase(@Argument AcknowledgeCaseInput input) {
        return payload(cases.acknowledge(input.caseId(), input.expectedVersion()));
    }

    @MutationMapping
    CasePayload overrideCaseLevel(@Argument OverrideCaseLevelInput input) {
        return payload(cases.overrideLevel(input.caseId(), input.level(), input.reason(), input.expectedVersion()));
    }

    record AddCaseNoteInput(UUID caseId, CaseNote.Kind kind, String text, Long expectedVersion) {
    }

    record PlanCaseResolutionInput(UUID caseId, List<ResolutionPlan.Remedy> remedies, String ownerEmployeeId,
            Instant due, String description, Long expectedVersion) {
    }

    record SendCaseResultInput(UUID caseId, Feedback.ResultChannel channel, String result, Long expectedVersion) {
    }

    record RecordCustomerAnswerInput(UUID caseId, boolean accepted, Integer satisfaction, String comment,
            Long expectedVersion) {
    }

    record DecideCaseValidityInput(UUID caseId, boolean valid, String reason, Long expectedVersion) {
    }

    record CloseInvalidCaseInput(UUID caseId, String explanation, Long expectedVersion) {
    }

    record ArchiveCaseInput(UUID caseId, Long expectedVersion) {
    }

    @MutationMapping
    CasePayload addCaseNote(@Argument AddCaseNoteInput input) {
        return payload(cases.addNote(input.caseId(), input.kind(), input.text(), input.expectedVersion()));
    }

    @MutationMapping
    CasePayload planCaseResolution(@Argument PlanCaseResolutionInput input) {
        return payload(cases.planResolution(input.caseId(), new ResolutionPlan(input.remedies(),
                input.ownerEmployeeId(), input.due(), input.description()), input.expectedVersion()));
    }

    @MutationMapping
    CasePayload sendCaseResult(@Argument SendCaseResultInput input) {
        return payload(cases.sendResult(input.caseId(), input.channel(), input.result(), input.expectedVersion()));
    }

    @MutationMapping
    CasePayload recordCustomerAnswer(@Argument RecordCustomerAnswerInput input) {
        return payload(cases.recordAnswer(input.caseId(), input.accepted(), input.satisfaction(), input.comment(),
                input.expectedVersion()));
    }

    @MutationMapping
    CasePayload decideCaseValidity(@Argument DecideCaseValidityInput input) {
        return payload(cases.decideValidity(input.caseId(), input.valid(), input.reason(), input.expectedVersion()));
    }

    @MutationMapping
    CasePayload closeInvalidCase(@Argument CloseInvalidCaseInput input) {
        return payload(cases.closeAsInvalid(input.caseId(), input.explanation(), input.expectedVersion()));
    }

    @MutationMapping
    CasePayload archiveCase(@Argument ArchiveCaseInput input) {
        return payload(cases.archive(input.caseId(), input.expectedVersion()));
    }

    @org.springframework.graphql.data.method.annotation.SchemaMapping(typeName = "Case", field = "evidence")
    List<EvidenceView> evidence(ComplaintCase source) {
        return source.evidence().stream().map(e -> new EvidenceView(e.fileId(), e.filename(), e.contentType(),
                e.size(), e.uploadedBy(), e.uploadedAt(),
                "/api/cases/" + source.id() + "/evidence/" + e.fileId())).toList();
    }

    record EvidenceView(String fileId, String filename, String contentType, long size, String uploadedBy,
            Instant uploadedAt, String downloadPath) {
    }

    /** The steps the caller may take on each case of the page: one query and one directory call for the page. */
    @BatchMapping(typeName = "Case", field = "allowedSteps")
    Map<ComplaintCase, List<CaseStep>> allowedSteps(List<ComplaintCase> list) {
        var steps = cases.allowedSteps(list.stream().map(ComplaintCase::id).toList());
        return list.stream().collect(java.util.stream.Collectors.toMap(c -> c, c -> List.copyOf(
                steps.getOrDefault(c.id(), Set.of())), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @BatchMapping(typeName = "Case", field = "intakePerson")
    Map<ComplaintCase, Person> intakePerson(List<ComplaintCase> list) {
        var people = directory.peopleByEmployeeIds(Batches.keys(list, ComplaintCase::intakeBy));
        return Batches.byKey(list, ComplaintCase::intakeBy, people);
    }

    @BatchMapping(typeName = "CaseAssignment", field = "department")
    Map<Assignment, Department> department(List<Assignment> list) {
        return Batches.byKey(list, Assignment::departmentId,
                directory.departmentsByIds(Batches.keys(list, Assignment::departmentId)));
    }

    @BatchMapping(typeName = "CaseEscalationRef", field = "toDepartment")
    Map<EscalationRef, Department> escalationDepartment(List<EscalationRef> list) {
        return Batches.byKey(list, EscalationRef::toDepartmentId,
                directory.departmentsByIds(Batches.keys(list, EscalationRef::toDepartmentId)));
    }

    @BatchMapping(typeName = "CaseAssignment", field = "team")
    Map<Assignment, Team> team(List<Assignment> list) {
        return Batches.byKey(list, Assignment::teamId, directory.teamsByIds(Batches.keys(list, Assignment::teamId)));
    }

    @BatchMapping(typeName = "CaseAssignment", field = "owner")
    Map<Assignment, Person> owner(List<Assignment> list) {
        return Batches.byKey(list, Assignment::ownerEmployeeId,
                directory.peopleByEmployeeIds(Batches.keys(list, Assignment::ownerEmployeeId)));
    }

    /** {@code case} is a Java keyword, so the payload's field is mapped by hand. */
    record CasePayload(ComplaintCase value) {
    }

    @org.springframework.graphql.data.method.annotation.SchemaMapping(typeName = "CasePayload", field = "case")
    ComplaintCase payloadCase(CasePayload payload) {
        return payload.value();
    }

    private static CasePayload payload(ComplaintCase value) {
        return new CasePayload(value);
    }


}
