package app.ombud.improvement.ui;

import static app.ombud.support.TestData.as;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.complaint.ComplaintService;
import app.ombud.complaint.ui.CaseView;
import app.ombud.complaint.CaseFixture;
import app.ombud.directory.Department;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.improvement.ImprovementAction;
import app.ombud.improvement.ImprovementFixture;
import app.ombud.improvement.ImprovementScope;
import app.ombud.improvement.ImprovementService;
import app.ombud.improvement.ImprovementSource;
import app.ombud.improvement.ImprovementStatus;
import app.ombud.improvement.TrainingNeeds;
import app.ombud.improvement.internal.ImprovementJobs;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.PortalUser;
import app.ombud.platform.Role;
import app.ombud.policy.JudgmentType;
import app.ombud.policy.PolicyService;
import app.ombud.review.Review;
import app.ombud.review.ReviewStatus;
import app.ombud.review.Verdict;
import app.ombud.support.OmbudIntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The improvement pages without a browser: the action page's steps and dialogs, the lists, raising from a case and a review, training needs. */
@OmbudIntegrationTest
class ImprovementViewsTest extends SpringBrowserlessTest {

    @Autowired
    ImprovementService improvements;

    @Autowired
    ImprovementJobs jobs;

    @Autowired
    TrainingNeeds training;

    @Autowired
    ComplaintService cases;

    @Autowired
    DirectoryService directory;

    @Autowired
    PolicyService policy;

    @Autowired
    Clock clock;

    @Autowired
    RaiseFromReviewAction fromReview;

    ImprovementFixture f;

