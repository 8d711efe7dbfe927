package app.ombud.review;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.directory.Team;
import app.ombud.panel.PanelSide;
import app.ombud.platform.Batches;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.Paging;
import app.ombud.policy.JudgmentType;
import java.time.Instant;
import java.util.LinkedHashMap;
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

/** The {@code Review} type: queries, one mutation per step, batch-loaded people and teams. */
@Controller
class ReviewController {

    private final WorkOrders workOrders;
    private final ReviewDesk desk;
    private final Appeals appeals;
    private final Replies replies;
    private final CaseLibrary library;
    private final ReviewQueries reviews;
    private final DirectoryService directory;
    private final Paging paging;

    ReviewController(WorkOrders workOrders, ReviewDesk desk, Appeals appeals, Replies replies, CaseLibrary library,
            ReviewQueries reviews, DirectoryService directory, Paging paging) {
        this.workOrders = workOrders;
        this.desk = desk;
        this.appeals = appeals;
        this.replies = replies;
        this.library = library;
        this.reviews = reviews;
        this.directory = directory;
        this.paging = paging;
    }

    record ReviewPayload(Review review) {
    }

    record SubmitWorkOrderInput(WorkOrder workOrder) {
    }

    record ResubmitWorkOrderInput(UUID reviewId, WorkOrder workOrder, Long expectedVersion) {
    }

    record WithdrawReviewInput(UUID reviewId, String reason, Long expectedVersion) {
    }

    record ForwardReviewInput(UUID reviewId, String note, Long expectedVersion) {
    }

    record ReturnReviewToEmployeeInput(UUID reviewId, String note, Long expectedVersion) {
    }

    record RegisterTransferredReviewInput(WorkOrder workOrder, String fromLine) {
    }

    record ReviewRefInput(UUID reviewId, Long expectedVersion) {
    }

    record ReturnReviewToLeadInput(UUID reviewId, ReturnReason reason, List<ExplanationGap> gaps, String note,
            Long expectedVersion) {
    }

    record RouteReviewInput(UUID reviewId, String group, Long expectedVersion) {
    }

    record RecordReviewVerificationInput(UUID reviewId, String finding, String recordingRef, Long expectedVersion) {
    }

    record RecordReviewSideNoticeInput(UUID reviewId, Instant calledAt, String leadName, String note,
            Long expectedVersion) {
    }

    record RecordReviewSideAnswerInput(UUID reviewId, String answer, Instant answeredAt, Long expectedVersion) {
    }

    record JudgeReviewInput(UUID reviewId, JudgmentType type, List<String> criteria, boolean upheld, String basis,
            String knowledgeRef, String topic, Long expectedVersion) {
    }

    record AppealReviewInput(UUID reviewId, List<AppealPoint> points, Long expectedVersion) {
    }

    record RejudgeReviewInput(UUID reviewId, boolean keep, String reason, Long expectedVersion) {
    }

    record NameReviewPanelSideInput(UUID reviewId, PanelSide side, List<String> members, Long expectedVersion) {
    }

    record RecordReplyAttemptInput(UUID reviewId, Instant at, ReplyOutcome outcome, String note, Boolean sendSms,
            Long expectedVersion) {
    }

    record ReportSpecialComplainantInput(UUID reviewId, SpecialComplainant.Kind kind, String report,
            Long expectedVersion) {
    }

    record DecideSpecialComplainantInput(UUID reviewId, String decision, Long expectedVersion) {
    }

    record RecordExplanationScriptInput(UUID reviewId, String script, Long expectedVersion) {
    }

    record CloseReplyAsOtherInput(UUID reviewId, OtherReply.Kind kind, String reference, Long expectedVersion) {
    }

    record AddReviewToLibraryInput(UUID reviewId, List<String> tags, String lesson, Long expectedVersion) {
    }

    // ---- queries ------------------------------------------------------------------------

    @QueryMapping
    Review review(@Argument UUID id) {
        return reviews.get(id);
    }

    @QueryMapping("reviews")
    Window<Review> reviewList(@Argument ReviewQueue queue, @Argument ReviewFilter filter, ScrollSubrange subrange) {
        return reviews.search(queue, filter, paging.position(subrange), paging.size(subrange));
    }

