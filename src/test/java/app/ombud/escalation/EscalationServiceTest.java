package app.ombud.escalation;

import static app.ombud.support.TestData.as;
import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.complaint.CaseIntake;
import app.ombud.complaint.CaseStatus;
import app.ombud.complaint.ComplaintService;
import app.ombud.complaint.Customer;
import app.ombud.complaint.IntakeChannel;
import app.ombud.complaint.internal.CaseJobs;
import app.ombud.directory.Department;
import app.ombud.escalation.internal.EscalationJobs;
import app.ombud.directory.DepartmentInput;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.notification.NotificationService;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.policy.CaseCategory;
import app.ombud.policy.OperationsTargets;
import app.ombud.policy.PolicyService;
import java.util.UUID;
import app.ombud.support.OmbudIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.ScrollPosition;

@OmbudIntegrationTest
class EscalationServiceTest {

    @Autowired
    EscalationService escalations;

    @Autowired
    EscalationJobs jobs;

    @Autowired
    ComplaintService cases;

    @Autowired
    CaseJobs caseJobs;

    @Autowired
    DirectoryService directory;

    @Autowired
    NotificationService notifications;

    @Autowired
    PolicyService policy;

    EscalationFixture f;
    String p;
    Department superior;
    Department department;
    String agent;
    String head;
    String chief;
    String member;

    @BeforeEach
    void setUp() {
        f = EscalationFixture.create("E", directory, cases, escalations);
        p = f.p;
        superior = f.superior;
        department = f.department;
        agent = f.agent;
        head = f.head;
        chief = f.chief;
        member = f.member;
    }

