package app.ombud.escalation.ui;

import static app.ombud.support.TestData.as;
import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.complaint.ComplaintCase;
import app.ombud.complaint.ComplaintService;
import app.ombud.complaint.Feedback;
import app.ombud.complaint.internal.CaseJobs;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.support.RawText;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.dom.Element;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import app.ombud.complaint.ui.CaseView;
import app.ombud.escalation.internal.EscalationJobs;
import app.ombud.directory.DepartmentInput;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.escalation.Escalation;
import app.ombud.escalation.EscalationFixture;
import app.ombud.escalation.EscalationService;
import app.ombud.escalation.EscalationStatus;
import app.ombud.escalation.TaskForce;
import app.ombud.directory.Person;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.textfield.TextField;
import app.ombud.platform.PortalUser;
import app.ombud.platform.Role;
import app.ombud.support.OmbudIntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

@OmbudIntegrationTest
class EscalationViewsTest extends SpringBrowserlessTest {

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

    EscalationFixture f;
    String p;
    String head;
    String chief;
    String agent;

    @BeforeEach
    void setUp() {
        f = EscalationFixture.create("V", directory, cases, escalations);
        p = f.p;
        head = f.head;
        chief = f.chief;
        agent = f.agent;
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static void signIn(String employeeId, Role... roles) {
        var authorities = Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        var user = new PortalUser(employeeId, "", true, true, authorities, employeeId, employeeId, false);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
    }

    ComplaintCase dispatchedCase() {
        return f.dispatchedCase(null);
    }

    Escalation raise(ComplaintCase subject) {
        return f.raise(subject);
    }

    @Test
    void theSuperiorDepartmentSeesAnOverdueReviewInItsQueue() {
        var overdue = raise(dispatchedCase());
        var onTime = raise(dispatchedCase());
        // reviewed in time, so it is never flagged
        as(chief, () -> escalations.review(onTime.id(), true, "同意", null), Role.SUPERIOR);
        jobs.flagOverdueReviews(overdue.reviewDue().plus(Duration.ofMinutes(1)));
        signIn(chief, Role.SUPERIOR);
        navigate(EscalationQueueView.class);

        var all = gridOfEscalations().getLazyDataView().getItems().map(Escalation::number).toList();
        assertThat(all).contains(overdue.number(), onTime.number());

        test($(Checkbox.class).id("filter-overdue")).click();
        var shown = gridOfEscalations().getLazyDataView().getItems().toList();
        assertThat(shown).extracting(Escalation::number).contains(overdue.number()).doesNotContain(onTime.number());
        assertThat(shown).allSatisfy(e -> assertThat(EscalationQueueView.overdue(e)).isTrue());
        var grid = test(gridOfEscalations());
        int row = shown.stream().map(Escalation::number).toList().indexOf(overdue.number());
        assertThat(grid.getCellText(row, grid.getColumnPosition("case"))).isEqualTo(overdue.caseNumber());
        Span badge = (Span) grid.getCellComponent(row, "overdue");
        assertThat(badge.isVisible()).isTrue();
        assertThat(badge.getText()).isEqualTo(UI.getCurrent().getTranslation("escalation.overdue"));
    }

    @Test
    void anotherDepartmentsHeadDoesNotSeeTheQueueEntry() {
        var raised = raise(dispatchedCase());
        String stranger = p + "X1";
        var elsewhere = asAdmin(() -> directory.createDepartment(new DepartmentInput(p + "X", "财务部" + p, null,
                stranger)));
        asAdmin(() -> directory.createPerson(new PersonInput(stranger, "财务经理", elsewhere.id(), null,
                Set.of(Role.DEPT_HEAD), true, null, null)));
        signIn(stranger, Role.DEPT_HEAD);
        navigate(EscalationQueueView.class);

        assertThat(gridOfEscalations().getLazyDataView().getItems().map(Escalation::id).toList())
                .doesNotContain(raised.id());
    }

    @Test
    void theSuperiorApprovesOnTheEscalationPage() {
        var raised = raise(dispatchedCase());
        signIn(chief, Role.SUPERIOR);
        navigate(EscalationView.class, Map.of("id", raised.id().toString()));

        test($(Button.class).id("action-review")).click();
        // without a reason the service refuses, and the page says so on the field (RecordPage.act)
        test($(Button.class).id("review-save")).click();
        TextArea reason = $(TextArea.class).id("review-reason");
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo(reason.getTranslation("common.required"));
        assertThat(as(chief, () -> escalations.get(raised.id()), Role.SUPERIOR).status())
                .isEqualTo(EscalationStatus.SUBMITTED);
        test(reason).setValue("同意，由中心牵头");
        test($(Button.class).id("review-save")).click();

        var stored = as(chief, () -> escalations.get(raised.id()), Role.SUPERIOR);
        assertThat(stored.status()).isEqualTo(EscalationStatus.APPROVED);
        assertThat(stored.decision().reason()).isEqualTo("同意，由中心牵头");
        assertThat($(Span.class).id("escalation-status").getText())
                .isEqualTo(UI.getCurrent().getTranslation("escalation.status.APPROVED"));
        assertThat($(Button.class).withId("action-review").exists()).isFalse();

        // the task force: the lead from the superior department, a member with a role
        test($(Button.class).id("action-task-force")).click();
        var lead = as(chief, () -> directory.personByEmployeeId(chief).orElseThrow(), Role.SUPERIOR);
        var member = as(chief, () -> directory.personByEmployeeId(head).orElseThrow(), Role.SUPERIOR);
        @SuppressWarnings("unchecked")
        ComboBox<Person> leadPicker = $(ComboBox.class).id("taskforce-lead");
        leadPicker.setValue(lead);
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Person> members = $(MultiSelectComboBox.class).id("taskforce-members");
        members.setValue(Set.of(member));
        test($(TextField.class).id("taskforce-role-" + head)).setValue("部门协调");
        test($(Button.class).id("taskforce-save")).click();

        var force = as(chief, () -> escalations.get(raised.id()), Role.SUPERIOR).taskForce();
        assertThat(force.leadEmployeeId()).isEqualTo(chief);
        assertThat(force.members()).containsExactly(new TaskForce.Member(head, "部门协调"));
        assertThat($(Button.class).id("action-step").isVisible()).isTrue();
    }

    /** The buttons are the caller's allowedSteps, not what the status would allow anybody. */
    @Test
    void thePageShowsOnlyTheStepsTheReaderMayTake() {
        var raised = raise(dispatchedCase());
        signIn(agent, Role.AGENT);
        navigate(EscalationView.class, Map.of("id", raised.id().toString()));
        // the agent who raised it reads it, but only the superior department decides
        assertThat($(Button.class).withId("action-review").exists()).isFalse();
        // the timeline names the trigger in the reader's language, not by its code
        @SuppressWarnings("unchecked")
        Grid<app.ombud.escalation.EscalationEntry> timeline = $(Grid.class).id("escalation-timeline");
        assertThat(test(timeline).getCellText(0, 3))
                .isEqualTo(UI.getCurrent().getTranslation("escalation.trigger.CROSS_DEPARTMENT"));

        var id = f.approvedWithTaskForce(raised, java.util.List.of()).id();
        as(chief, () -> escalations.submitReport(id, "协调物流重新配送", "客户接受", 5, null), Role.SUPERIOR);
        signIn(chief, Role.SUPERIOR);
        navigate(EscalationView.class, Map.of("id", id.toString()));
        // who submitted the report does not review it (four eyes) ...
        assertThat($(Button.class).withId("action-report-review").exists()).isFalse();
        // ... leadership does
        String leader = p + "L1";
        signIn(leader, Role.LEADERSHIP);
        navigate(EscalationView.class, Map.of("id", id.toString()));
        test($(Button.class).id("action-report-review")).click();
        test($(Button.class).id("report-review-save")).click();
        assertThat(as(leader, () -> escalations.get(id), Role.LEADERSHIP).status())
                .isEqualTo(EscalationStatus.REPORT_APPROVED);
    }

    @Test
    void escalatingFromTheCasePageLinksTheCaseToItsEscalation() {
        var subject = dispatchedCase();
        signIn(agent, Role.AGENT);
        navigate(CaseView.class, Map.of("id", subject.id().toString()));

        test($(Button.class).id("action-escalate")).click();
        test($(TextArea.class).id("escalate-situation")).setValue("客户设备三次维修仍故障");
        test($(TextArea.class).id("escalate-progress")).setValue("已上门三次");
        test($(TextArea.class).id("escalate-why")).setValue("需厂家技术支持");
        test($(TextArea.class).id("escalate-proposal")).setValue("成立专项小组");
        test($(Button.class).id("escalate-save")).click();

        var linked = as(agent, () -> cases.get(subject.id()), Role.AGENT).escalation();
        assertThat(linked).isNotNull();
        assertThat($(com.vaadin.flow.component.html.Anchor.class).id("case-escalation").getText())
                .isEqualTo(linked.number());
        assertThat($(Button.class).withId("action-escalate").exists()).isFalse();
    }

    /**
     * A zh-CN reader of an escalation Ombud raised itself, taken through every step, reads every
     * text of the page — the form, the decision, the task force, the plan, the meeting, the report,
     * the result, the evaluation and each timeline cell — in Chinese: no raw code, no English, no
     * UTC time; the times are the company's.
     */
    @Test
    void aChineseReaderSeesTheWholeAutomaticEscalationInChinese() {
        var late = f.dispatchedCase(Instant.now().minus(Duration.ofDays(30)));
        caseJobs.flagBreaches(Instant.now());
        jobs.raiseAutomatically();
        var raised = asAdmin(() -> escalations.get(cases.get(late.id()).escalation().id()));
        assertThat(raised.automatic()).isTrue();
        // the form Ombud filled in is worded by the policy, with the company's time of the deadline
        assertThat(raised.form().whyUnsolved()).contains(CompanyTime.minute(asAdmin(() -> cases.get(late.id()))
                .deadlines().resolutionDue()));
        var closed = f.closed(raised);
        var id = closed.id();
        assertThat(closed.status()).isEqualTo(EscalationStatus.CLOSED);

        signIn(chief, Role.SUPERIOR);
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        navigate(EscalationView.class, Map.of("id", id.toString()));

        @SuppressWarnings("unchecked")
        Grid<app.ombud.escalation.EscalationEntry> timeline = $(Grid.class).id("escalation-timeline");
        assertThat(test(timeline).size()).isEqualTo(closed.timeline().size()).isGreaterThanOrEqualTo(10);
        var texts = renderedTexts();
        // employee IDs and department names carry the fixture's random prefix; they may show as they are
        String page = String.join("\n", texts).replace(p, "");
        assertThat(RawText.in(page)).as(page).isEmpty();
        assertThat(texts).contains(CompanyTime.time(closed.timeline().getFirst().at()),
                UI.getCurrent().getTranslation("escalation.timeline.system"),
                UI.getCurrent().getTranslation("escalation.trigger.DEADLINE_BREACHED"),
                UI.getCurrent().getTranslation("escalation.timeline.taskForce", "中心主任 " + chief, "1"));
    }

    /** Every text the page shows: text nodes of the component tree and each cell of its grids. */
    private List<String> renderedTexts() {
        List<String> out = new ArrayList<>();
        collect(UI.getCurrent(), out);
        return out;
    }

    private void collect(Component component, List<String> out) {
        if (component instanceof Grid<?> grid) {
            var cells = test(grid);
            for (int row = 0; row < cells.size(); row++) {
                for (int column = 0; column < grid.getColumns().size(); column++) {
                    if (grid.getColumns().get(column).getRenderer() instanceof ComponentRenderer) {
                        collect(cells.getCellComponent(row, column), out);
                    } else {
                        out.add(cells.getCellText(row, column));
                    }
                }
            }
            grid.getColumns().forEach(c -> out.add(c.getHeaderText()));
            return;
        }
        component.getElement().getChildren().filter(Element::isTextNode).forEach(e -> out.add(e.getText()));
        component.getChildren().forEach(child -> collect(child, out));
    }

    @SuppressWarnings("unchecked")
    private Grid<Escalation> gridOfEscalations() {
        return $(Grid.class).id("escalations");
    }
}
