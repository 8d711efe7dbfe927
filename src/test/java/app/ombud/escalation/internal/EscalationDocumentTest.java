package app.ombud.escalation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.ombud.complaint.Feedback;
import app.ombud.escalation.EscalationEntry;
import app.ombud.escalation.EscalationForm;
import app.ombud.escalation.EscalationStatus;
import app.ombud.escalation.EscalationStep;
import app.ombud.escalation.EscalationTrigger;
import app.ombud.escalation.Meeting;
import app.ombud.escalation.TaskForce;
import app.ombud.platform.Actor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each step's rule (who may take it when) and its change, on the document alone — no Spring, no store. */
class EscalationDocumentTest {

    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    static final UUID SUPERIOR = UUID.randomUUID();
    static final UUID DEPARTMENT = UUID.randomUUID();

    static final EscalationCaller CHIEF = new EscalationCaller("S1", true, false, SUPERIOR);
    static final EscalationCaller HEAD_OF_THE_CASE = new EscalationCaller("H1", true, false, DEPARTMENT);
    static final EscalationCaller AGENT = new EscalationCaller("A1", true, false, null);
    static final EscalationCaller MEMBER = new EscalationCaller("M1", true, false, null);
    static final EscalationCaller LEADER = new EscalationCaller("L1", true, true, null);
    static final EscalationCaller CLIENT = new EscalationCaller("crm", false, false, null);

    static Actor actor(EscalationCaller caller, Role role) {
        return new Actor(Actor.Kind.PERSON, caller.key(), caller.key(), caller.key(), Set.of(role));
    }

    static EscalationDocument raised(UUID toDepartment) {
        return EscalationDocument.raise(UUID.randomUUID(), "SJ-20261123-0001", UUID.randomUUID(), "KS-20261123-0001",
                EscalationTrigger.BEYOND_ABILITY, false, DEPARTMENT, toDepartment,
                new EscalationForm("三次维修仍故障", "已上门三次", "超出部门能力", "专项小组"), NOW.plus(Duration.ofDays(2)),
                actor(AGENT, Role.AGENT), NOW);
    }

    static EscalationDocument withTaskForce() {
        var document = raised(SUPERIOR);
        document.review(true, "同意", actor(CHIEF, Role.SUPERIOR), NOW);
        document.formTaskForce(new TaskForce("S1", List.of(new TaskForce.Member("M1", "技术支持"))),
                actor(CHIEF, Role.SUPERIOR), NOW);
        return document;
    }

    static String refusal(EscalationDocument document, EscalationStep step, EscalationCaller caller) {
        return document.refusal(step, caller).map(OmbudException::code).orElse(null);
    }

    @Test
    void onlyTheSuperiorDepartmentReviewsASubmittedEscalation() {
        var document = raised(SUPERIOR);
        assertThat(document.allowedSteps(CHIEF)).containsExactly(EscalationStep.REVIEW);
        assertThat(document.allowedSteps(LEADER)).containsExactly(EscalationStep.REVIEW);
        assertThat(document.allowedSteps(AGENT)).isEmpty();
        assertThat(refusal(document, EscalationStep.REVIEW, HEAD_OF_THE_CASE)).isEqualTo("NOT_SUPERIOR_REVIEWER");
        assertThat(refusal(document, EscalationStep.REVIEW, CLIENT)).isEqualTo("PERSON_REQUIRED");
        assertThat(refusal(document, EscalationStep.EVALUATE, CHIEF)).isEqualTo("ESCALATION_TRANSITION_NOT_ALLOWED");
    }

    @Test
    void withoutASuperiorDepartmentLeadershipReviews() {
        var document = raised(null);
        assertThat(document.allowedSteps(LEADER)).containsExactly(EscalationStep.REVIEW);
        assertThat(document.allowedSteps(CHIEF)).isEmpty();
    }

    @Test
    void approvedTheSuperiorFormsTheTaskForceBeforeAnyWork() {
        var document = raised(SUPERIOR);
        document.review(true, "同意", actor(CHIEF, Role.SUPERIOR), NOW);
        assertThat(document.status()).isEqualTo(EscalationStatus.APPROVED);
        assertThat(document.allowedSteps(CHIEF)).containsExactly(EscalationStep.FORM_TASK_FORCE);
        assertThat(refusal(document, EscalationStep.ADD_STEP, CHIEF)).isEqualTo("TASK_FORCE_REQUIRED");
        assertThat(refusal(document, EscalationStep.REVIEW, CHIEF)).isEqualTo("ESCALATION_TRANSITION_NOT_ALLOWED");
    }