    @BeforeEach
    void setUp() {
        f = ImprovementFixture.create("IV", directory, improvements, policy, clock);
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

    @Test
    void theOwnerReportsAndSubmitsOnTheActionPageWithErrorsOnTheField() {
        var action = f.raised("规范解释话术");
        signIn(f.owner, Role.AGENT);
        navigate(ImprovementView.class, Map.of("id", action.id().toString()));
        assertThat(buttons()).containsExactly("action-progress");

        test($(Button.class).id("action-progress")).click();
        test($(Button.class).id("progress-save")).click();
        TextArea text = $(TextArea.class).id("progress-text");
        assertThat(text.isInvalid()).isTrue();
        assertThat(text.getErrorMessage()).isEqualTo(text.getTranslation("common.required"));
        test(text).setValue("已组织班组学习");
        test($(Button.class).id("progress-save")).click();
        assertThat($(Span.class).id("improvement-status").getText())
                .isEqualTo(UI.getCurrent().getTranslation("improvement.status.IN_PROGRESS"));
        assertThat(buttons()).containsExactly("action-progress", "action-submit");

        test($(Button.class).id("action-submit")).click();
        test($(TextArea.class).id("submit-summary")).setValue("全员考核通过");
        test($(Button.class).id("submit-save")).click();
        assertThat(buttons()).isEmpty();
        assertThat(f.asOwner(() -> improvements.get(action.id())).status())
                .isEqualTo(ImprovementStatus.SUBMITTED_FOR_VERIFICATION);
    }

    @Test
    void theRaiserReopensWithAReasonAndTheOverdueBadgeGoes() {
        var raised = f.raised("逾期再打开");
        jobs.flagOverdue(raised.dueBy().plusSeconds(60));
        var action = f.submitted(raised);
        signIn(f.raiser, Role.REVIEWER);
        navigate(ImprovementView.class, Map.of("id", action.id().toString()));
        assertThat(buttons()).containsExactly("action-verify", "action-cancel");
        // flagged, but submitted: no longer owed, so no overdue badge
        assertThat(action.overdueAt()).isNotNull();
        assertThat($(Span.class).withId("improvement-overdue").exists()).isFalse();

        test($(Button.class).id("action-verify")).click();
        RadioButtonGroup<Boolean> effective = $(RadioButtonGroup.class).id("verify-effective");
        effective.setValue(false);
        test($(Button.class).id("verify-save")).click();
        TextArea reason = $(TextArea.class).id("verify-reason");
        assertThat(reason.isInvalid()).isTrue();
        test(reason).setValue("抽查仍有不规范");
        test($(Button.class).id("verify-save")).click();

        var stored = f.asRaiser(() -> improvements.get(action.id()));
        assertThat(stored.status()).isEqualTo(ImprovementStatus.IN_PROGRESS);
        assertThat(stored.overdue()).isFalse();
        assertThat($(Span.class).id("improvement-due").getText()).isEqualTo(stored.dueDate().toString());
        Grid<?> timeline = $(Grid.class).id("improvement-timeline");
        assertThat(test(timeline).getCellText(timeline.getListDataView().getItemCount() - 1, 3))
                .contains("抽查仍有不规范").contains(stored.dueDate().toString());
    }

    @Test
    void theListsShowMineAndTheOverdueOnesOfTheDepartment() {
        var mine = f.raised("我的措施");
        jobs.flagOverdue(mine.dueBy().plusSeconds(60));
        signIn(f.owner, Role.AGENT);
        navigate(MyImprovementsView.class);
        Grid<ImprovementAction> grid = $(Grid.class).id("improvements");
        assertThat(grid.getLazyDataView().getItems().map(ImprovementAction::number)).contains(mine.number());
        assertThat($(Button.class).id("improvement-raise").isVisible()).isTrue();

        signIn(f.ownerHead, Role.DEPT_HEAD);
        navigate(OverdueImprovementsView.class);
        grid = $(Grid.class).id("improvements");
        assertThat(grid.getLazyDataView().getItems().map(ImprovementAction::number)).contains(mine.number());
        navigate(DepartmentImprovementsView.class);
        grid = $(Grid.class).id("improvements");
        assertThat(grid.getLazyDataView().getItems().map(ImprovementAction::number)).contains(mine.number());
    }

    @Test
    void aValidComplaintIsRaisedFromTheCasePage() {
        var fixture = new CaseFixture(cases, directory, "IVC");
        var subject = fixture.inProgress();
        var invalid = fixture.inProgress();
        fixture.asHead(() -> cases.decideValidity(subject.id(), true, "承诺回电未回", null));
        signIn(fixture.head, Role.DEPT_HEAD);
        navigate(CaseView.class, Map.of("id", invalid.id().toString()));
        assertThat($(Button.class).withId("action-raise-improvement").exists()).isFalse();

        navigate(CaseView.class, Map.of("id", subject.id().toString()));
        test($(Button.class).id("action-raise-improvement")).click();
        ComboBox<Department> department = $(ComboBox.class).id("raise-department");
        assertThat(department.getValue().id()).isEqualTo(fixture.department.id());
        test($(Button.class).id("raise-save")).click();
        assertThat($(TextField.class).id("raise-title").isInvalid()).isTrue();
        test($(TextField.class).id("raise-title")).setValue("回电承诺必须兑现");
        test($(TextArea.class).id("raise-description")).setValue("建立回电提醒");
        ComboBox<Person> owner = $(ComboBox.class).id("raise-owner");
        owner.setValue(as(fixture.head, () -> directory.personByEmployeeId(fixture.agent).orElseThrow(),
                Role.DEPT_HEAD));
        test($(Button.class).id("raise-save")).click();

        var raised = as(fixture.head, () -> improvements.search(ImprovementScope.MINE, null, ScrollPosition.offset(),
                10), Role.DEPT_HEAD).getContent();
        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.source()).isEqualTo(ImprovementSource.VALID_COMPLAINT);
            assertThat(a.sourceRef().id()).isEqualTo(subject.id());
            assertThat(a.sourceRef().number()).isEqualTo(subject.number());
            assertThat(a.ownerEmployeeId()).isEqualTo(fixture.agent);
        });
        // the page went on to the new action
        assertThat($(Span.class).id("improvement-status").getText())
                .isEqualTo(UI.getCurrent().getTranslation("improvement.status.OPEN"));
    }

    @Test
    void theReviewPageOffersRaisingOnlyForAnUpheldVerdict() {
        signIn(f.raiser, Role.REVIEWER);
        navigate(MyImprovementsView.class);
        var verdict = new Verdict(JudgmentType.values()[0], List.of(), true, "录音显示态度生硬", null, null, f.raiser,
                "质检员", Instant.now(), 1);
        assertThat(fromReview.create(review(verdict, true), () -> { })).isPresent();
        assertThat(fromReview.create(review(verdict, false), () -> { })).isEmpty();
        assertThat(fromReview.create(review(null, null), () -> { })).isEmpty();
        signIn(f.raiser, Role.BI_READER);
        assertThat(fromReview.create(review(verdict, true), () -> { })).isEmpty();
        // not offered to the accused agent
        signIn(f.owner, Role.AGENT);
        assertThat(fromReview.create(review(verdict, true), () -> { })).isEmpty();
        signIn(f.ownerHead, Role.DEPT_HEAD);
        assertThat(fromReview.create(review(verdict, true), () -> { })).isPresent();
    }

    @Test
    void theTestCallGroupRecordsTrainingNeedsAndAnAgentReadsTheirOwn() {
        var need = f.asGroup(() -> training.create("投诉安抚技巧", List.of(f.owner), List.of(), null,
                IdempotencyKey.NONE));
        signIn(f.group, Role.CALLTEST_STAFF);
        navigate(TrainingNeedsView.class);
        assertThat($(Button.class).withId("training-create").exists()).isTrue();
        test($(Button.class).id("training-create")).click();
        test($(Button.class).id("training-save")).click();
        assertThat($(TextField.class).id("training-topic").isInvalid()).isTrue();

        signIn(f.owner, Role.AGENT);
        navigate(MyImprovementsView.class); // a new page for the new person, not the one shown
        navigate(TrainingNeedsView.class);
        assertThat($(Button.class).withId("training-create").exists()).isFalse();
        Grid<app.ombud.improvement.TrainingNeed> grid = $(Grid.class).id("training-needs");
        assertThat(grid.getLazyDataView().getItems().map(app.ombud.improvement.TrainingNeed::number))
                .containsExactly(need.number());
    }

    @Test
    void theHomePageListsTheOwnersActionsAndTheRaisersToVerify() {
        var owned = f.raised("首页待办");
        var submitted = f.submitted(f.raised("首页待验证"));
        signIn(f.owner, Role.AGENT);
        navigate(app.ombud.platform.ui.HomeView.class);
        assertThat($(com.vaadin.flow.component.html.Anchor.class).withId("work-improvements-owned-" + owned.number())
                .exists()).isTrue();
        signIn(f.raiser, Role.REVIEWER);
        navigate(MyImprovementsView.class);
        navigate(app.ombud.platform.ui.HomeView.class);
        assertThat($(com.vaadin.flow.component.html.Anchor.class).withId("work-improvements-verify-"
                + submitted.number()).exists()).isTrue();
    }

    /** A zh-CN reader of an action taken through every kind of entry reads no code, English or UTC time. */
    @Test
    void aChineseReaderSeesNoCodeOnTheActionPage() {
        // a prefix with a digit, so that generated names and IDs never read as English words
        var z = ImprovementFixture.create("Z9", directory, improvements, policy, clock);
        var action = z.fromWeakSpot("首问解决率提升");
        jobs.flagOverdue(action.dueBy().plusSeconds(60));
        z.submitted(action);
        z.asGroup(() -> improvements.recordRetest(action.id(), "TC-9001", false));
        z.asGroup(() -> improvements.verify(action.id(), false, "复测未通过", null, null));
        signIn(z.group, Role.CALLTEST_STAFF);
        UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        navigate(ImprovementView.class, Map.of("id", action.id().toString()));
        List<String> texts = new java.util.ArrayList<>();
        for (Grid<?> grid : $(Grid.class).all()) {
            var g = test(grid);
            for (int row = 0; row < g.size(); row++) {
                for (int column = 0; column < grid.getColumns().size(); column++) {
                    texts.add(g.getCellText(row, column));
                }
            }
        }
        texts.add(UI.getCurrent().getElement().getTextRecursively());
        assertThat(texts.stream().flatMap(text -> app.ombud.support.RawText.in(text).stream()).toList()).isEmpty();
        assertThat(String.join(" ", texts)).contains("薄弱环节", "标记逾期", "重新打开", "未通过");
    }

    private Review review(Verdict verdict, Boolean upheld) {
        var order = new app.ombud.review.WorkOrder(f.raiser, null, null, null, "服务态度差", null, null, f.owner, null,
                null);
        return new Review(UUID.randomUUID(), "BM-" + f.p, order, ReviewStatus.values()[0], null, null, Instant.now(),
                null, null, null, List.of(), null, null, null, null, verdict, upheld, null, null, null, null, null,
                List.of(), 0);
    }

    private List<String> buttons() {
        return $(com.vaadin.flow.component.orderedlayout.HorizontalLayout.class).id("improvement-actions")
                .getChildren().map(c -> c.getId().orElse("")).toList();
    }
}