    @Test
    void aBreachedDeadlineRaisesExactlyOneEscalationToTheSuperiorDepartment() {
        var late = f.dispatchedCase(Instant.now().minus(Duration.ofDays(30)));
        caseJobs.flagBreaches(Instant.now());
        jobs.raiseAutomatically();
        jobs.raiseAutomatically();
        var theirs = as(chief, () -> escalations.search(null, false, ScrollPosition.keyset(), 50), Role.SUPERIOR)
                .getContent().stream().filter(e -> e.caseId().equals(late.id())).toList();
        assertThat(theirs).singleElement().satisfies(e -> {
            assertThat(e.trigger()).isEqualTo(EscalationTrigger.DEADLINE_BREACHED);
            assertThat(e.automatic()).isTrue();
            assertThat(e.toDepartmentId()).isEqualTo(superior.id());
            assertThat(e.number()).matches("SJ-\\d{8}-\\d{4}");
        });
        var escalated = asAdmin(() -> cases.get(late.id()));
        assertThat(escalated.escalation().id()).isEqualTo(theirs.getFirst().id());
        // the superior department now sees the case itself
        assertThat(as(chief, () -> cases.get(late.id()), Role.SUPERIOR).number()).isEqualTo(late.number());
        assertThat(as(chief, () -> notifications.countMine(false), Role.SUPERIOR)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theWholeEscalationByHand() {
        var subject = f.dispatchedCase(Instant.now());
        var form = new EscalationForm("客户设备三次维修仍故障", "已上门三次", "需厂家技术支持，超出部门能力", "成立专项小组协调厂家");
        var raised = as(agent, () -> escalations.raise(subject.id(), EscalationTrigger.BEYOND_ABILITY, form), Role.AGENT);
        assertThat(raised.status()).isEqualTo(EscalationStatus.SUBMITTED);
        assertThat(raised.reviewDue()).isAfter(raised.raisedAt());
        assertThatThrownBy(() -> as(agent, () -> escalations.raise(subject.id(), EscalationTrigger.BEYOND_ABILITY, form),
                Role.AGENT)).isInstanceOfSatisfying(OmbudException.class,
                        e -> assertThat(e.code()).isEqualTo("ESCALATION_ALREADY_OPEN"));
        assertThatThrownBy(() -> as(head, () -> escalations.review(raised.id(), true, "同意", null), Role.DEPT_HEAD))
                .isInstanceOfSatisfying(OmbudException.class,
                        e -> assertThat(e.code()).isEqualTo("NOT_SUPERIOR_REVIEWER"));

        var id = raised.id();
        as(chief, () -> escalations.review(id, true, "同意升级，由中心牵头", null), Role.SUPERIOR);
        assertThatThrownBy(() -> as(chief, () -> escalations.formTaskForce(id, new TaskForce(agent, List.of()), null),
                Role.SUPERIOR)).isInstanceOfSatisfying(OmbudException.class,
                        e -> assertThat(e.code()).isEqualTo("LEAD_NOT_IN_SUPERIOR_DEPARTMENT"));
        as(chief, () -> escalations.formTaskForce(id, new TaskForce(chief, List.of(
                new TaskForce.Member(head, "部门协调"), new TaskForce.Member(member, "技术支持"))), null), Role.SUPERIOR);
        var withStep = as(member, () -> escalations.addStep(id, "联系厂家检测", member,
                Instant.now().plus(Duration.ofDays(2)), null), Role.AGENT);
        var step = withStep.steps().getFirst();
        as(member, () -> escalations.completeStep(id, step.id(), null), Role.AGENT);
        as(chief, () -> escalations.recordMeeting(id, Instant.now(), List.of(chief, head, member), "确定更换整机", null),
                Role.SUPERIOR);
        assertThatThrownBy(() -> as(agent, () -> escalations.submitReport(id, "x", "y", 4, null), Role.AGENT))
                .isInstanceOfSatisfying(OmbudException.class, e -> assertThat(e.code())
                        .isIn("NOT_TASK_FORCE_MEMBER", "ESCALATION_NOT_FOUND"));
        as(member, () -> escalations.submitReport(id, "联系厂家检测并更换整机", "客户接受更换", 4, null), Role.AGENT);
        as(chief, () -> escalations.reviewReport(id, true, null, null), Role.SUPERIOR);
        as(chief, () -> escalations.sendResult(id, "已电话告知客户处理结果", null), Role.SUPERIOR);
        var closed = as(chief, () -> escalations.evaluate(id, 5, "处理及时", null), Role.SUPERIOR);
        assertThat(closed.status()).isEqualTo(EscalationStatus.CLOSED);
        assertThat(closed.timeline()).extracting(EscalationEntry::action).containsExactly("submitted", "approved",
                "task-force-formed", "step-planned", "step-done", "meeting", "report-submitted", "report-approved",
                "result-sent", "evaluated-closed");
    }

    /** Fault 2 of issue 10: closing the escalation left its case dispatched and overdue. */
    @Test
    void closingAnEscalationReturnsItsResultToTheCase() {
        var late = f.dispatchedCase(Instant.now().minus(Duration.ofDays(30)));
        caseJobs.flagBreaches(Instant.now());
        var id = as(agent, () -> escalations.raise(late.id(), EscalationTrigger.BEYOND_ABILITY,
                new EscalationForm("三次维修仍故障", "已上门三次", "超出部门能力", "专项小组协调厂家")), Role.AGENT).id();
        as(chief, () -> escalations.review(id, true, "同意", null), Role.SUPERIOR);
        as(chief, () -> escalations.formTaskForce(id, new TaskForce(chief, List.of(new TaskForce.Member(member,
                "技术支持"))), null), Role.SUPERIOR);
        as(member, () -> escalations.submitReport(id, "厂家检测后更换整机", "更换整机", 4, null), Role.AGENT);
        as(chief, () -> escalations.reviewReport(id, true, null, null), Role.SUPERIOR);
        as(chief, () -> escalations.sendResult(id, "已电话告知客户更换整机", null), Role.SUPERIOR);
        assertThat(asAdmin(() -> cases.get(late.id())).status().open()).isTrue();
        as(chief, () -> escalations.evaluate(id, 5, "处理及时", null), Role.SUPERIOR);

        var after = asAdmin(() -> cases.get(late.id()));
        assertThat(after.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(after.closedAt()).isNotNull();
        assertThat(after.timeline()).filteredOn(e -> e.action().equals("escalation-closed")).singleElement()
                .satisfies(e -> assertThat(e.to()).isEqualTo(CaseStatus.CLOSED));
        assertThat(after.feedback()).last().satisfies(f -> {
            assertThat(f.result()).isEqualTo("已电话告知客户更换整机");
            assertThat(f.satisfaction()).isEqualTo(4);
        });
        // no longer overdue: the deadline jobs and the escalation job leave it alone
        assertThat(cases.casesDueForEscalation(1000)).noneMatch(c -> c.caseId().equals(late.id()));
        // and a closed case is not escalated again
        assertThatThrownBy(() -> as(agent, () -> escalations.raise(late.id(), EscalationTrigger.CROSS_DEPARTMENT,
                new EscalationForm("a", "b", "c", "d")), Role.AGENT)).isInstanceOfSatisfying(OmbudException.class,
                        e -> assertThat(e.code()).isEqualTo("CASE_CLOSED"));
    }

    /** Fault 8 of issue 10 (last item): the person who submits the task force's report cannot approve it. */
    @Test
    void whoSubmitsTheReportDoesNotApproveIt() {
        var id = f.approvedWithTaskForce(f.raise(f.dispatchedCase(Instant.now())), List.of()).id();
        as(chief, () -> escalations.submitReport(id, "协调物流重新配送", "客户接受", 5, null), Role.SUPERIOR);
        assertThatThrownBy(() -> as(chief, () -> escalations.reviewReport(id, true, null, null), Role.SUPERIOR))
                .isInstanceOfSatisfying(OmbudException.class,
                        e -> assertThat(e.code()).isEqualTo("REPORT_REVIEW_BY_SUBMITTER"));
        assertThat(asAdmin(() -> escalations.get(id)).status()).isEqualTo(EscalationStatus.REPORTED);
        // a second pair of eyes (leadership) approves it
        var approved = as(p + "L1", () -> escalations.reviewReport(id, true, null, null), Role.LEADERSHIP);
        assertThat(approved.status()).isEqualTo(EscalationStatus.REPORT_APPROVED);
    }

    /** Fault 3 of issue 10: an escalation raised before dispatch reached no superior department. */
    @Test
    void anEscalationBeforeDispatchGoesToTheSuperiorOfTheIntakeDepartment() {
        var fresh = as(agent, () -> cases.intake(new CaseIntake(IntakeChannel.HOTLINE,
                new Customer("吴女士", null, "ACC-" + p + "N"), "设备冒烟", null, CaseCategory.PRODUCT_QUALITY,
                Set.of(), null, false, Instant.now())), Role.AGENT);
        assertThat(fresh.assignment()).isNull();
        var raised = as(agent, () -> escalations.raise(fresh.id(), EscalationTrigger.BEYOND_ABILITY,
                new EscalationForm("设备冒烟", "尚未分派", "超出坐席能力", "上级部门牵头")), Role.AGENT);
        assertThat(raised.fromDepartmentId()).isEqualTo(department.id());
        assertThat(raised.toDepartmentId()).isEqualTo(superior.id());
        // the superior department sees it in its queue and decides on it
        assertThat(as(chief, () -> escalations.search(null, false, ScrollPosition.keyset(), 50), Role.SUPERIOR)
                .getContent()).extracting(Escalation::id).contains(raised.id());
        assertThat(as(chief, () -> escalations.review(raised.id(), true, "同意", null), Role.SUPERIOR).status())
                .isEqualTo(EscalationStatus.APPROVED);
    }

    /** Fault 3 of issue 10: with no superior department, the policy names the department that reviews. */
    @Test
    void withoutASuperiorDepartmentThePolicysDefaultDepartmentReviews() {
        String clerk = p + "A2";
        var shop = asAdmin(() -> directory.createDepartment(new DepartmentInput(p + "T", "独立门店" + p, null, null)));
        asAdmin(() -> directory.createPerson(new PersonInput(clerk, "门店坐席", shop.id(), null, Set.of(Role.AGENT),
                true, null, null)));
        setDefaultEscalationDepartment(superior.id());
        try {
            var fresh = as(clerk, () -> cases.intake(new CaseIntake(IntakeChannel.OFFLINE,
                    new Customer("郑先生", null, "ACC-" + p + "T"), "门店拒绝退货", null, CaseCategory.POLICY_TERMS,
                    Set.of(), null, false, Instant.now())), Role.AGENT);
            var raised = as(clerk, () -> escalations.raise(fresh.id(), EscalationTrigger.BEYOND_ABILITY,
                    new EscalationForm("门店拒绝退货", "已解释政策", "门店无权处理", "上级部门裁定")), Role.AGENT);
            assertThat(raised.fromDepartmentId()).isEqualTo(shop.id());
            assertThat(raised.toDepartmentId()).isEqualTo(superior.id());
        } finally {
            setDefaultEscalationDepartment(null);
        }
    }

    private void setDefaultEscalationDepartment(UUID department) {
        asAdmin(() -> {
            var current = policy.current();
            var o = current.content().operations();
            return policy.update(app.ombud.policy.PolicySections.OPERATIONS, current.number(), new OperationsTargets(o.callsPerAgentPerDay(),
                    o.commonQuestionMinutes(), o.occupancyMin(), o.occupancyMax(), o.onSiteHoursContract(),
                    o.onSiteHoursOther(), o.escalationApprovalWorkingDays(), department), "默认升级部门");
        });
    }

    @Test
    void anOverdueReviewIsFlaggedOnce() {
        var raised = f.raise(f.dispatchedCase(Instant.now()));
        Instant later = raised.reviewDue().plus(Duration.ofMinutes(1));
        assertThat(jobs.flagOverdueReviews(raised.reviewDue().minus(Duration.ofMinutes(1)))).isZero();
        jobs.flagOverdueReviews(later);
        jobs.flagOverdueReviews(later);
        var flagged = asAdmin(() -> escalations.get(raised.id()));
        assertThat(flagged.reviewOverdueAt()).isNotNull();
        assertThat(flagged.timeline()).extracting(EscalationEntry::action).containsOnlyOnce("review-overdue");
        var queue = as(chief, () -> escalations.search(null, true, ScrollPosition.keyset(), 50), Role.SUPERIOR);
        assertThat(queue.getContent()).extracting(Escalation::id).contains(raised.id());
    }

    @Test
    void theOverdueFlagDoesNotMakeTheReviewersDecisionFail() {
        var read = f.raise(f.dispatchedCase(Instant.now()));
        assertThat(jobs.flagOverdueReviews(read.reviewDue().plus(Duration.ofMinutes(1)))).isPositive();

        // the chief decides on the page opened before the job ran
        var approved = as(chief, () -> escalations.review(read.id(), true, "同意", read.version()), Role.SUPERIOR);

        assertThat(approved.status()).isEqualTo(EscalationStatus.APPROVED);
        var stored = asAdmin(() -> escalations.get(read.id()));
        assertThat(stored.reviewOverdueAt()).as("the job's mark survives the decision").isNotNull();
        assertThat(stored.timeline()).extracting(EscalationEntry::action).containsSubsequence("review-overdue");
        assertThatThrownBy(() -> as(chief, () -> escalations.review(read.id(), false, "驳回", read.version()),
                Role.SUPERIOR)).isInstanceOfSatisfying(app.ombud.platform.OmbudException.class,
                        e -> assertThat(e.isConcurrentUpdate()).isTrue());
    }
}
