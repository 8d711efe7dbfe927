package app.ombud.complaint.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.complaint.Assignment;
import app.ombud.complaint.CaseNote;
import app.ombud.complaint.CaseStatus;
import app.ombud.complaint.CaseStep;
import app.ombud.complaint.Customer;
import app.ombud.complaint.Deadlines;
import app.ombud.complaint.Feedback;
import app.ombud.complaint.Grade;
import app.ombud.complaint.IntakeChannel;
import app.ombud.complaint.ResolutionPlan;
import app.ombud.complaint.TimelineEntry;
import app.ombud.platform.Actor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.policy.CaseCategory;
import app.ombud.policy.HandlingRole;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each step's rule and change on a case, without Spring or a store. */
class CaseDocumentTest {

    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    static final UUID DEPARTMENT = UUID.randomUUID();
    static final UUID TEAM = UUID.randomUUID();

    static Actor person(String id, Role... roles) {
        return new Actor(Actor.Kind.PERSON, id, "员工" + id, id, Set.of(roles));
    }

    static final CaseReader AGENT = new CaseReader(person("A1", Role.AGENT), DEPARTMENT, TEAM);
    static final CaseReader OTHER_AGENT = new CaseReader(person("A2", Role.AGENT), null, null);
    static final CaseReader LEAD = new CaseReader(person("L1", Role.TEAM_LEAD), DEPARTMENT, TEAM);
    static final CaseReader HEAD = new CaseReader(person("H1", Role.DEPT_HEAD), DEPARTMENT, null);
    static final CaseReader OTHER_HEAD = new CaseReader(person("H2", Role.DEPT_HEAD), UUID.randomUUID(), null);
    static final CaseReader ADMIN = new CaseReader(person("admin", Role.ADMIN), null, null);
    static final CaseReader CLIENT = new CaseReader(new Actor(Actor.Kind.CLIENT, "crm", "CRM", null,
            Set.of(Role.ADMIN)), null, null);

    static CaseDocument newCase() {
        var intake = new ValidIntake(IntakeChannel.HOTLINE, new Customer("王先生", "13900001234", null), "路由器无法上网",
                null, CaseCategory.PRODUCT_QUALITY, Set.of(), null, false, NOW);
        return CaseDocument.intake(UUID.randomUUID(), "KS-20261120-0001", intake,
                new Grade(3, List.of("L3_DEFECT"), false, 1, 3, null, null),
                new Deadlines(NOW.plus(Duration.ofHours(4)), NOW.plus(Duration.ofDays(2)), null, null), List.of(),
                AGENT.actor(), DEPARTMENT, TEAM, NOW);
    }

    static CaseDocument dispatched() {
        var c = newCase();
        take(c, CaseStep.DISPATCH, LEAD);
        c.dispatch(new Assignment(DEPARTMENT, TEAM, "A1", HandlingRole.BUSINESS_TEAM), LEAD.actor(), NOW, null);
        return c;
    }

    static CaseDocument inProgress() {
        var c = dispatched();
        take(c, CaseStep.ACKNOWLEDGE, AGENT);
        c.acknowledge(AGENT.actor(), NOW);
        return c;
    }

    static CaseDocument awaitingAnswer() {
        var c = inProgress();
        take(c, CaseStep.PLAN, AGENT);
        c.planResolution(plan(NOW.plus(Duration.ofDays(1))), AGENT.actor(), NOW);
        take(c, CaseStep.SEND_RESULT, AGENT);
        c.sendResult(Feedback.ResultChannel.CALLBACK, "已维修", AGENT.actor(), NOW);
        return c;
    }

    static ResolutionPlan plan(Instant due) {
        return new ResolutionPlan(List.of(new ResolutionPlan.Remedy(ResolutionPlan.Type.REPAIR, null, null)), "A1", due,
                null);
    }

    static void take(CaseDocument c, CaseStep step, CaseReader reader) {
        c.require(step, reader.callerOf(c));
    }

    static Set<CaseStep> steps(CaseDocument c, CaseReader reader) {
        return c.allowedSteps(reader.callerOf(c));
    }

    static String refusal(CaseDocument c, CaseStep step, CaseReader reader) {
        return c.refusal(step, reader.callerOf(c)).map(OmbudException::code).orElse(null);
    }

