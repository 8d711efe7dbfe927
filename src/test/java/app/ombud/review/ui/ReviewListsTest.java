package app.ombud.review.ui;

import static app.ombud.support.TestData.as;
import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.Department;
import app.ombud.directory.DepartmentInput;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.directory.Team;
import app.ombud.directory.TeamInput;
import app.ombud.platform.PortalUser;
import app.ombud.platform.Role;
import app.ombud.platform.ui.GridPaging;
import app.ombud.policy.JudgmentType;
import app.ombud.policy.PolicyService;
import app.ombud.policy.RoutingRule;
import app.ombud.review.CaseLibrary;
import app.ombud.review.DemandKind;
import app.ombud.review.Judgment;
import app.ombud.review.LibraryCase;
import app.ombud.review.Replies;
import app.ombud.review.ReplyOutcome;
import app.ombud.review.Review;
import app.ombud.review.ReviewDesk;
import app.ombud.review.ReviewFilter;
import app.ombud.review.ReviewQueries;
import app.ombud.review.ReviewQueue;
import app.ombud.review.ReviewStatus;
import app.ombud.review.WorkOrder;
import app.ombud.review.WorkOrders;
import app.ombud.review.internal.ReviewJobs;
import app.ombud.support.OmbudIntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

@OmbudIntegrationTest
class ReviewListsTest extends SpringBrowserlessTest {

    @Autowired
    ReviewQueries reviews;


    @Autowired

    WorkOrders workOrders;


    @Autowired

    ReviewDesk desk;


    @Autowired

    Replies replies;


    @Autowired

    CaseLibrary library;


    @Autowired

    ReviewJobs jobs;

    @Autowired
    DirectoryService directory;

    @Autowired
    PolicyService policies;

    String p;
    String agent;
    String lead;
    String otherLead;
    String reviewer;
    /** Starts with 17: the front desk under the default routing. */
    String accused;
    String phone;

    @BeforeEach
    void setUp() {
        p = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        agent = "RA" + p;
        lead = "RL" + p;
        otherLead = "RO" + p;
        reviewer = "RR" + p;
        accused = "17" + p;
        phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000L);
        asAdmin(() -> {
            Department hotline = directory.createDepartment(new DepartmentInput("RH" + p, "热线" + p, null, null));
            Team team = directory.createTeam(new TeamInput("一班" + p, hotline.id(), lead));
            Team other = directory.createTeam(new TeamInput("二班" + p, hotline.id(), otherLead));
            directory.createPerson(new PersonInput(agent, "王坐席", hotline.id(), team.id(), Set.of(Role.AGENT), true,
                    null, null));
            directory.createPerson(new PersonInput(lead, "张领班", hotline.id(), team.id(), Set.of(Role.TEAM_LEAD),
                    true, null, null));
            directory.createPerson(new PersonInput(otherLead, "赵领班", hotline.id(), other.id(),
                    Set.of(Role.TEAM_LEAD), true, null, null));
            directory.createPerson(new PersonInput(reviewer, "钱审核", hotline.id(), null, Set.of(Role.REVIEWER), true,
                    null, null));
            directory.createPerson(new PersonInput(accused, "李前台", hotline.id(), other.id(), Set.of(Role.AGENT),
                    true, null, null));
        });
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

