package app.ombud.complaint.internal;

import static app.ombud.support.TestData.asAdmin;

import app.ombud.directory.Department;
import app.ombud.directory.DepartmentInput;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.directory.Team;
import app.ombud.directory.TeamInput;
import app.ombud.platform.Bootstrap;
import app.ombud.platform.Role;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * For the scale benchmark only: with {@code ombud.bench.bulk-cases=N} a forked Ombud (whose
 * classpath holds the test classes, so component scanning finds this) creates a call center of
 * 8 departments, 24 teams and 144 agents through the directory's API and then writes N cases with
 * {@link BulkCases}, during its bootstrap, before the web server answers. The log line
 * {@value #DONE} names the count and the rate. Without the property this bean does not exist, so
 * it never runs in the test suite's own contexts.
 */
@Component
@ConditionalOnProperty("ombud.bench.bulk-cases")
class BulkCaseFill {

    static final String DONE = "Bulk cases written:";
    private static final Logger log = LoggerFactory.getLogger(BulkCaseFill.class);
    private static final int DEPARTMENTS = 8;
    private static final int TEAMS_PER_DEPARTMENT = 3;
    private static final int AGENTS_PER_TEAM = 6;

    private final int count;
    private final DirectoryService directory;
    private final MongoTemplate mongo;
    private final Clock clock;

    BulkCaseFill(@Value("${ombud.bench.bulk-cases}") int count, DirectoryService directory, MongoTemplate mongo,
            Clock clock) {
        this.count = count;
        this.directory = directory;
        this.mongo = mongo;
        this.clock = clock;
    }

    @EventListener(Bootstrap.class)
    @Order(Bootstrap.Step.DEMO + 10)
    void fill() {
        long start = System.nanoTime();
        List<BulkCases.Unit> units = asAdmin(this::callCenter);
        log.info("Bulk call center: {} teams in {} ms", units.size(), (System.nanoTime() - start) / 1_000_000);
        // a hotline's 100,000 a month: a month at least, a year at most
        int days = Math.clamp(count / 3_300, 30, 365);
        var written = new BulkCases(mongo, ZoneId.of("Asia/Shanghai"), clock.instant(), count).write(units, count,
                days);
        log.info("{} {} cases over {} days in {} ms ({} cases/s)", DONE, written.cases(), days,
                written.nanos() / 1_000_000, Math.round(written.perSecond()));
    }

    private List<BulkCases.Unit> callCenter() {
        Department center = directory.createDepartment(new DepartmentInput("BULK", "客户服务中心（压测）", null, null));
        List<BulkCases.Unit> units = new ArrayList<>();
        for (int d = 1; d <= DEPARTMENTS; d++) {
            String head = "BH%02d".formatted(d);
            Department department = directory.createDepartment(new DepartmentInput("BULK" + d, "压测" + d + "部",
                    center.id(), null));
            person(head, department, null, Role.DEPT_HEAD);
            directory.updateDepartment(department.id(), new DepartmentInput("BULK" + d, "压测" + d + "部", center.id(),
                    head), null);
            for (int t = 1; t <= TEAMS_PER_DEPARTMENT; t++) {
                Team team = directory.createTeam(new TeamInput(t + "班", department.id(), null));
                List<String> agents = new ArrayList<>();
                for (int a = 1; a <= AGENTS_PER_TEAM; a++) {
                    String id = "B%d%d%02d".formatted(d, t, a);
                    person(id, department, team, Role.AGENT);
                    agents.add(id);
                }
                units.add(new BulkCases.Unit(department.id(), team.id(), head, agents));
            }
        }
        return units;
    }

    private void person(String employeeId, Department department, Team team, Role role) {
        directory.createPerson(new PersonInput(employeeId, "员工" + employeeId, department.id(),
                team == null ? null : team.id(), Set.of(role), true, null, null));
    }
}
