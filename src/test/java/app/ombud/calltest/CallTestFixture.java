package app.ombud.calltest;

import static app.ombud.support.TestData.as;
import static app.ombud.support.TestData.asAdmin;

import app.ombud.directory.Department;
import app.ombud.directory.DepartmentInput;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.directory.Team;
import app.ombud.directory.TeamInput;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.Role;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The test-call tests' call center, new for each test: a department with a team of three agents
 * ({@code agents}) and a team without agents ({@code empty}), the group's lead {@code lead} and a
 * member {@code staff} (CALLTEST_STAFF), an agent {@code outsider} of no team; the management
 * group set to them; a scenario; and plans for next quarter ({@link #quarter}).
 */
public final class CallTestFixture {

    public final String p;
    public final String lead;
    public final String staff;
    public final String outsider;
    public final List<String> agents;
    public final Department department;
    public final Team team;
    public final Team empty;
    public final Quarter quarter;
    private final Scenarios scenarios;
    private final Plans plans;

    private CallTestFixture(String p, Department department, Team team, Team empty, Scenarios scenarios,
            Plans plans) {
        this.p = p;
        this.lead = p + "L1";
        this.staff = p + "Q1";
        this.outsider = p + "X1";
        this.agents = List.of(p + "A1", p + "A2", p + "A3");
        this.department = department;
        this.team = team;
        this.empty = empty;
        this.quarter = Quarter.of(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(3));
        this.scenarios = scenarios;
        this.plans = plans;
    }

    public static CallTestFixture create(String prefix, DirectoryService directory, CallTestGroups groups,
            Scenarios scenarios, Plans plans) {
        String p = prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        return asAdmin(() -> {
            var department = directory.createDepartment(new DepartmentInput(p + "D", "客服部" + p, null, null));
            var team = directory.createTeam(new TeamInput("一组" + p, department.id(), null));
            var empty = directory.createTeam(new TeamInput("空组" + p, department.id(), null));
            var fixture = new CallTestFixture(p, department, team, empty, scenarios, plans);
            for (String agent : fixture.agents) {
                directory.createPerson(new PersonInput(agent, "坐席" + agent, department.id(), team.id(),
                        Set.of(Role.AGENT), true, null, null));
            }
            directory.createPerson(new PersonInput(p + "A9", "离职" + p, department.id(), team.id(),
                    Set.of(Role.AGENT), false, null, null));
            directory.createPerson(new PersonInput(fixture.lead, "客服负责人" + p, department.id(), null,
                    Set.of(Role.CALLTEST_STAFF), true, null, null));
            directory.createPerson(new PersonInput(fixture.staff, "质检员" + p, department.id(), null,
                    Set.of(Role.CALLTEST_STAFF), true, null, null));
            directory.createPerson(new PersonInput(fixture.outsider, "坐席" + p, department.id(), null,
                    Set.of(Role.AGENT), true, null, null));
            groups.set(fixture.lead, List.of(fixture.staff), null);
            return fixture;
        });
    }

    public ScenarioInput scenarioInput(String title) {
        return new ScenarioInput(ScenarioType.COMMON_QUESTION, null, CallChannel.PHONE, title,
                "客户询问订单物流，要求告知送达时间", "查询物流并告知预计送达时间，提供单号",
                List.of(new KnowledgePoint(null, "核实身份"), new KnowledgePoint(null, "告知物流单号")), List.of("物流", p));
    }

    public Scenario scenario(String title) {
        return as(staff, () -> scenarios.create(scenarioInput(title), IdempotencyKey.NONE), Role.CALLTEST_STAFF);
    }

    /** A plan of next quarter on the team (and the empty team), its first month's quota {@code phone} × PHONE, 1 × ONLINE. */
    public PlanInput planInput(Scenario scenario, int phone) {
        String month = quarter.firstMonth().toString();
        return new PlanInput(quarter.toString(), "检验首问负责制" + p, List.of(team.id(), empty.id()), List.of("10010"),
                List.of(CallChannel.PHONE, CallChannel.ONLINE), "每月上旬", List.of(scenario.id()), List.of(staff),
                List.of(new MonthlyQuota(month, team.id(), CallChannel.PHONE, phone),
                        new MonthlyQuota(month, team.id(), CallChannel.ONLINE, 1)));
    }

    /** A plan approved by the lead: active. */
    public CallTestPlan activePlan(int phone) {
        var scenario = scenario("物流查询" + p);
        var plan = as(staff, () -> plans.create(planInput(scenario, phone), IdempotencyKey.NONE),
                Role.CALLTEST_STAFF);
        as(staff, () -> plans.submit(plan.id(), plan.version()), Role.CALLTEST_STAFF);
        return as(lead, () -> plans.approve(plan.id(), null), Role.CALLTEST_STAFF);
    }

    /** Every scorecard item of the policy in force at its best score. */
    public static java.util.Map<String, Integer> fullMarks(app.ombud.policy.PolicyService policy) {
        java.util.Map<String, Integer> answers = new java.util.LinkedHashMap<>();
        policy.current().content().scorecard().items().forEach(i -> answers.put(i.code(), i.scale().max()));
        return answers;
    }
}
