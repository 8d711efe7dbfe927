package app.ombud.platform.ui;

import static app.ombud.support.TestData.as;
import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.complaint.CaseIntake;
import app.ombud.complaint.ComplaintCase;
import app.ombud.complaint.ComplaintService;
import app.ombud.complaint.Customer;
import app.ombud.complaint.IntakeChannel;
import app.ombud.directory.DepartmentInput;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.directory.TeamInput;
import app.ombud.escalation.Escalation;
import app.ombud.escalation.EscalationForm;
import app.ombud.escalation.EscalationService;
import app.ombud.escalation.EscalationTrigger;
import app.ombud.escalation.TaskForce;
import app.ombud.panel.Choice;
import app.ombud.panel.Panel;
import app.ombud.panel.PanelRequest;
import app.ombud.panel.PanelService;
import app.ombud.platform.PortalUser;
import app.ombud.platform.Role;
import app.ombud.policy.CaseCategory;
import app.ombud.policy.PolicyService;
import app.ombud.review.DemandKind;
import app.ombud.review.Review;
import app.ombud.review.WorkOrders;
import app.ombud.review.WorkOrder;
import app.ombud.support.OmbudIntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The home page is each person's work queue: what waits for them in every workflow module, by
 * their role and relation to the record, overdue and due-today items marked, each linking to its page.
 */
@OmbudIntegrationTest
class HomeViewTest extends SpringBrowserlessTest {

    @Autowired
    DirectoryService directory;

    @Autowired
    ComplaintService cases;

    @Autowired
    EscalationService escalations;

    @Autowired
    WorkOrders reviews;

    @Autowired
    PanelService panels;

    @Autowired
    PolicyService policy;

    String p;
    String agent;
    String lead;
    String superior;
    UUID department;

