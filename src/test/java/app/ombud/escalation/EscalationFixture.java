package app.ombud.escalation;

import static app.ombud.support.TestData.as;
import static app.ombud.support.TestData.asAdmin;

import app.ombud.complaint.CaseIntake;
import app.ombud.complaint.ComplaintCase;
import app.ombud.complaint.ComplaintService;
import app.ombud.complaint.Customer;
import app.ombud.complaint.Feedback;
import app.ombud.complaint.IntakeChannel;
import app.ombud.directory.Department;
import app.ombud.directory.DepartmentInput;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.platform.Role;
import app.ombud.policy.CaseCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The escalation tests' call center, new for each test: a superior department (客户服务中心, its
 * head {@code chief} with SUPERIOR) above an after-sales department (its head {@code head}, the
 * agent {@code agent}), and an expert {@code member} of no department; cases of that department
 * and escalations raised by the agent.
 */
public final class EscalationFixture {

    public final String p;
    public final String chief;
    public final String head;
    public final String agent;
    public final String member;
    public final Department superior;
    public final Department department;
    private final ComplaintService cases;
    private final EscalationService escalations;

    private EscalationFixture(String p, Department superior, Department department, ComplaintService cases,
            EscalationService escalations) {
        this.p = p;
        this.chief = p + "S1";
        this.head = p + "H1";
        this.agent = p + "A1";
        this.member = p + "M1";
        this.superior = superior;
        this.department = department;
        this.cases = cases;
        this.escalations = escalations;
    }

    /** A new call center whose names start with {@code prefix} and a unique suffix. */
    public static EscalationFixture create(String prefix, DirectoryService directory, ComplaintService cases,
            EscalationService escalations) {
        String p = prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        var superior = asAdmin(() -> directory.createDepartment(new DepartmentInput(p + "S", "客户服务中心" + p, null,
                p + "S1")));
        var department = asAdmin(() -> directory.createDepartment(new DepartmentInput(p + "D", "售后部" + p,
                superior.id(), p + "H1")));
        var fixture = new EscalationFixture(p, superior, department, cases, escalations);
        asAdmin(() -> {
            directory.createPerson(new PersonInput(fixture.chief, "中心主任", superior.id(), null, Set.of(Role.SUPERIOR),
                    true, null, null));
            directory.createPerson(new PersonInput(fixture.head, "售后经理", department.id(), null,
                    Set.of(Role.DEPT_HEAD), true, null, null));
            directory.createPerson(new PersonInput(fixture.agent, "坐席", department.id(), null, Set.of(Role.AGENT), true,
                    null, null));
            directory.createPerson(new PersonInput(fixture.member, "技术专家", null, null, Set.of(Role.AGENT), true, null,
                    null));
        });
        return fixture;
    }

    /** A case the agent took in at {@code receivedAt}, dispatched by the head to the agent. */
    public ComplaintCase dispatchedCase(Instant receivedAt) {
        var created = as(agent, () -> cases.intake(new CaseIntake(IntakeChannel.HOTLINE,
                new Customer("周先生", null, "ACC-" + p + System.nanoTime()), "多次维修未果", null,
                CaseCategory.PRODUCT_QUALITY, Set.of(), null, false, receivedAt)), Role.AGENT);
        return as(head, () -> cases.dispatch(created.id(), department.id(), null, agent, null, null), Role.DEPT_HEAD);
    }

    /** The agent escalates the case as a cross-department one. */
    public Escalation raise(ComplaintCase subject) {
        return as(agent, () -> escalations.raise(subject.id(), EscalationTrigger.CROSS_DEPARTMENT,
                new EscalationForm("涉及物流与售后", "协调未果", "跨部门", "由中心协调")), Role.AGENT);
    }

    /** The chief approves the escalation and forms a task force he leads, with these members. */
    public Escalation approvedWithTaskForce(Escalation raised, List<TaskForce.Member> members) {
        as(chief, () -> escalations.review(raised.id(), true, "同意", null), Role.SUPERIOR);
        return as(chief, () -> escalations.formTaskForce(raised.id(), new TaskForce(chief, members), null),
                Role.SUPERIOR);
    }

    /**
     * The escalation taken through every step to CLOSED: approved, a task force the chief leads with
     * the expert as 技术支持, a plan step the expert completes, a meeting, the expert's report that
     * the chief approves, the result told to the customer who accepts it, and the evaluation.
     */
    public Escalation closed(Escalation raised) {
        var id = approvedWithTaskForce(raised, List.of(new TaskForce.Member(member, "技术支持"))).id();
        var step = as(chief, () -> escalations.addStep(id, "联系厂家检测", member, Instant.now().plus(
                Duration.ofDays(2)), null), Role.SUPERIOR).steps().getFirst();
        as(member, () -> escalations.completeStep(id, step.id(), null), Role.AGENT);
        as(member, () -> escalations.recordMeeting(id, Instant.now().minus(Duration.ofHours(1)), List.of(chief,
                member), "厂家确认更换整机", null), Role.AGENT);
        as(member, () -> escalations.submitReport(id, "协调厂家更换整机", "已更换", 4, null), Role.AGENT);
        as(chief, () -> escalations.reviewReport(id, true, "报告属实", null), Role.SUPERIOR);
        as(chief, () -> escalations.sendResult(id, "已为您更换整机", Feedback.ResultChannel.CALLBACK, true, null),
                Role.SUPERIOR);
        return as(chief, () -> escalations.evaluate(id, 5, "处理及时", null), Role.SUPERIOR);
    }
}