    @Test
    void aNewCaseIsDispatchedOrRegradedAndNothingElse() {
        var c = newCase();
        assertThat(steps(c, AGENT)).isEmpty();
        assertThat(steps(c, LEAD)).containsExactly(CaseStep.DISPATCH);
        assertThat(steps(c, HEAD)).containsExactlyInAnyOrder(CaseStep.DISPATCH, CaseStep.OVERRIDE_LEVEL);
        // leadership and admins handle every case, but a new case is not worked on yet
        assertThat(steps(c, ADMIN)).containsExactlyInAnyOrder(CaseStep.DISPATCH, CaseStep.OVERRIDE_LEVEL,
                CaseStep.ATTACH_EVIDENCE);
        assertThat(refusal(c, CaseStep.DECIDE_VALIDITY, ADMIN)).isEqualTo("CASE_TRANSITION_NOT_ALLOWED");
        assertThat(refusal(c, CaseStep.ACKNOWLEDGE, AGENT)).isEqualTo("CASE_NOT_HANDLER");
        assertThat(refusal(c, CaseStep.DISPATCH, AGENT)).isEqualTo("CASE_ROLE_REQUIRED");
        assertThat(refusal(c, CaseStep.DISPATCH, CLIENT)).isEqualTo("PERSON_REQUIRED");
        assertThat(c.status()).isEqualTo(CaseStatus.NEW);
    }

    @Test
    void theHandlersOfADispatchedCaseAreItsOwnerTeamLeadDepartmentHeadAndLeadership() {
        var c = dispatched();
        var working = EnumSet.of(CaseStep.ACKNOWLEDGE, CaseStep.ADD_NOTE, CaseStep.ATTACH_EVIDENCE,
                CaseStep.DECIDE_VALIDITY);
        assertThat(steps(c, AGENT)).containsExactlyInAnyOrderElementsOf(working);
        assertThat(steps(c, LEAD)).containsAll(working).contains(CaseStep.DISPATCH);
        assertThat(steps(c, HEAD)).containsAll(working).contains(CaseStep.DISPATCH, CaseStep.OVERRIDE_LEVEL);
        assertThat(steps(c, OTHER_AGENT)).isEmpty();
        assertThat(steps(c, OTHER_HEAD)).doesNotContainAnyElementsOf(working);
        assertThat(steps(c, CLIENT)).isEmpty();
        assertThat(c.assignment().ownerEmployeeId()).isEqualTo("A1");
    }

    @Test
    void aResultNeedsAPlanAndAnAnswerNeedsAResult() {
        var c = inProgress();
        assertThat(steps(c, AGENT)).contains(CaseStep.PLAN).doesNotContain(CaseStep.SEND_RESULT,
                CaseStep.RECORD_ANSWER, CaseStep.CLOSE_INVALID, CaseStep.ACKNOWLEDGE);
        assertThat(refusal(c, CaseStep.SEND_RESULT, AGENT)).isEqualTo("CASE_PLAN_REQUIRED");
        assertThat(refusal(c, CaseStep.RECORD_ANSWER, AGENT)).isEqualTo("CASE_TRANSITION_NOT_ALLOWED");
        c.planResolution(plan(NOW.plus(Duration.ofDays(1))), AGENT.actor(), NOW);
        assertThat(steps(c, AGENT)).contains(CaseStep.SEND_RESULT);
        c.sendResult(Feedback.ResultChannel.CALLBACK, "已维修", AGENT.actor(), NOW);
        assertThat(c.status()).isEqualTo(CaseStatus.AWAITING_FEEDBACK);
        assertThat(steps(c, AGENT)).contains(CaseStep.RECORD_ANSWER, CaseStep.ADD_NOTE).doesNotContain(CaseStep.PLAN,
                CaseStep.SEND_RESULT);
    }

    @Test
    void aSecondRejectionAfterAReworkAsksForAnEscalation() {
        var c = awaitingAnswer();
        assertThat(c.recordAnswer(false, 2, "仍然掉线", AGENT.actor(), NOW)).isFalse();
        assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        c.sendResult(Feedback.ResultChannel.CALLBACK, "已更换设备", AGENT.actor(), NOW);
        assertThat(c.recordAnswer(false, 1, "还是不行", AGENT.actor(), NOW)).isTrue();
        assertThat(c.view().reworkCount()).isEqualTo(2);
        assertThat(c.view().timeline()).extracting(TimelineEntry::action).endsWith("rejected", "escalation-triggered");
    }