    @Test
    void theTaskForceWorksOnItsPlanAndOutsidersDoNot() {
        var document = withTaskForce();
        assertThat(document.allowedSteps(MEMBER)).containsExactlyInAnyOrder(EscalationStep.ADD_STEP,
                EscalationStep.COMPLETE_STEP, EscalationStep.RECORD_MEETING, EscalationStep.SUBMIT_REPORT);
        assertThat(refusal(document, EscalationStep.FORM_TASK_FORCE, CHIEF))
                .isEqualTo("ESCALATION_TRANSITION_NOT_ALLOWED");
        assertThat(refusal(document, EscalationStep.ADD_STEP, AGENT)).isEqualTo("NOT_TASK_FORCE_MEMBER");

        var member = actor(MEMBER, Role.AGENT);
        var step = document.addStep("联系厂家检测", "M1", NOW.plus(Duration.ofDays(1)), member, NOW);
        document.completeStep(step.id(), member, NOW);
        document.completeStep(step.id(), member, NOW);
        document.recordMeeting(new Meeting(NOW, List.of("S1", "M1"), "确定更换整机", "M1"), member, NOW);
        var view = document.view(MEMBER);
        assertThat(view.steps()).singleElement().satisfies(s -> assertThat(s.done()).isTrue());
        assertThat(view.timeline()).extracting(EscalationEntry::action).containsExactly("submitted", "approved",
                "task-force-formed", "step-planned", "step-done", "meeting");
        assertThatThrownBy(() -> document.completeStep(UUID.randomUUID(), member, NOW))
                .isInstanceOfSatisfying(OmbudException.class, e -> assertThat(e.code()).isEqualTo("STEP_NOT_FOUND"));
    }

    @Test
    void whoSubmittedTheReportDoesNotReviewIt() {
        var document = withTaskForce();
        document.submitReport("厂家检测后更换整机", "更换整机", 4, actor(CHIEF, Role.SUPERIOR), NOW);
        assertThat(document.status()).isEqualTo(EscalationStatus.REPORTED);
        assertThat(refusal(document, EscalationStep.REVIEW_REPORT, CHIEF)).isEqualTo("REPORT_REVIEW_BY_SUBMITTER");
        assertThat(document.allowedSteps(CHIEF)).isEmpty();
        assertThat(document.allowedSteps(LEADER)).containsExactly(EscalationStep.REVIEW_REPORT);
        assertThat(refusal(document, EscalationStep.REVIEW_REPORT, MEMBER)).isEqualTo("NOT_SUPERIOR_REVIEWER");
        // sent back, the task force works again
        document.reviewReport(false, "补充检测报告", actor(LEADER, Role.LEADERSHIP), NOW);
        assertThat(document.status()).isEqualTo(EscalationStatus.APPROVED);
        assertThat(document.allowedSteps(MEMBER)).contains(EscalationStep.SUBMIT_REPORT);
    }

    @Test
    void theResultAndTheCustomersAnswerGoBackToTheCase() {
        var document = withTaskForce();
        document.submitReport("厂家检测后更换整机", "更换整机", 4, actor(MEMBER, Role.AGENT), NOW);
        document.reviewReport(true, null, actor(CHIEF, Role.SUPERIOR), NOW);
        assertThat(document.allowedSteps(MEMBER)).containsExactly(EscalationStep.SEND_RESULT);
        assertThat(document.allowedSteps(CHIEF)).containsExactly(EscalationStep.SEND_RESULT);
        Instant told = NOW.plus(Duration.ofHours(1));
        document.sendResult("已电话告知客户更换整机", Feedback.ResultChannel.CALLBACK, true, actor(MEMBER, Role.AGENT),
                told);
        assertThat(document.allowedSteps(MEMBER)).isEmpty();
        assertThat(document.allowedSteps(CHIEF)).containsExactly(EscalationStep.EVALUATE);
        document.evaluate(5, "处理及时", actor(CHIEF, Role.SUPERIOR), told);

        assertThat(document.status()).isEqualTo(EscalationStatus.CLOSED);
        assertThat(document.allowedSteps(LEADER)).isEmpty();
        assertThat(document.caseFeedback()).isEqualTo(new Feedback(told, "M1", Feedback.ResultChannel.CALLBACK,
                "已电话告知客户更换整机", true, 4, null, told));
        var view = document.view(CHIEF);
        assertThat(view.customerAccepted()).isTrue();
        assertThat(view.evaluation().by()).isEqualTo("S1");
        assertThat(view.allowedSteps()).isEmpty();
    }

