package app.ombud.review;

import static app.ombud.support.TestData.as;
import static app.ombud.support.TestData.asAdmin;

import app.ombud.directory.DepartmentInput;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.directory.TeamInput;
import app.ombud.panel.PanelSide;
import app.ombud.platform.PortalUser;
import app.ombud.platform.Role;
import app.ombud.policy.JudgmentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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
    /** The whitelist owner of {@link #panelFormed}. */
    public final String owner;
    /** The site manager {@link #panelFormed} leaves to decide a tie. */
    public final String siteManager;
    /** The six members {@link #panelFormed} names: the employee side first, then the review side. */
    public final List<String> panelists;
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
        // a prefix ending in a digit: the IDs built from it never read as an English word ("WCQDQZAR")
        p = "W1" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        agent = p + "A";
        lead = p + "L";
        reviewer = p + "R";
        owner = p + "O";
        siteManager = p + "SM";
        panelists = List.of(p + "M1", p + "M2", p + "M3", p + "M4", p + "M5", p + "M6");
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

    /**
     * A review with the whole way to its panel behind it: the work order of a "99…" accused (no
     * routing rule takes it) forwarded, returned to the lead for its gaps, forwarded again, routed by
     * hand to the front desk, verified, judged upheld on {@code criterion} (an attitude criterion),
     * appealed, kept by the whitelist owner, and both sides named — the system forms the panel
     * (PANEL_VOTING). Creates the owner, the site manager and the panelists.
     */
    public Review panelFormed(Appeals appeals, String criterion) {
        String accused = accused("99");
        person(owner, "白名单负责人", null, Role.WHITELIST_OWNER);
        person(siteManager, "现场负责人", null, Role.SITE_MANAGER);
        for (int i = 0; i < panelists.size(); i++) {
            person(panelists.get(i), "评议员" + (i + 1), null, Role.AGENT);
        }
        Review first = forwarded(accused);
        Review returned = as(reviewer, () -> {
            Review taken = desk.take(first.id(), first.version());
            return desk.returnToLead(taken.id(), ReturnReason.NO_EXPLANATION,
                    Set.of(ExplanationGap.NO_CALMING, ExplanationGap.NO_GUIDANCE), "请补充员工解释", taken.version());
        }, Role.REVIEWER);
        Review again = as(lead, () -> workOrders.forward(returned.id(), "已补充解释", returned.version()),
                Role.AGENT, Role.TEAM_LEAD);
        Review judged = as(reviewer, () -> {
            Review routed = desk.routeManually(again.id(), "FRONT_DESK", again.version());
            Review verified = desk.recordVerification(routed.id(), "录音显示坐席语气生硬", "录音-" + p,
                    routed.version());
            return desk.judge(verified.id(), new Judgment(JudgmentType.ATTITUDE, List.of(criterion), true,
                    "录音中坐席与客户争吵", null, null), verified.version());
        }, Role.REVIEWER);
        Review appealed = as(accused, () -> appeals.appeal(judged.id(), List.of(new AppealPoint("02:15",
                "客户先辱骂坐席")), judged.version()), Role.AGENT);
        Review kept = as(owner, () -> appeals.rejudge(appealed.id(), true, "录音 03:40 坐席确有争吵",
                appealed.version()), Role.WHITELIST_OWNER);
        Review named = as(accused, () -> appeals.namePanelSide(kept.id(), PanelSide.EMPLOYEE,
                panelists.subList(0, 3), kept.version()), Role.AGENT);
        as(owner, () -> appeals.namePanelSide(named.id(), PanelSide.REVIEW, panelists.subList(3, 6),
                named.version()), Role.WHITELIST_OWNER);
        return get(judged.id());
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