    @BeforeEach
    void setUp() {
        p = "H" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        agent = p + "A";
        lead = p + "L";
        superior = p + "S";
        asAdmin(() -> {
            var center = directory.createDepartment(new DepartmentInput(p + "C", "服务中心" + p, null, superior));
            department = directory.createDepartment(new DepartmentInput(p + "D", "热线部" + p, center.id(), null)).id();
            var team = directory.createTeam(new TeamInput("一班" + p, department, lead)).id();
            person(superior, "王上级", center.id(), null, Role.SUPERIOR, Role.DEPT_HEAD);
            person(lead, "李领班", department, team, Role.AGENT, Role.TEAM_LEAD);
            person(agent, "张坐席", department, team, Role.AGENT);
        });
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void person(String employeeId, String name, UUID departmentId, UUID teamId, Role... roles) {
        directory.createPerson(new PersonInput(employeeId, name, departmentId, teamId, Set.of(roles), true, null,
                null));
    }

    /** A case the agent took in ten days ago and handles: long past its resolution deadline. */
    private ComplaintCase overdueCaseOfAgent() {
        var taken = as(agent, () -> cases.intake(new CaseIntake(IntakeChannel.HOTLINE, new Customer("陈女士",
                "139" + Math.floorMod(p.hashCode(), 100_000_000), null), "宽带掉线" + p, "一周掉线多次",
                CaseCategory.PRODUCT_QUALITY, Set.of(), null, false, Instant.now().minus(Duration.ofDays(10)))),
                Role.AGENT);
        return asAdmin(() -> cases.dispatch(taken.id(), department, null, agent, "请处理", null));
    }

    @Test
    void anAgentSeesTheOverdueCaseTheyHandleMarkedAndLinkedAndNoListsOfOtherRoles() {
        var overdue = overdueCaseOfAgent();
        signIn(agent, Role.AGENT);
        navigate(HomeView.class);

        Anchor item = $(Anchor.class).id("work-cases-mine-" + overdue.number());
        assertThat(item.getHref()).isEqualTo("cases/" + overdue.id());
        assertThat(item.getText()).contains("宽带掉线" + p);
        assertThat(mark(item)).isEqualTo(t("home.queue.OVERDUE"));
        assertThat($(Anchor.class).id("work-cases-mine-all").getHref()).isEqualTo("cases");
        for (String other : List.of("cases-dispatch", "cases-team", "reviews-check", "reviews-team",
                "escalations-review", "panels-decide")) {
            assertThat($(Div.class).withId("work-" + other).exists()).as(other).isFalse();
        }
    }

    @Test
    void aTeamLeadSeesTheTeamsWorkOrderToCheckAndTheTeamsCases() {
        var overdue = overdueCaseOfAgent();
        Review submitted = as(agent, () -> reviews.submit(new WorkOrder(agent, "13800138000",
                Instant.now().minus(Duration.ofHours(1)), "13900139000", "客户称坐席态度恶劣", "要求道歉",
                DemandKind.EXPLICIT, "17" + p, "10010", "话费查询" + p)), Role.AGENT);
        signIn(lead, Role.AGENT, Role.TEAM_LEAD);
        navigate(HomeView.class);

        Anchor order = $(Anchor.class).id("work-reviews-check-" + submitted.number());
        assertThat(order.getHref()).isEqualTo("reviews/" + submitted.id());
        assertThat(order.getText()).contains("话费查询" + p);
        assertThat($(Anchor.class).id("work-reviews-check-all").getHref()).isEqualTo("reviews/check");
        assertThat(mark($(Anchor.class).id("work-cases-team-" + overdue.number())))
                .isEqualTo(t("home.queue.OVERDUE"));

        // the agent who submitted it has no check to do
        signIn(agent, Role.AGENT);
        navigate(HomeView.class);
        assertThat($(Anchor.class).withId("work-reviews-check-" + submitted.number()).exists()).isFalse();
    }

    @Test
    void aPanelMemberSeesTheBallotToCastUntilTheyCastIt() {
        List<String> employeeSide = List.of(p + "E1", p + "E2", p + "E3");
        List<String> reviewSide = List.of(p + "R1", p + "R2", p + "R3");
        asAdmin(() -> {
            employeeSide.forEach(m -> person(m, "员工方" + m, department, null, Role.AGENT));
            reviewSide.forEach(m -> person(m, "质检方" + m, null, null, Role.REVIEWER));
            person(p + "SM", "现场经理", null, null, Role.SITE_MANAGER); // decides a tie
        });
        Panel panel = asAdmin(() -> panels.form(UUID.randomUUID(), new PanelRequest("Review", UUID.randomUUID(),
                "BM-HOME-" + p, "维持还是推翻？", employeeSide, reviewSide, Set.of(agent), Set.of(agent))));
        String member = employeeSide.getFirst();
        signIn(member, Role.AGENT);
        navigate(HomeView.class);

        Anchor ballot = $(Anchor.class).id("work-panels-ballots-" + panel.number());
        assertThat(ballot.getHref()).isEqualTo("panels/" + panel.id());
        assertThat(ballot.getText()).contains("BM-HOME-" + p);
        assertThat($(Anchor.class).id("work-panels-ballots-all").getHref()).isEqualTo("panels");

        as(member, () -> panels.cast(panel.id(), Choice.UPHOLD), Role.AGENT);
        navigate(HomeView.class);
        assertThat($(Anchor.class).withId("work-panels-ballots-" + panel.number()).exists()).isFalse();
    }

    @Test
    void theSuperiorDepartmentSeesTheEscalationToReviewThenItsTaskForcesStepDueToday() {
        var overdue = overdueCaseOfAgent();
        Escalation raised = as(agent, () -> escalations.raise(overdue.id(), EscalationTrigger.DEADLINE_BREACHED,
                new EscalationForm("客户多次投诉", "已上门两次", "故障未排除", "请上级协调")), Role.AGENT);
        signIn(superior, Role.SUPERIOR, Role.DEPT_HEAD);
        navigate(HomeView.class);
        Anchor toReview = $(Anchor.class).id("work-escalations-review-" + raised.number());
        assertThat(toReview.getHref()).isEqualTo("escalations/" + raised.id());

        var zone = policy.calendar().zone();
        Instant now = Instant.now();
        Instant endOfToday = LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
        Instant dueToday = now.plus(Duration.between(now, endOfToday).dividedBy(2));
        as(superior, () -> {
            escalations.review(raised.id(), true, "同意升级", null);
            escalations.formTaskForce(raised.id(), new TaskForce(superior, List.of()), null);
            return escalations.addStep(raised.id(), "再次上门检测", superior, dueToday, null);
        }, Role.SUPERIOR, Role.DEPT_HEAD);
        navigate(HomeView.class);

        assertThat($(Anchor.class).withId("work-escalations-review-" + raised.number()).exists()).isFalse();
        assertThat(mark($(Anchor.class).id("work-escalations-task-force-" + raised.number())))
                .isEqualTo(t("home.queue.DUE_TODAY"));
    }

    /** The overdue / due-today badge beside an item, or "" when it has none. */
    private static String mark(Anchor item) {
        Component row = item.getParent().orElseThrow();
        return row.getChildren().filter(c -> c instanceof Span && c.hasClassName("ombud-work-mark"))
                .map(c -> ((Span) c).getText()).findFirst().orElse("");
    }

    static void signIn(String employeeId, Role... roles) {
        var authorities = Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        var user = new PortalUser(employeeId, employeeId, true, true, authorities, employeeId, employeeId, false);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
    }

    private static String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }
}