    @Test
    void onlyAnInvalidComplaintClosesWithoutAResult() {
        var c = inProgress();
        assertThat(refusal(c, CaseStep.CLOSE_INVALID, AGENT)).isEqualTo("CASE_NOT_INVALID");
        c.decideValidity(false, "条款已告知", AGENT.actor(), NOW);
        assertThat(steps(c, AGENT)).contains(CaseStep.CLOSE_INVALID);
        c.closeAsInvalid("已解释", AGENT.actor(), NOW);
        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(steps(c, AGENT)).isEmpty();
        assertThat(steps(c, HEAD)).containsExactly(CaseStep.ARCHIVE);
        // archiving is no person's responsibility: an admin's client may archive
        assertThat(steps(c, CLIENT)).containsExactly(CaseStep.ARCHIVE);
        c.archive(HEAD.actor(), NOW);
        assertThat(steps(c, ADMIN)).isEmpty();
        assertThat(refusal(c, CaseStep.ATTACH_EVIDENCE, ADMIN)).isEqualTo("CASE_CLOSED");
    }

    @Test
    void anOverrideNeedsAnotherLevelAndRearmsTheDeadlineMarks() {
        var c = dispatched();
        var deadlines = new Deadlines(NOW, NOW.plus(Duration.ofDays(5)), null, null);
        assertThatThrownBy(() -> c.overrideLevel(3, "确认", deadlines, HEAD.actor(), NOW))
                .isInstanceOfSatisfying(OmbudException.class, e -> assertThat(e.code()).isEqualTo("LEVEL_UNCHANGED"));
        assertThat(c.clearedJobFields()).isEmpty();
        c.overrideLevel(2, "大客户", deadlines, HEAD.actor(), NOW);
        assertThat(c.grade().level()).isEqualTo(2);
        assertThat(c.clearedJobFields()).containsExactlyInAnyOrder("deadlines.warnedAt", "deadlines.breachedAt");
    }

    @Test
    void aPersonsSaveAppendsItsEntriesAndLeavesTheJobsFields() {
        var c = dispatched();
        assertThat(c.jobOwnedFields()).contains("deadlines.breachedAt", "leadershipNotifiedAt", "escalation");
        // a new document appends everything; once read, only what this change adds
        assertThat(c.appended().get("timeline")).hasSize(c.view().timeline().size());
        c.addNote(CaseNote.Kind.INVESTIGATION, "检测报告", AGENT.actor(), NOW);
        assertThat(c.appended().get("timeline")).last().extracting("action").isEqualTo("note-investigation");
        assertThat(c.appended()).containsKey("pendingMessages");
    }

