package app.ombud.complaint;

import static app.ombud.support.TestData.as;
import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.directory.Department;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Team;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.policy.CaseCategory;
import app.ombud.policy.CaseFlag;
import app.ombud.policy.HandlingRole;
import app.ombud.support.OmbudIntegrationTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.ScrollPosition;

@OmbudIntegrationTest
class ComplaintServiceTest {

    @Autowired
    ComplaintService cases;

    @Autowired
    DirectoryService directory;

    CaseFixture fx;
    String p;
    Department department;
    Team team;
    String agent;
    String otherAgent;
    String lead;
    String head;
    String phone;

    @BeforeEach
    void setUp() {
        fx = new CaseFixture(cases, directory, "C");
        p = fx.p;
        department = fx.department;
        team = fx.team;
        agent = fx.agent;
        otherAgent = fx.otherAgent;
        lead = fx.lead;
        head = fx.head;
        phone = fx.phone;
    }

    CaseIntake intake(CaseCategory category, Set<CaseFlag> flags) {
        return fx.intake(category, flags);
    }

    @Test
    void intakeNumbersGradesSetsDeadlinesAndLogs() {
        var created = as(agent, () -> cases.intake(intake(CaseCategory.PRODUCT_QUALITY, Set.of())), Role.AGENT);
        assertThat(created.number()).matches("KS-\\d{8}-\\d{4}");
        assertThat(created.status()).isEqualTo(CaseStatus.NEW);
        assertThat(created.grade().level()).isEqualTo(3);
        assertThat(created.grade().matchedCriteria()).containsExactly("L3_DEFECT");
        assertThat(created.grade().policyVersion()).isPositive();
        assertThat(created.deadlines().resolutionDue()).isAfter(created.receivedAt());
        assertThat(created.timeline()).extracting(TimelineEntry::action).containsExactly("intake", "graded");
    }

    @Test
    void repeatedComplaintsAreLinkedAndCountTowardsLevel1() {
        var first = as(agent, () -> cases.intake(intake(CaseCategory.SERVICE_ATTITUDE, Set.of())), Role.AGENT);
        var second = as(agent, () -> cases.intake(intake(CaseCategory.SERVICE_ATTITUDE, Set.of())), Role.AGENT);
        assertThat(second.repeatCount()).isEqualTo(1);
        assertThat(second.earlierCases()).containsExactly(first.id());
        var third = as(agent, () -> cases.intake(intake(CaseCategory.SERVICE_ATTITUDE,
                Set.of(CaseFlag.REGULATOR_OR_MEDIA_THREAT))), Role.AGENT);
        assertThat(third.repeatCount()).isEqualTo(2);
        assertThat(third.grade().level()).isEqualTo(1);
        assertThat(third.grade().matchedCriteria()).containsExactly("L1_REPEAT_THREAT");
        // an urgent case gets the shortest acknowledgement time
        var urgent = as(agent, () -> cases.intake(new CaseIntake(IntakeChannel.ONLINE, new Customer(null, null, "ACC" + p),
                "咨询", null, CaseCategory.INQUIRY, Set.of(), null, true, null)), Role.AGENT);
        assertThat(urgent.grade().level()).isEqualTo(4);
        assertThat(urgent.deadlines().acknowledgeDue()).isBefore(
                as(agent, () -> cases.intake(new CaseIntake(IntakeChannel.ONLINE, new Customer(null, null, "ACD" + p),
                        "咨询", null, CaseCategory.INQUIRY, Set.of(), null, false, urgent.receivedAt())), Role.AGENT)
                        .deadlines().acknowledgeDue().plusSeconds(1));
    }