    @QueryMapping
    Window<LibraryCase> caseLibrary(@Argument String text, @Argument String tag, ScrollSubrange subrange) {
        return library.library(text, tag, paging.position(subrange), paging.size(subrange));
    }

    @QueryMapping
    Window<EarlyWarning> earlyWarnings(ScrollSubrange subrange) {
        return reviews.earlyWarnings(paging.position(subrange), paging.size(subrange));
    }

    @QueryMapping
    List<ExplanationScript> explanationScripts(@Argument String phone) {
        return replies.explanationScripts(phone);
    }

    /** The steps of a whole page at once: one read of the caller and of the page's reviews. */
    @BatchMapping(typeName = "Review", field = "allowedSteps")
    Map<Review, List<ReviewStep>> allowedSteps(List<Review> list) {
        Map<UUID, Set<ReviewStep>> steps = reviews.allowedSteps(Batches.keys(list, Review::id));
        Map<Review, List<ReviewStep>> answer = new LinkedHashMap<>();
        for (Review review : list) {
            answer.put(review, steps.getOrDefault(review.id(), Set.of()).stream().sorted().toList());
        }
        return answer;
    }

    @BatchMapping(typeName = "Review", field = "submitterTeam")
    Map<Review, Team> submitterTeam(List<Review> list) {
        return Batches.byKey(list, Review::submitterTeamId,
                directory.teamsByIds(Batches.keys(list, Review::submitterTeamId)));
    }

    @BatchMapping(typeName = "WorkOrder", field = "submitter")
    Map<WorkOrder, Person> submitter(List<WorkOrder> list) {
        return Batches.byKey(list, WorkOrder::submitterEmployeeId,
                directory.peopleByEmployeeIds(Batches.keys(list, WorkOrder::submitterEmployeeId)));
    }

    @BatchMapping(typeName = "WorkOrder", field = "accused")
    Map<WorkOrder, Person> accused(List<WorkOrder> list) {
        return Batches.byKey(list, WorkOrder::accusedEmployeeId,
                directory.peopleByEmployeeIds(Batches.keys(list, WorkOrder::accusedEmployeeId)));
    }

    // ---- mutations ----------------------------------------------------------------------

    @MutationMapping
    ReviewPayload submitWorkOrder(@Argument SubmitWorkOrderInput input,
            @ContextValue(name = IdempotencyKey.CONTEXT, required = false) String idempotencyKey) {
        return new ReviewPayload(workOrders.submit(input.workOrder(), IdempotencyKey.fromHeader(idempotencyKey)));
    }

    @MutationMapping
    ReviewPayload resubmitWorkOrder(@Argument ResubmitWorkOrderInput input) {
        return new ReviewPayload(workOrders.resubmit(input.reviewId(), input.workOrder(), input.expectedVersion()));
    }

    @MutationMapping
    ReviewPayload withdrawReview(@Argument WithdrawReviewInput input) {
        return new ReviewPayload(workOrders.withdraw(input.reviewId(), input.reason(), input.expectedVersion()));
    }

    @MutationMapping
    ReviewPayload forwardReview(@Argument ForwardReviewInput input) {
        return new ReviewPayload(workOrders.forward(input.reviewId(), input.note(), input.expectedVersion()));
    }

    @MutationMapping
    ReviewPayload returnReviewToEmployee(@Argument ReturnReviewToEmployeeInput input) {
        return new ReviewPayload(workOrders.returnToEmployee(input.reviewId(), input.note(), input.expectedVersion()));
    }

    @MutationMapping
    ReviewPayload registerTransferredReview(@Argument RegisterTransferredReviewInput input,
            @ContextValue(name = IdempotencyKey.CONTEXT, required = false) String idempotencyKey) {
        return new ReviewPayload(workOrders.registerTransfer(input.workOrder(), input.fromLine(),
                IdempotencyKey.fromHeader(idempotencyKey)));
    }

    @MutationMapping
    ReviewPayload takeReview(@Argument ReviewRefInput input) {
        return new ReviewPayload(desk.take(input.reviewId(), input.expectedVersion()));
    }