    /** Each entry keeps Ombud's words as codes and values (args), and in its note only what a person wrote. */
    @Test
    void theTimelineStoresCodesAndArgumentsAndOnlyPeoplesTextAsNotes() {
        var document = withTaskForce();
        var member = actor(MEMBER, Role.AGENT);
        document.addStep("联系厂家检测", "M1", NOW.plus(Duration.ofDays(1)), member, NOW);
        Instant held = NOW.minus(Duration.ofHours(3));
        document.recordMeeting(new Meeting(held, List.of("S1", "M1"), "确定更换整机", "M1"), member, NOW);
        document.submitReport("厂家检测后更换整机", "更换整机", 4, member, NOW);
        document.reviewReport(true, "报告属实", actor(CHIEF, Role.SUPERIOR), NOW);
        document.sendResult("已电话告知客户更换整机", Feedback.ResultChannel.VISIT, false, member, NOW);
        document.evaluate(3, "客户仍有意见", actor(CHIEF, Role.SUPERIOR), NOW);

        assertThat(document.view(CHIEF).timeline()).extracting(EscalationEntry::action, EscalationEntry::args,
                EscalationEntry::note).containsExactly(
                        tuple("submitted", List.of("BEYOND_ABILITY"), null),
                        tuple("approved", List.of(), "同意"),
                        tuple("task-force-formed", List.of("S1", "1"), null),
                        tuple("step-planned", List.of(), "联系厂家检测"),
                        tuple("meeting", List.of(held.toString()), null),
                        tuple("report-submitted", List.of(), null),
                        tuple("report-approved", List.of(), "报告属实"),
                        tuple("result-sent", List.of("VISIT", "REJECTED"), "已电话告知客户更换整机"),
                        tuple("evaluated-closed", List.of("3"), "客户仍有意见"));
    }

    @Test
    void aResultWithoutTheCustomersAnswerNamesOnlyTheChannel() {
        var document = withTaskForce();
        document.submitReport("厂家检测后更换整机", "更换整机", 4, actor(MEMBER, Role.AGENT), NOW);
        document.reviewReport(true, null, actor(CHIEF, Role.SUPERIOR), NOW);
        document.sendResult("已短信告知", Feedback.ResultChannel.SMS, null, actor(MEMBER, Role.AGENT), NOW);
        assertThat(document.view(CHIEF).timeline().getLast().args()).containsExactly("SMS");
    }

    /** An entry stored before args existed reads back with none (and keeps its note). */
    @Test
    void anOldEntryHasNoArgs() {
        var old = new EscalationEntry(NOW, "S1", "task-force-formed", null, null, "lead S1, 1 members", null);
        assertThat(old.args()).isEmpty();
        assertThat(old.note()).isEqualTo("lead S1, 1 members");
    }

    @Test
    void aRejectedEscalationTakesNoMoreSteps() {
        var document = raised(SUPERIOR);
        document.review(false, "部门可自行处理", actor(CHIEF, Role.SUPERIOR), NOW);
        assertThat(document.status()).isEqualTo(EscalationStatus.REJECTED);
        for (var caller : List.of(CHIEF, LEADER, MEMBER, AGENT)) {
            assertThat(document.allowedSteps(caller)).isEmpty();
        }
        assertThatThrownBy(() -> document.review(true, "改为同意", actor(CHIEF, Role.SUPERIOR), NOW))
                .isInstanceOfSatisfying(OmbudException.class,
                        e -> assertThat(e.code()).isEqualTo("ESCALATION_TRANSITION_NOT_ALLOWED"));
    }
}