    @Test
    void dispatchAcknowledgeAndIllegalSteps() {
        var created = as(agent, () -> cases.intake(intake(CaseCategory.PRODUCT_QUALITY, Set.of())), Role.AGENT);
        assertThatThrownBy(() -> asAdmin(() -> cases.acknowledge(created.id(), null)))
                .isInstanceOfSatisfying(OmbudException.class,
                        e -> assertThat(e.code()).isEqualTo("CASE_TRANSITION_NOT_ALLOWED"));
        // before dispatch nobody handles it, so an agent cannot take it on
        assertThatThrownBy(() -> as(agent, () -> cases.acknowledge(created.id(), null), Role.AGENT))
                .isInstanceOfSatisfying(OmbudException.class, e -> assertThat(e.code()).isEqualTo("CASE_NOT_HANDLER"));
        assertThat(as(agent, () -> cases.allowedSteps(created.id()), Role.AGENT)).isEmpty();
        assertThat(as(lead, () -> cases.allowedSteps(created.id()), Role.TEAM_LEAD)).containsExactly(CaseStep.DISPATCH);
        // the team lead of the agent's team sees and dispatches it
        var dispatched = as(lead, () -> cases.dispatch(created.id(), department.id(), team.id(), agent, "请两日内处理",
                created.version()), Role.TEAM_LEAD);
        assertThat(dispatched.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(dispatched.assignment().handler()).isEqualTo(HandlingRole.BUSINESS_TEAM);
        var acknowledged = as(agent, () -> cases.acknowledge(created.id(), dispatched.version()), Role.AGENT);
        assertThat(acknowledged.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(as(agent, () -> cases.allowedSteps(created.id()), Role.AGENT))
                .containsExactlyInAnyOrder(CaseStep.PLAN, CaseStep.ADD_NOTE, CaseStep.ATTACH_EVIDENCE,
                        CaseStep.DECIDE_VALIDITY);
        assertThat(acknowledged.acknowledgedAt()).isNotNull();
        assertThat(acknowledged.timeline()).extracting(TimelineEntry::action)
                .containsExactly("intake", "graded", "dispatched", "acknowledged");
        assertThat(acknowledged.timeline().get(2).note()).isEqualTo("请两日内处理");
    }

    @Test
    void overridingTheLevelNeedsAReasonAndMovesTheDeadline() {
        var created = as(agent, () -> cases.intake(intake(CaseCategory.INQUIRY, Set.of())), Role.AGENT);
        assertThatThrownBy(() -> as(head, () -> cases.overrideLevel(created.id(), 2, " ", null), Role.DEPT_HEAD))
                .isInstanceOfSatisfying(OmbudException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        var overridden = as(head, () -> cases.overrideLevel(created.id(), 2, "客户为大客户，影响业务", null),
                Role.DEPT_HEAD);
        assertThat(overridden.grade().level()).isEqualTo(2);
        assertThat(overridden.grade().suggestedLevel()).isEqualTo(4);
        assertThat(overridden.grade().overrideReason()).isEqualTo("客户为大客户，影响业务");
        assertThat(overridden.timeline().getLast().action()).isEqualTo("level-overridden");
        assertThatThrownBy(() -> as(agent, () -> cases.overrideLevel(created.id(), 1, "x", null), Role.AGENT))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void whoSeesWhat() {
        var created = as(agent, () -> cases.intake(intake(CaseCategory.PRODUCT_QUALITY, Set.of())), Role.AGENT);
        assertThatThrownBy(() -> as(otherAgent, () -> cases.get(created.id()), Role.AGENT))
                .isInstanceOfSatisfying(OmbudException.class, e -> assertThat(e.code()).isEqualTo("CASE_NOT_FOUND"));
        assertThat(as(head, () -> cases.get(created.id()), Role.DEPT_HEAD).id()).isEqualTo(created.id());
        var bi = as("bi", () -> cases.get(created.id()), Role.BI_READER);
        assertThat(bi.customer().phone()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(bi.customer().name()).isEqualTo("王**");
        var mine = as(agent, () -> cases.search(new CaseFilter(null, null, null, null, null, null, null, null, phone,
                null, null), ScrollPosition.keyset(), 50), Role.AGENT);
        assertThat(mine.getContent()).extracting(ComplaintCase::id).contains(created.id());
        var others = as(otherAgent, () -> cases.search(new CaseFilter(null, null, null, null, null, null, null, null,
                phone, null, null), ScrollPosition.keyset(), 50), Role.AGENT);
        assertThat(others.getContent()).isEmpty();
    }

    @Test
    void twoConcurrentDispatchesGiveOneConflict() throws Exception {
        var created = as(agent, () -> cases.intake(intake(CaseCategory.PRODUCT_QUALITY, Set.of())), Role.AGENT);
        var start = new CountDownLatch(1);
        Callable<Object> dispatch = () -> {
            start.await();
            try {
                return as(lead, () -> cases.dispatch(created.id(), department.id(), team.id(), agent, null,
                        created.version()), Role.TEAM_LEAD);
            } catch (OmbudException e) {
                return e.code();
            }
        };
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Future<Object>> futures = List.of(pool.submit(dispatch), pool.submit(dispatch));
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (var f : futures) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).filteredOn(ComplaintCase.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn("CONCURRENT_UPDATE"::equals).hasSize(1);
        }
        assertThat(asAdmin(() -> cases.get(created.id())).timeline()).extracting(TimelineEntry::action)
                .containsOnlyOnce("dispatched");
    }

    @Test
    void badIntakeNamesTheField() {
        assertThatThrownBy(() -> as(agent, () -> cases.intake(new CaseIntake(IntakeChannel.HOTLINE,
                new Customer("x", null, null), "s", null, CaseCategory.OTHER, Set.of(), null, false, null)), Role.AGENT))
                .isInstanceOfSatisfying(OmbudException.class,
                        e -> assertThat(e.code()).isEqualTo("CUSTOMER_CONTACT_REQUIRED"));
        assertThatThrownBy(() -> as(agent, () -> cases.intake(new CaseIntake(IntakeChannel.HOTLINE,
                new Customer("x", phone, null), "s", null, CaseCategory.OTHER, Set.of(), null, false,
                Instant.now().plusSeconds(86_400))), Role.AGENT))
                .isInstanceOfSatisfying(OmbudException.class, e -> assertThat(e.field()).isEqualTo("receivedAt"));
        assertThatThrownBy(() -> as("bi", () -> cases.intake(intake(CaseCategory.OTHER, Set.of())), Role.BI_READER))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void theFullLifeOfALevel3Case() {
        var created = as(agent, () -> cases.intake(intake(CaseCategory.PRODUCT_QUALITY, Set.of())), Role.AGENT);
        var id = created.id();
        as(lead, () -> cases.dispatch(id, department.id(), team.id(), agent, null, null), Role.TEAM_LEAD);
        as(agent, () -> cases.acknowledge(id, null), Role.AGENT);
        as(agent, () -> cases.addNote(id, CaseNote.Kind.INVESTIGATION, "检测报告：电源模块故障", null), Role.AGENT);
        assertThatThrownBy(() -> as(agent, () -> cases.sendResult(id, Feedback.ResultChannel.CALLBACK, "已维修", null),
                Role.AGENT)).isInstanceOfSatisfying(OmbudException.class,
                        e -> assertThat(e.code()).isEqualTo("CASE_PLAN_REQUIRED"));
        assertThatThrownBy(() -> as(agent, () -> cases.planResolution(id, new ResolutionPlan(List.of(
                new ResolutionPlan.Remedy(ResolutionPlan.Type.COMPENSATION, null, null)), agent,
                Instant.now().plusSeconds(86_400), null), null), Role.AGENT))
                .isInstanceOfSatisfying(OmbudException.class,
                        e -> assertThat(e.code()).isEqualTo("COMPENSATION_AMOUNT_REQUIRED"));
        as(agent, () -> cases.planResolution(id, new ResolutionPlan(List.of(
                new ResolutionPlan.Remedy(ResolutionPlan.Type.REPAIR, null, "更换电源模块"),
                new ResolutionPlan.Remedy(ResolutionPlan.Type.COMPENSATION, new BigDecimal("50"), "话费补偿")), agent,
                Instant.now().plusSeconds(86_400), "上门维修并补偿"), null), Role.AGENT);
        as(agent, () -> cases.sendResult(id, Feedback.ResultChannel.CALLBACK, "已上门维修", null), Role.AGENT);
        var rejected = as(agent, () -> cases.recordAnswer(id, false, 2, "仍然掉线", null), Role.AGENT);
        assertThat(rejected.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(rejected.reworkCount()).isEqualTo(1);
        as(agent, () -> cases.sendResult(id, Feedback.ResultChannel.CALLBACK, "已更换设备", null), Role.AGENT);
        var accepted = as(agent, () -> cases.recordAnswer(id, true, 4, "满意", null), Role.AGENT);
        assertThat(accepted.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(accepted.closedAt()).isNotNull();
        assertThat(accepted.feedback()).extracting(Feedback::accepted).containsExactly(false, true);
        // only a head, leadership or admin archives
        assertThatThrownBy(() -> as(agent, () -> cases.archive(id, null), Role.AGENT))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        var archived = as(head, () -> cases.archive(id, null), Role.DEPT_HEAD);
        assertThat(archived.status()).isEqualTo(CaseStatus.ARCHIVED);
        assertThat(archived.timeline()).extracting(TimelineEntry::action).containsExactly("intake", "graded",
                "dispatched", "acknowledged", "note-investigation", "planned", "result-sent", "rejected",
                "result-sent", "accepted", "archived");
    }

    @Test
    void anInvalidComplaintIsExplainedAndClosed() {
        var created = as(agent, () -> cases.intake(intake(CaseCategory.POLICY_TERMS, Set.of())), Role.AGENT);
        var id = created.id();
        as(lead, () -> cases.dispatch(id, department.id(), team.id(), agent, null, null), Role.TEAM_LEAD);
        as(agent, () -> cases.acknowledge(id, null), Role.AGENT);
        assertThatThrownBy(() -> as(agent, () -> cases.closeAsInvalid(id, "已解释", null), Role.AGENT))
                .isInstanceOfSatisfying(OmbudException.class, e -> assertThat(e.code()).isEqualTo("CASE_NOT_INVALID"));
        assertThatThrownBy(() -> as(otherAgent, () -> cases.decideValidity(id, false, "x", null), Role.AGENT))
                .isInstanceOfSatisfying(OmbudException.class, e -> assertThat(e.code()).isEqualTo("CASE_NOT_FOUND"));
        as(head, () -> cases.decideValidity(id, false, "资费条款已在合同中明确告知，公司未违反服务规范", null), Role.DEPT_HEAD);
        var closed = as(agent, () -> cases.closeAsInvalid(id, "已耐心向客户解释资费条款", null), Role.AGENT);
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.validity().valid()).isFalse();
    }

    @Test
    void urgentCasesJumpTheQueue() {
        var older = as(agent, () -> cases.intake(new CaseIntake(IntakeChannel.HOTLINE, new Customer("甲", phone, null),
                "紧急：停电无法使用", null, CaseCategory.OTHER, Set.of(), null, true, Instant.now().minusSeconds(3600))),
                Role.AGENT);
        var newer = as(agent, () -> cases.intake(intake(CaseCategory.INQUIRY, Set.of())), Role.AGENT);
        var inbox = as(agent, () -> cases.search(new CaseFilter(null, null, null, null, null, null, null, null, phone,
                null, null), ScrollPosition.keyset(), 1), Role.AGENT);
        assertThat(inbox.getContent()).extracting(ComplaintCase::id).containsExactly(older.id());
        var next = as(agent, () -> cases.search(new CaseFilter(null, null, null, null, null, null, null, null, phone,
                null, null), inbox.positionAt(0), 5), Role.AGENT);
        assertThat(next.getContent()).extracting(ComplaintCase::id).contains(newer.id()).doesNotContain(older.id());
    }

    @Test
    void aNewCaseCannotBeJudgedBeforeItIsDispatchedAsAllowedStepsSays() {
        var created = fx.newCase();
        // leadership and admins handle every case, but judging needs a case in work
        assertThat(asAdmin(() -> cases.allowedSteps(created.id()))).doesNotContain(CaseStep.DECIDE_VALIDITY);
        assertThatThrownBy(() -> asAdmin(() -> cases.decideValidity(created.id(), true, "违反服务规范", null)))
                .isInstanceOfSatisfying(OmbudException.class,
                        e -> assertThat(e.code()).isEqualTo("CASE_TRANSITION_NOT_ALLOWED"));
        assertThat(asAdmin(() -> cases.get(created.id())).validity()).isNull();
    }

    @Test
    void theStepsOfferedAreExactlyTheStepsTheCommandsTake() {
        // in each state, as each person: a step is offered if and only if its command is not refused
        List<java.util.function.Supplier<ComplaintCase>> states = List.of(fx::newCase, fx::dispatched, fx::inProgress,
                fx::planned, fx::awaitingAnswer);
        record Who(String id, Role role) {
        }
        var people = List.of(new Who(agent, Role.AGENT), new Who(otherAgent, Role.AGENT), new Who(lead, Role.TEAM_LEAD),
                new Who(head, Role.DEPT_HEAD), new Who("test-admin", Role.ADMIN));
        int checked = 0;
        for (var state : states) {
            for (var who : people) {
                var c = state.get();
                java.util.Set<CaseStep> offered;
                try {
                    offered = as(who.id(), () -> cases.allowedSteps(c.id()), who.role());
                } catch (OmbudException notVisible) {
                    assertThat(notVisible.code()).isEqualTo("CASE_NOT_FOUND");
                    continue;
                }
                var probed = c;
                for (CaseStep step : CaseStep.values()) {
                    var outcome = probe(probed, step, who.id(), who.role());
                    assertThat(outcome != Outcome.REFUSED).as("%s on a %s case as %s", step, probed.status(),
                            who.role()).isEqualTo(offered.contains(step));
                    checked++;
                    if (outcome == Outcome.TAKEN) {
                        probed = state.get();
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(200);
    }

    enum Outcome { REFUSED, INPUT_REFUSED, TAKEN }

    /**
     * Runs the step's command with input that is refused after the step's rule where it has input:
     * REFUSED when the rule (or the role check) refused it, INPUT_REFUSED when only the input was
     * wrong, TAKEN when it went through.
     */
    private Outcome probe(ComplaintCase c, CaseStep step, String who, Role role) {
        var id = c.id();
        Long v = c.version();
        java.util.function.Supplier<?> command = switch (step) {
            case DISPATCH -> () -> cases.dispatch(id, null, null, null, null, v);
            case ACKNOWLEDGE -> () -> cases.acknowledge(id, v);
            case PLAN -> () -> cases.planResolution(id, new ResolutionPlan(List.of(), null, null, null), v);
            case SEND_RESULT -> () -> cases.sendResult(id, null, "x", v);
            case RECORD_ANSWER -> () -> cases.recordAnswer(id, true, 9, null, v);
            case ADD_NOTE -> () -> cases.addNote(id, null, "x", v);
            case ATTACH_EVIDENCE -> () -> cases.attachEvidence(id, "", new byte[0], v);
            case DECIDE_VALIDITY -> () -> cases.decideValidity(id, true, "违反服务规范", v);
            case CLOSE_INVALID -> () -> cases.closeAsInvalid(id, "已解释", v);
            case OVERRIDE_LEVEL -> () -> cases.overrideLevel(id, 0, "x", v);
            case ARCHIVE -> () -> cases.archive(id, v);
        };
        try {
            as(who, command, role);
            return Outcome.TAKEN;
        } catch (org.springframework.security.access.AccessDeniedException e) {
            return Outcome.REFUSED;
        } catch (OmbudException e) {
            assertThat(e.isConcurrentUpdate()).as("a probe leaves the case as it is").isFalse();
            return e.kind() == OmbudException.Kind.BAD_REQUEST ? Outcome.INPUT_REFUSED : Outcome.REFUSED;
        }
    }

    @Test
    void anOverrideToTheLevelInForceIsRefused() {
        var created = fx.newCase();
        assertThatThrownBy(() -> fx.asHead(() -> cases.overrideLevel(created.id(), created.grade().level(), "确认级别",
                null))).isInstanceOfSatisfying(OmbudException.class, e -> {
                    assertThat(e.code()).isEqualTo("LEVEL_UNCHANGED");
                    assertThat(e.field()).isEqualTo("level");
                });
        var after = asAdmin(() -> cases.get(created.id()));
        assertThat(after.grade().overridden()).isFalse();
        assertThat(after.version()).isEqualTo(created.version());
    }

    @Test
    void aReworkPlanStartsFromADueTimeThatIsStillAhead() {
        var rejected = fx.rejected();
        var planDue = rejected.plan().due();
        // a re-plan keeps the plan's due time while it is ahead
        assertThat(fx.asAgent(() -> cases.suggestedPlanDue(rejected.id()))).isEqualTo(planDue);
        // once that and the case's deadline have passed, a rework gets the level's handling time from now
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(rejected.id())),
                new org.springframework.data.mongodb.core.query.Update()
                        .set("plan.due", Instant.now().minusSeconds(3600))
                        .set("deadlines.resolutionDue", Instant.now().minusSeconds(60)), "cases");
        var fresh = fx.asAgent(() -> cases.suggestedPlanDue(rejected.id()));
        assertThat(fresh).isAfter(Instant.now().plusSeconds(3600));
        var replanned = fx.asAgent(() -> cases.planResolution(rejected.id(), fx.plan(fresh), null));
        assertThat(replanned.plan().due()).isEqualTo(fresh);
        assertThat(replanned.timeline().getLast().action()).isEqualTo("re-planned");
    }

    @Test
    void agentsFindACustomerByNameOrTheLastDigitsOfThePhone() {
        var created = fx.newCase();
        var last4 = phone.substring(phone.length() - 4);
        for (String part : List.of(last4, phone.substring(3, 9), "王先", phone)) {
            assertThat(fx.asAgent(() -> cases.search(CaseFilter.customer(part), ScrollPosition.keyset(), 50))
                    .getContent()).as(part).extracting(ComplaintCase::id).contains(created.id());
        }
        assertThat(fx.asAgent(() -> cases.count(CaseFilter.customer(last4)))).isPositive();
        // the input is text, never a pattern
        assertThat(fx.asAgent(() -> cases.count(CaseFilter.customer(".*")))).isZero();
        assertThat(fx.asAgent(() -> cases.count(CaseFilter.customer(phone.substring(0, 3) + ".")))).isZero();
        // other agents do not see the case, and a BI reader may not search by the customer
        assertThat(as(otherAgent, () -> cases.count(CaseFilter.customer(last4)), Role.AGENT)).isZero();
        assertThatThrownBy(() -> as("bi", () -> cases.count(CaseFilter.customer(last4)), Role.BI_READER))
                .isInstanceOfSatisfying(OmbudException.class, e -> {
                    assertThat(e.code()).isEqualTo("PERSONAL_DATA_FILTER_REFUSED");
                    assertThat(e.field()).isEqualTo("customer");
                });
    }

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;
}
