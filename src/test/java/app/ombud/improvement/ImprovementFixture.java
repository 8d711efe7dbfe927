package app.ombud.improvement;

import static app.ombud.support.TestData.as;
import static app.ombud.support.TestData.asAdmin;

import app.ombud.directory.Department;
import app.ombud.directory.DepartmentInput;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.directory.Team;
import app.ombud.directory.TeamInput;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.Role;
import app.ombud.policy.PolicyService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * The improvement tests' call center, new for each test: a quality department (质检部, its head
 * {@code raiserHead}, the reviewer {@code raiser} who raises actions), a service department
 * (客服部, its head {@code ownerHead}, the agents {@code owner} and {@code colleague} in its team),
 * a test-call group member {@code group} (CALLTEST_STAFF), a leader {@code leader} and an agent
 * of neither department ({@code stranger}).
 */
public final class ImprovementFixture {

    public final String p;
    public final String raiser;
    public final String raiserHead;
    public final String owner;
    public final String colleague;
    public final String ownerHead;
    public final String group;
    public final String leader;
    public final String stranger;
    public final Department quality;
    public final Department service;
    public final Team team;
    private final ImprovementService improvements;
    private final PolicyService policy;
    private final Clock clock;

    private ImprovementFixture(String p, Department quality, Department service, Team team,
            ImprovementService improvements, PolicyService policy, Clock clock) {
        this.p = p;
        this.raiser = p + "R1";
        this.raiserHead = p + "QH";
        this.owner = p + "A1";
        this.colleague = p + "A2";
        this.ownerHead = p + "SH";
        this.group = p + "C1";
        this.leader = p + "L1";
        this.stranger = p + "X1";
        this.quality = quality;
        this.service = service;
        this.team = team;
        this.improvements = improvements;
        this.policy = policy;
        this.clock = clock;
    }

    public static ImprovementFixture create(String prefix, DirectoryService directory, ImprovementService improvements,
            PolicyService policy, Clock clock) {
        String p = prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        var quality = asAdmin(() -> directory.createDepartment(new DepartmentInput(p + "Q", "质检部" + p, null, p + "QH")));
        var service = asAdmin(() -> directory.createDepartment(new DepartmentInput(p + "S", "客服部" + p, null, p + "SH")));
        var team = asAdmin(() -> directory.createTeam(new TeamInput("一班" + p, service.id(), null)));
        var f = new ImprovementFixture(p, quality, service, team, improvements, policy, clock);
        asAdmin(() -> {
            directory.createPerson(new PersonInput(f.raiser, "质检员", quality.id(), null, Set.of(Role.REVIEWER), true,
                    null, null));
            directory.createPerson(new PersonInput(f.raiserHead, "质检经理", quality.id(), null, Set.of(Role.DEPT_HEAD),
                    true, null, null));
            directory.createPerson(new PersonInput(f.owner, "坐席甲", service.id(), team.id(), Set.of(Role.AGENT), true,
                    null, null));
            directory.createPerson(new PersonInput(f.colleague, "坐席乙", service.id(), team.id(), Set.of(Role.AGENT),
                    true, null, null));
            directory.createPerson(new PersonInput(f.ownerHead, "客服经理", service.id(), null, Set.of(Role.DEPT_HEAD),
                    true, null, null));
            directory.createPerson(new PersonInput(f.group, "拨测专员", null, null, Set.of(Role.CALLTEST_STAFF), true,
                    null, null));
            directory.createPerson(new PersonInput(f.leader, "总经理", null, null, Set.of(Role.LEADERSHIP), true, null,
                    null));
            directory.createPerson(new PersonInput(f.stranger, "外部门坐席", null, null, Set.of(Role.AGENT), true, null,
                    null));
        });
        return f;
    }

    /** What the raiser raises from an upheld review verdict, owned by {@code owner}, due by default. */
    public RaiseImprovement fromReview(String title) {
        return new RaiseImprovement(ImprovementSource.REVIEW_VERDICT, new SourceRef("Review", UUID.randomUUID(),
                "BM-" + p), title, "坐席解释不清，判定成立", service.id(), owner, null, null);
    }

    /** The raiser raises an action from an upheld review verdict. */
    public ImprovementAction raised(String title) {
        return as(raiser, () -> improvements.raise(fromReview(title)), Role.REVIEWER);
    }

    /** Ombud (the test-call module's job) raises an action from a weak spot that requires a re-test of the team. */
    public ImprovementAction fromWeakSpot(String title) {
        return CurrentActor.runAsSystem(() -> improvements.raise(new RaiseImprovement(ImprovementSource.WEAK_SPOT,
                new SourceRef("WeakSpot", null, "WS-" + p), title, "首问解决率低于阈值", service.id(), owner, null,
                new RetestRequest("SC-" + p, team.id()))));
    }

    /** The owner reports progress and submits the action. */
    public ImprovementAction submitted(ImprovementAction action) {
        return asOwner(() -> {
            var started = improvements.reportProgress(action.id(), "已组织班组培训", null);
            return improvements.submitForVerification(started.id(), "培训完成，话术已更新", null);
        });
    }

    /** A working day {@code days} or more ahead on the policy's calendar. */
    public LocalDate workingDayAhead(int days) {
        var calendar = asAdmin(() -> policy.calendar());
        LocalDate day = LocalDate.ofInstant(clock.instant(), calendar.zone()).plusDays(days);
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** A day off on the policy's calendar, {@code days} or more ahead. */
    public LocalDate dayOffAhead(int days) {
        var calendar = asAdmin(() -> policy.calendar());
        LocalDate day = LocalDate.ofInstant(clock.instant(), calendar.zone()).plusDays(days);
        while (calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    public <T> T asOwner(java.util.function.Supplier<T> work) {
        return as(owner, work, Role.AGENT);
    }

    public <T> T asRaiser(java.util.function.Supplier<T> work) {
        return as(raiser, work, Role.REVIEWER);
    }

    public <T> T asGroup(java.util.function.Supplier<T> work) {
        return as(group, work, Role.CALLTEST_STAFF);
    }
}
