package app.ombud.review;

import static app.ombud.support.TestData.as;
import static app.ombud.support.TestData.asAdmin;

import app.ombud.directory.DepartmentInput;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.directory.TeamInput;
import app.ombud.platform.PortalUser;
import app.ombud.platform.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * People for the review page tests, unique per test: an agent and the team lead of the agent's
 * team, a reviewer, and accused employees whose IDs start with the digits that route them; and
 * reviews brought to a stage through the services as those people.
 */
public final class ReviewFixture {

    public final String p;
    public final String agent;
    public final String lead;
    public final String reviewer;
    private final UUID department;
    private final UUID team;
    private final DirectoryService directory;
    private final WorkOrders workOrders;
    private final ReviewDesk desk;
    private final ReviewQueries reviews;

    public ReviewFixture(DirectoryService directory, WorkOrders workOrders, ReviewDesk desk, ReviewQueries reviews) {
        this.directory = directory;
        this.workOrders = workOrders;
        this.desk = desk;
        this.reviews = reviews;
        p = "W" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        agent = p + "A";
        lead = p + "L";
        reviewer = p + "R";
        department = asAdmin(() -> directory.createDepartment(new DepartmentInput(p + "D", "前台客服" + p, null, null)))
                .id();
        team = asAdmin(() -> directory.createTeam(new TeamInput("一班" + p, department, lead))).id();
        person(lead, "李领班", team, Role.AGENT, Role.TEAM_LEAD);
        person(agent, "王坐席", team, Role.AGENT);
        person(reviewer, "赵审核", null, Role.REVIEWER);
    }

    /** An accused employee: the prefix routes the review (17 front desk, 99 no rule). */
    public String accused(String prefix, Role... roles) {
        String id = prefix + p;
        person(id, "被投诉" + prefix, team, roles.length == 0 ? new Role[] {Role.AGENT} : roles);
        return id;
    }

    public void person(String employeeId, String name, UUID teamId, Role... roles) {
        asAdmin(() -> directory.createPerson(new PersonInput(employeeId, name, department, teamId, Set.of(roles), true,
                null, null)));
    }

    public Review submitted(String accused) {
        return as(agent, () -> workOrders.submit(new WorkOrder(agent, "13800138000",
                Instant.now().minus(Duration.ofHours(1)), "13900139000", "客户称坐席态度恶劣、中途挂断",
                "要求坐席道歉", DemandKind.EXPLICIT, accused, "10010", "话费查询")), Role.AGENT);
    }

    public Review forwarded(String accused) {
        Review submitted = submitted(accused);
        return as(lead, () -> workOrders.forward(submitted.id(), "要素齐全", submitted.version()), Role.TEAM_LEAD);
    }

    /** Forwarded, taken by the reviewer and verified from the recording (front desk). */
    public Review verified(String accused) {
        Review forwarded = forwarded(accused);
        return as(reviewer, () -> {
            Review taken = desk.take(forwarded.id(), forwarded.version());
            return desk.recordVerification(taken.id(), "录音显示坐席语气生硬并提前挂机", "REC-" + p, taken.version());
        }, Role.REVIEWER);
    }

    public Review get(UUID id) {
        return asAdmin(() -> reviews.get(id));
    }

    public static void signIn(String employeeId, Role... roles) {
        var authorities = Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        var user = new PortalUser(employeeId, "", true, true, authorities, employeeId, employeeId, false);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
    }
}