    static String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }

    static String location() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    WorkOrder order(String accusedId) {
        return new WorkOrder(null, phone, Instant.now().minus(Duration.ofHours(1)), phone,
                "客户称坐席" + p + "态度生硬", "要求道歉", DemandKind.EXPLICIT, accusedId, "10010", "宽带" + p);
    }

    Review submitted(String accusedId) {
        return as(agent, () -> workOrders.submit(order(accusedId)), Role.AGENT);
    }

    Review forwarded(String accusedId) {
        var review = submitted(accusedId);
        return as(lead, () -> workOrders.forward(review.id(), "齐全", review.version()), Role.TEAM_LEAD);
    }

    /** Fills the form as an agent would, leaving the source at its default. */
    void fillForm() {
        test($(TextField.class).id("wo-caller")).setValue(phone);
        test($(DateTimePicker.class).id("wo-call-at")).setValue(LocalDateTime.now().minusHours(2)
                .truncatedTo(ChronoUnit.MINUTES));
        test($(TextField.class).id("wo-contact")).setValue(phone);
        test($(TextArea.class).id("wo-complaint")).setValue("客户称被挂断电话" + p);
        test($(TextArea.class).id("wo-demand")).setValue("要求回电解释");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<DemandKind> kind = $(RadioButtonGroup.class).id("wo-demand-kind");
        test(kind).selectItem(t("review.demandKind.INFERRED"));
        test($(TextField.class).id("wo-accused")).setValue(accused);
        test($(TextField.class).id("wo-topic")).setValue("套餐变更");
    }

    List<Review> rows() {
        @SuppressWarnings("unchecked")
        Grid<Review> grid = $(Grid.class).id("reviews");
        return grid.getLazyDataView().getItems().toList();
    }

    /** The text of one cell of the review list, on the row of the review. */
    String cell(Review review, String column) {
        @SuppressWarnings("unchecked")
        Grid<Review> grid = $(Grid.class).id("reviews");
        int row = rows().stream().map(Review::id).toList().indexOf(review.id());
        assertThat(row).as("row of %s", review.number()).isNotNegative();
        var tester = test(grid);
        return tester.getCellText(row, tester.getColumnPosition(column));
    }

    @Test
    void anAgentSubmitsAWorkOrderSeesWhereItRoutesAndLandsOnItsPage() {
        signIn(agent, Role.AGENT);
        navigate(WorkOrderFormView.class);

        var submitter = $(TextField.class).id("wo-submitter");
        assertThat(submitter.getValue()).isEqualTo(agent);
        assertThat(submitter.isReadOnly()).isTrue();
        assertThat($(TextField.class).id("wo-source").getValue()).isEqualTo("10010");
        fillForm();
        var frontDesk = policies.current().content().routing().rules().stream()
                .filter(r -> r.group().equals("FRONT_DESK")).findFirst().orElseThrow();
        assertThat($(Span.class).id("wo-routing-hint").getText()).isEqualTo(
                t("review.form.routesTo", frontDesk.name().in(UI.getCurrent().getLocale()),
                        t("review.mode.VERIFY_RECORDING_AND_CALL_BACK")) + " · " + t("review.form.accusedIs", "李前台"));

        test($(Button.class).id("wo-save")).click();

        var mine = as(agent, () -> reviews.search(ReviewQueue.MINE, new ReviewFilter(null, accused, null),
                ScrollPosition.offset(), 10).getContent(), Role.AGENT);
        assertThat(mine).hasSize(1);
        var saved = mine.getFirst();
        assertThat(saved.status()).isEqualTo(ReviewStatus.SUBMITTED);
        assertThat(saved.workOrder().submitterEmployeeId()).isEqualTo(agent);
        assertThat(saved.workOrder().demandKind()).isEqualTo(DemandKind.INFERRED);
        assertThat(saved.workOrder().source()).isEqualTo("10010");
        assertThat(saved.workOrder().callAt()).isNotNull();
        assertThat(location()).isEqualTo("reviews/" + saved.id());

        navigate(MyWorkOrdersView.class);
        test($(TextField.class).id("filter-text")).setValue(saved.number());
        assertThat(rows()).extracting(Review::id).containsExactly(saved.id());
        assertThat(cell(saved, "status")).isEqualTo(t("review.status.SUBMITTED"));
        assertThat(cell(saved, "accused")).isEqualTo("李前台 (" + accused + ")");
    }

    @Test
    void anOutOfScopeSourceIsRefusedOnTheSourceFieldAndNothingIsSaved() {
        signIn(agent, Role.AGENT);
        navigate(WorkOrderFormView.class);
        fillForm();
        test($(TextField.class).id("wo-source")).setValue("10016");

        test($(Button.class).id("wo-save")).click();

        var source = $(TextField.class).id("wo-source");
        assertThat(source.isInvalid()).isTrue();
        assertThat(source.getErrorMessage()).isEqualTo(t("error.REVIEW_SOURCE_OUT_OF_SCOPE", "10016"));
        assertThat($(TextField.class).id("wo-accused").isInvalid()).isFalse();
        assertThat(location()).isEqualTo("reviews/new");
        assertThat(as(agent, () -> reviews.count(ReviewQueue.MINE, new ReviewFilter(null, accused, null)),
                Role.AGENT)).isZero();
    }

    @Test
    void theTeamLeadOfTheAgentsTeamSeesItInTheCheckListAnotherTeamsLeadDoesNot() {
        var review = submitted(accused);

        signIn(lead, Role.TEAM_LEAD);
        navigate(TeamLeadCheckView.class);
        assertThat(rows()).extracting(Review::id).contains(review.id());
        assertThat(cell(review, "submitter")).isEqualTo("王坐席 (" + agent + ")");
        assertThat(cell(review, "checkDue")).isNotBlank();
        @SuppressWarnings("unchecked")
        Grid<Review> grid = $(Grid.class).id("reviews");
        int row = rows().stream().map(Review::id).toList().indexOf(review.id());
        assertThat(test(grid).getCellComponent(row, "overdue").isVisible()).isFalse();

        // another team's lead, on a page of their own (the router keeps a page opened again)
        signIn(otherLead, Role.TEAM_LEAD);
        navigate(MyWorkOrdersView.class);
        navigate(TeamLeadCheckView.class);
        assertThat(rows()).extracting(Review::id).doesNotContain(review.id());

        signIn(lead, Role.TEAM_LEAD);
        navigate(MyWorkOrdersView.class);

        // flagged by the check job: the badge shows, and "overdue only" keeps it
        jobs.flagOverdueChecks(review.checkDue().plus(Duration.ofMinutes(1)));
        navigate(TeamLeadCheckView.class);
        test($(Checkbox.class).id("filter-overdue")).click();
        assertThat(rows()).extracting(Review::id).contains(review.id());
        grid = $(Grid.class).id("reviews");
        row = rows().stream().map(Review::id).toList().indexOf(review.id());
        var badge = (Span) test(grid).getCellComponent(row, "overdue");
        assertThat(badge.isVisible()).isTrue();
        assertThat(badge.getText()).isEqualTo(t("review.list.overdue"));

    }

    @Test
    void afterForwardingTheReviewTeamSeesTheRoutingTaskAndTheReplyTrackerListsIt() {
        var frontDesk = forwarded(accused);
        var backOffice = forwarded("10" + p);

        signIn(reviewer, Role.REVIEWER);
        navigate(ReviewTeamView.class);
        test($(TextField.class).id("filter-text")).setValue(frontDesk.number());
        assertThat(rows()).extracting(Review::id).containsExactly(frontDesk.id());
        assertThat(cell(frontDesk, "route")).isEqualTo(frontDesk.route().groupName().in(UI.getCurrent().getLocale()));
        assertThat(cell(frontDesk, "task")).isEqualTo(t("review.list.task.verify"));
        assertThat(cell(frontDesk, "assignee")).isEqualTo(t("review.list.unassigned"));

        test($(TextField.class).id("filter-text")).setValue(backOffice.number());
        assertThat(cell(backOffice, "task")).isEqualTo(t("review.list.task.call", "8001"));
        var taken = as(reviewer, () -> desk.take(backOffice.id(), null), Role.REVIEWER);
        var calledAt = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        as(reviewer, () -> desk.recordSideNotice(taken.id(), calledAt, "孙主管", null, null), Role.REVIEWER);
        navigate(ReviewTeamView.class);
        test($(TextField.class).id("filter-text")).setValue(backOffice.number());
        assertThat(cell(backOffice, "task")).isEqualTo(t("review.list.task.waiting", "8001",
                GridPaging.time(calledAt)));
        assertThat(cell(backOffice, "assignee")).isEqualTo("钱审核 (" + reviewer + ")");

        navigate(ReplyTrackerView.class);
        test($(TextField.class).id("filter-text")).setValue(frontDesk.number());
        assertThat(rows()).extracting(Review::id).containsExactly(frontDesk.id());
        assertThat(cell(frontDesk, "contact")).isEqualTo(phone);
        assertThat(cell(frontDesk, "replyStatus")).isEqualTo(t("review.replyStatus.PENDING"));
        assertThat(cell(frontDesk, "attempts")).isEqualTo("0");
        assertThat(cell(frontDesk, "lastAttempt")).isEqualTo(t("review.list.noAttempt"));

        var calledCustomer = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        as(reviewer, () -> replies.recordReplyAttempt(frontDesk.id(), calledCustomer, ReplyOutcome.NO_ANSWER, "无人接听",
                false, null), Role.REVIEWER);
        navigate(ReplyTrackerView.class);
        test($(TextField.class).id("filter-text")).setValue(frontDesk.number());
        assertThat(cell(frontDesk, "attempts")).isEqualTo("1");
        assertThat(cell(frontDesk, "lastAttempt")).isEqualTo(t("review.replyOutcome.NO_ANSWER") + " · "
                + GridPaging.time(calledCustomer));
        assertThat(cell(frontDesk, "failedDays")).isEqualTo("1");
    }

    @Test
    void theLibraryShowsAJudgedCaseAndTheScriptsLookupFindsItsExplanation() {
        var review = forwarded(accused);
        String tag = "态度" + p;
        String script = "您反映的问题已核实，我们已对相关人员进行辅导" + p;
        as(reviewer, () -> {
            var v = desk.take(review.id(), null).version();
            v = desk.recordVerification(review.id(), "录音显示坐席语气生硬", "REC-" + p, v).version();
            v = desk.judge(review.id(), new Judgment(JudgmentType.ATTITUDE, List.of("A_ARGUING"), true,
                    "录音 02:10 处与客户争执", null, "宽带" + p), v).version();
            v = library.addToLibrary(review.id(), List.of(tag), "先安抚再解释", v).version();
            return replies.explainDirectly(review.id(), script, v);
        }, Role.REVIEWER);

        // an agent reads the case in place and sees no early warnings
        signIn(agent, Role.AGENT);
        navigate(CaseLibraryView.class);
        assertThat($(Grid.class).withId("early-warnings").exists()).isFalse();
        test($(TextField.class).id("library-tag")).setValue(tag);
        @SuppressWarnings("unchecked")
        Grid<LibraryCase> library = $(Grid.class).id("library");
        var found = library.getLazyDataView().getItems().toList();
        assertThat(found).extracting(LibraryCase::reviewNumber).containsExactly(review.number());
        var criterion = policies.current().content().reviewCriteria().find(JudgmentType.ATTITUDE, "A_ARGUING")
                .orElseThrow().text().in(UI.getCurrent().getLocale());
        var cases = test(library);
        assertThat(cases.getCellText(0, cases.getColumnPosition("criteria"))).isEqualTo(criterion);
        assertThat(cases.getCellText(0, cases.getColumnPosition("lesson"))).isEqualTo("先安抚再解释");
        cases.clickRow(0);
        assertThat(library.isDetailsVisible(cases.getRow(0))).isTrue();
        assertThat(location()).isEqualTo("reviews/library");

        // (another page in between: the router keeps a page when it is opened again)
        // the accused sees the verdict about them
        signIn(accused, Role.AGENT);
        navigate(AboutMeView.class);
        test($(TextField.class).id("filter-text")).setValue(review.number());
        assertThat(cell(review, "type")).isEqualTo(t("review.judgmentType.ATTITUDE"));
        assertThat(cell(review, "upheld")).isEqualTo(t("common.yes"));
        assertThat(cell(review, "appealDue")).isNotBlank();

        // the review team opens the review from the library, below the early warnings
        signIn(reviewer, Role.REVIEWER);
        navigate(CaseLibraryView.class);
        assertThat($(Grid.class).withId("early-warnings").exists()).isTrue();
        test($(TextField.class).id("library-tag")).setValue(tag);
        test($(Grid.class).id("library")).clickRow(0);
        assertThat(location()).isEqualTo("reviews/" + review.id());

        // an agent reads the script to the calling customer
        signIn(agent, Role.AGENT);
        navigate(ExplanationScriptsView.class);
        test($(TextField.class).id("scripts-phone")).setValue(phone);
        test($(Button.class).id("scripts-search")).click();
        assertThat($(Paragraph.class).id("script-" + review.number()).getText()).isEqualTo(script);

        String unknown = "136" + String.format("%08d", (System.nanoTime() + 7) % 100_000_000L);
        test($(TextField.class).id("scripts-phone")).setValue(unknown);
        test($(Button.class).id("scripts-search")).click();
        assertThat($(Paragraph.class).id("scripts-none").getText()).isEqualTo(t("review.scripts.none", unknown));
        assertThat($(Paragraph.class).withId("script-" + review.number()).exists()).isFalse();
    }

    @Test
    void theReviewTeamRegistersTransfersOneByOne() {
        signIn(reviewer, Role.REVIEWER);
        navigate(TransferInView.class);
        var line = policies.current().content().routing().rules().stream()
                .filter(r -> r.group().equals("LINE_89082000")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Select<RoutingRule> from = $(Select.class).id("transfer-line");
        assertThat(from.getListDataView().getItems()).allMatch(r -> r.mode() == RoutingRule.HandlingMode.NOTIFY_BY_CALL)
                .extracting(RoutingRule::group).contains("LINE_89082000").doesNotContain("FRONT_DESK");
        test(from).selectItem(line.name().in(UI.getCurrent().getLocale()) + " (89082000)");
        fillForm();

        test($(Button.class).id("transfer-save")).click();

        var registered = as(reviewer, () -> reviews.search(ReviewQueue.REVIEW_TEAM,
                new ReviewFilter(null, accused, null), ScrollPosition.offset(), 10).getContent(), Role.REVIEWER);
        assertThat(registered).hasSize(1);
        assertThat(registered.getFirst().transferredFrom()).isEqualTo("LINE_89082000");
        assertThat(registered.getFirst().route().group()).isEqualTo("FRONT_DESK");
        assertThat($(Span.class).id("transfer-registered").getText())
                .isEqualTo(t("review.form.transfer.registered", registered.getFirst().number()));
        assertThat($(Button.class).id("transfer-save").isEnabled()).isFalse();

        test($(Button.class).id("transfer-next")).click();
        assertThat($(TextArea.class).id("wo-complaint").getValue()).isEmpty();
        assertThat($(TextField.class).id("wo-accused").getValue()).isEmpty();
        assertThat(from.getValue().group()).isEqualTo("LINE_89082000");
        assertThat($(Button.class).id("transfer-save").isEnabled()).isTrue();

        // the next one is about a back-office employee: transfers in are about the front desk only
        fillForm();
        test($(TextField.class).id("wo-accused")).setValue("10" + p);
        test($(Button.class).id("transfer-save")).click();
        var accusedField = $(TextField.class).id("wo-accused");
        assertThat(accusedField.isInvalid()).isTrue();
        assertThat(accusedField.getErrorMessage()).isEqualTo(t("error.REVIEW_TRANSFER_NOT_FRONT_DESK", "10" + p));
    }

    @Test
    void aReturnedWorkOrderOpensPrefilledAndIsResubmitted() {
        var review = submitted(accused);
        as(lead, () -> workOrders.returnToEmployee(review.id(), "请补充客户的具体诉求", review.version()), Role.TEAM_LEAD);

        signIn(agent, Role.AGENT);
        WorkOrderFormView.openResubmit(UI.getCurrent(), review.id());
        assertThat(location()).isEqualTo("reviews/new");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters()
                .getSingleParameter("resubmit")).contains(review.id().toString());

        assertThat($(H2.class).id("wo-title").getText()).isEqualTo(t("review.form.resubmitTitle", review.number()));
        assertThat($(Paragraph.class).id("wo-return-note").getText()).contains("请补充客户的具体诉求");
        assertThat($(TextArea.class).id("wo-complaint").getValue()).isEqualTo(review.workOrder().complaint());
        assertThat($(TextField.class).id("wo-accused").getValue()).isEqualTo(accused);
        test($(TextArea.class).id("wo-demand")).setValue("要求道歉并说明套餐变更原因");

        test($(Button.class).id("wo-save")).click();

        var stored = as(agent, () -> reviews.get(review.id()), Role.AGENT);
        assertThat(stored.status()).isEqualTo(ReviewStatus.SUBMITTED);
        assertThat(stored.workOrder().demand()).isEqualTo("要求道歉并说明套餐变更原因");
        assertThat(stored.workOrder().complaint()).isEqualTo(review.workOrder().complaint());
        assertThat(location()).isEqualTo("reviews/" + review.id());
    }
}