    @MutationMapping
    ReviewPayload returnReviewToLead(@Argument ReturnReviewToLeadInput input) {
        return new ReviewPayload(desk.returnToLead(input.reviewId(), input.reason(),
                input.gaps() == null ? Set.of() : Set.copyOf(input.gaps()), input.note(), input.expectedVersion()));
    }

    @MutationMapping
    ReviewPayload routeReview(@Argument RouteReviewInput input) {
        return new ReviewPayload(desk.routeManually(input.reviewId(), input.group(), input.expectedVersion()));
    }

    @MutationMapping
    ReviewPayload recordReviewVerification(@Argument RecordReviewVerificationInput input) {
        return new ReviewPayload(desk.recordVerification(input.reviewId(), input.finding(), input.recordingRef(),
                input.expectedVersion()));
    }

    @MutationMapping
    ReviewPayload recordReviewSideNotice(@Argument RecordReviewSideNoticeInput input) {
        return new ReviewPayload(desk.recordSideNotice(input.reviewId(), input.calledAt(), input.leadName(),
                input.note(), input.expectedVersion()));
    }

    @MutationMapping
    ReviewPayload recordReviewSideAnswer(@Argument RecordReviewSideAnswerInput input) {
        return new ReviewPayload(desk.recordSideAnswer(input.reviewId(), input.answer(), input.answeredAt(),
                input.expectedVersion()));
    }

    @MutationMapping
    ReviewPayload judgeReview(@Argument JudgeReviewInput input) {
        return new ReviewPayload(desk.judge(input.reviewId(), new Judgment(input.type(), input.criteria(),
                input.upheld(), input.basis(), input.knowledgeRef(), input.topic()), input.expectedVersion()));
    }

    @MutationMapping
    ReviewPayload appealReview(@Argument AppealReviewInput input) {
        return new ReviewPayload(appeals.appeal(input.reviewId(), input.points(), input.expectedVersion()));
    }

    @MutationMapping
    ReviewPayload rejudgeReview(@Argument RejudgeReviewInput input) {
        return new ReviewPayload(appeals.rejudge(input.reviewId(), input.keep(), input.reason(),
                input.expectedVersion()));
    }

    @MutationMapping
    ReviewPayload nameReviewPanelSide(@Argument NameReviewPanelSideInput input) {
        return new ReviewPayload(appeals.namePanelSide(input.reviewId(), input.side(), input.members(),
                input.expectedVersion()));
    }

    @MutationMapping
    ReviewPayload recordReplyAttempt(@Argument RecordReplyAttemptInput input) {
        return new ReviewPayload(replies.recordReplyAttempt(input.reviewId(), input.at(), input.outcome(),
                input.note(), Boolean.TRUE.equals(input.sendSms()), input.expectedVersion()));
    }

    @MutationMapping
    ReviewPayload reportSpecialComplainant(@Argument ReportSpecialComplainantInput input) {
        return new ReviewPayload(replies.reportSpecialComplainant(input.reviewId(), input.kind(), input.report(),
                input.expectedVersion()));
    }

    @MutationMapping
    ReviewPayload decideSpecialComplainant(@Argument DecideSpecialComplainantInput input) {
        return new ReviewPayload(replies.decideSpecialHandling(input.reviewId(), input.decision(),
                input.expectedVersion()));
    }

    @MutationMapping
    ReviewPayload recordExplanationScript(@Argument RecordExplanationScriptInput input) {
        return new ReviewPayload(replies.explainDirectly(input.reviewId(), input.script(), input.expectedVersion()));
    }

    @MutationMapping
    ReviewPayload closeReplyAsOther(@Argument CloseReplyAsOtherInput input) {
        return new ReviewPayload(replies.replyOther(input.reviewId(), input.kind(), input.reference(),
                input.expectedVersion()));
    }

    @MutationMapping
    ReviewPayload addReviewToLibrary(@Argument AddReviewToLibraryInput input) {
        return new ReviewPayload(library.addToLibrary(input.reviewId(), input.tags(), input.lesson(),
                input.expectedVersion()));
    }

    @MutationMapping
    ReviewPayload removeReviewFromLibrary(@Argument ReviewRefInput input) {
        return new ReviewPayload(library.removeFromLibrary(input.reviewId(), input.expectedVersion()));
    }
}
