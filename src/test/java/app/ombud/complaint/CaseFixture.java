package app.ombud.complaint;

import static app.ombud.support.TestData.as;
import static app.ombud.support.TestData.asAdmin;

import app.ombud.directory.Department;
import app.ombud.directory.DepartmentInput;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.directory.Team;
import app.ombud.directory.TeamInput;
import app.ombud.platform.Role;
import app.ombud.policy.CaseCategory;
import app.ombud.policy.CaseFlag;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The people of a complaint test and cases brought to a given step: a department with a team, an
 * agent of that team, an agent elsewhere, the team's lead and the department's head, each with
 * fresh IDs, and a customer phone number of their own.
 */
public final class CaseFixture {

    public final ComplaintService cases;
    public final String p;
    public final Department department;
    public final Team team;
    public final String agent;
    public final String otherAgent;
    public final String lead;
    public final String head;
    public final String phone;

    public CaseFixture(ComplaintService cases, DirectoryService directory, String prefix) {
        this.cases = cases;
        p = prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        department = asAdmin(() -> directory.createDepartment(new DepartmentInput(p, "客服部" + p, null, null)));
        team = asAdmin(() -> directory.createTeam(new TeamInput("一班", department.id(), null)));
        agent = p + "A1";
        otherAgent = p + "A2";
        lead = p + "L1";
        head = p + "H1";
        asAdmin(() -> {
            directory.createPerson(new PersonInput(agent, "坐席甲", department.id(), team.id(), Set.of(Role.AGENT), true,
                    null, null));
            directory.createPerson(new PersonInput(otherAgent, "坐席乙", null, null, Set.of(Role.AGENT), true, null, null));
            directory.createPerson(new PersonInput(lead, "领班", department.id(), team.id(), Set.of(Role.TEAM_LEAD), true,
                    null, null));
            directory.createPerson(new PersonInput(head, "部门负责人", department.id(), null, Set.of(Role.DEPT_HEAD), true,
                    null, null));
        });
        phone = "139" + String.format("%08d", Math.abs(p.hashCode()) % 100_000_000);
    }

    /** A complaint of the fixture's customer 王先生. */
    public CaseIntake intake(CaseCategory category, Set<CaseFlag> flags) {
        return new CaseIntake(IntakeChannel.HOTLINE, new Customer("王先生", phone, null), "路由器无法上网", "购买两周后频繁断网",
                category, flags, new BigDecimal("300"), false, null);
    }

    /** A level-3 case the agent took in (NEW). */
    public ComplaintCase newCase() {
        return asAgent(() -> cases.intake(intake(CaseCategory.PRODUCT_QUALITY, Set.of())));
    }

    /** Dispatched by the team lead to the agent. */
    public ComplaintCase dispatched() {
        UUID id = newCase().id();
        return as(lead, () -> cases.dispatch(id, department.id(), team.id(), agent, null, null), Role.TEAM_LEAD);
    }

    /** Taken on by the agent (IN_PROGRESS). */
    public ComplaintCase inProgress() {
        UUID id = dispatched().id();
        return asAgent(() -> cases.acknowledge(id, null));
    }

    /** With a repair plan due tomorrow. */
    public ComplaintCase planned() {
        UUID id = inProgress().id();
        return asAgent(() -> cases.planResolution(id, plan(Instant.now().plus(Duration.ofDays(1))), null));
    }

    public ResolutionPlan plan(Instant due) {
        return new ResolutionPlan(List.of(new ResolutionPlan.Remedy(ResolutionPlan.Type.REPAIR, null, "上门维修")), agent,
                due, "上门维修");
    }

    /** The result told to the customer (AWAITING_FEEDBACK). */
    public ComplaintCase awaitingAnswer() {
        UUID id = planned().id();
        return asAgent(() -> cases.sendResult(id, Feedback.ResultChannel.CALLBACK, "已上门维修", null));
    }

    /** The customer rejected the result: back IN_PROGRESS as a rework. */
    public ComplaintCase rejected() {
        UUID id = awaitingAnswer().id();
        return asAgent(() -> cases.recordAnswer(id, false, 2, "仍然掉线", null));
    }

    public <T> T asAgent(java.util.function.Supplier<T> work) {
        return as(agent, work, Role.AGENT);
    }

    public <T> T asHead(java.util.function.Supplier<T> work) {
        return as(head, work, Role.DEPT_HEAD);
    }
}