    /** The timeline keeps codes and values in args; the note is only what a person wrote. */
    @Test
    void timelineEntriesKeepCodesInArgsAndOnlyPeoplesTextInTheNote() {
        var c = newCase();
        assertThat(c.view().timeline().get(1)).satisfies(graded -> {
            assertThat(graded.action()).isEqualTo("graded");
            assertThat(graded.args()).containsExactly("3", "1", "L3_DEFECT");
            assertThat(graded.note()).isNull();
        });
        take(c, CaseStep.DISPATCH, LEAD);
        c.dispatch(new Assignment(DEPARTMENT, TEAM, "A1", HandlingRole.BUSINESS_TEAM), LEAD.actor(), NOW, "请两日内处理");
        c.overrideLevel(2, "大客户", new Deadlines(NOW, NOW.plus(Duration.ofDays(5)), null, null), HEAD.actor(), NOW);
        c.acknowledge(AGENT.actor(), NOW);
        c.planResolution(new ResolutionPlan(List.of(new ResolutionPlan.Remedy(ResolutionPlan.Type.REPAIR, null, null),
                new ResolutionPlan.Remedy(ResolutionPlan.Type.COMPENSATION, new java.math.BigDecimal("300.50"), null)),
                "A1", NOW.plus(Duration.ofDays(1)), "上门"), AGENT.actor(), NOW);
        c.attach(new app.ombud.complaint.Evidence("f1", "检测报告.pdf", "application/pdf", 10, "A1", NOW), AGENT.actor(),
                NOW);
        c.sendResult(Feedback.ResultChannel.SMS, "已维修", AGENT.actor(), NOW);
        c.recordAnswer(true, 4, "满意", AGENT.actor(), NOW);
        c.closeByEscalation("SJ-20261120-0001", new Feedback(NOW, "S1", Feedback.ResultChannel.CALLBACK, "已处理", true,
                5, null, NOW), HEAD.actor(), NOW);

        var timeline = c.view().timeline();
        assertThat(timeline).extracting(TimelineEntry::action, TimelineEntry::note, TimelineEntry::args).containsExactly(
                org.assertj.core.groups.Tuple.tuple("intake", null, List.of()),
                org.assertj.core.groups.Tuple.tuple("graded", null, List.of("3", "1", "L3_DEFECT")),
                org.assertj.core.groups.Tuple.tuple("dispatched", "请两日内处理", List.of()),
                org.assertj.core.groups.Tuple.tuple("level-overridden", "大客户", List.of("3", "2")),
                org.assertj.core.groups.Tuple.tuple("acknowledged", null, List.of()),
                org.assertj.core.groups.Tuple.tuple("planned", null, List.of("REPAIR", "COMPENSATION:300.50")),
                org.assertj.core.groups.Tuple.tuple("evidence-added", null, List.of("检测报告.pdf")),
                org.assertj.core.groups.Tuple.tuple("result-sent", "已维修", List.of("SMS")),
                org.assertj.core.groups.Tuple.tuple("accepted", "满意", List.of("4")),
                org.assertj.core.groups.Tuple.tuple("escalation-closed", null, List.of("SJ-20261120-0001")));
        // the escalation's result returns once, whether the earlier entry has the number in args or (stored before) in the note
        assertThat(c.closeByEscalation("SJ-20261120-0001", null, HEAD.actor(), NOW)).isFalse();
    }

    @Test
    void aFallbackGradeHasNoCriteriaAndASecondRejectionNamesItsTrigger() {
        var intake = new ValidIntake(IntakeChannel.HOTLINE, new Customer("王先生", "13900001234", null), "其他",
                null, CaseCategory.OTHER, Set.of(), null, false, NOW);
        var fallback = CaseDocument.intake(UUID.randomUUID(), "KS-20261120-0002", intake,
                new Grade(3, List.of(), true, 7, 3, null, null), new Deadlines(NOW, NOW, null, null), List.of(),
                AGENT.actor(), DEPARTMENT, TEAM, NOW);
        assertThat(fallback.view().timeline().get(1).args()).containsExactly("3", "7");

        var c = awaitingAnswer();
        c.recordAnswer(false, null, "仍然掉线", AGENT.actor(), NOW);
        assertThat(c.view().timeline().getLast()).extracting(TimelineEntry::note, TimelineEntry::args)
                .containsExactly("仍然掉线", List.of());
        c.sendResult(Feedback.ResultChannel.CALLBACK, "已更换设备", AGENT.actor(), NOW);
        c.recordAnswer(false, null, null, AGENT.actor(), NOW);
        assertThat(c.view().timeline().getLast()).extracting(TimelineEntry::action, TimelineEntry::note,
                TimelineEntry::args).containsExactly("escalation-triggered", null, List.of("REJECTED_AFTER_REWORK"));
    }

    @Test
    void theSuggestedPlanDueIsAlwaysAhead() {
        var c = inProgress();
        var fresh = NOW.plus(Duration.ofDays(3));
        assertThat(c.suggestedPlanDue(NOW, fresh)).isEqualTo(NOW.plus(Duration.ofDays(2)));
        c.planResolution(plan(NOW.plus(Duration.ofHours(30))), AGENT.actor(), NOW);
        assertThat(c.suggestedPlanDue(NOW, fresh)).isEqualTo(NOW.plus(Duration.ofHours(30)));
        assertThat(c.suggestedPlanDue(NOW.plus(Duration.ofDays(10)), fresh)).isEqualTo(fresh);
    }
}
