package app.ombud.review.ui;

import static app.ombud.review.ReviewFixture.signIn;
import static app.ombud.support.TestData.as;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.notification.NotificationService;
import app.ombud.platform.Role;
import app.ombud.platform.ui.GridPaging;
import app.ombud.policy.JudgmentType;
import app.ombud.policy.PolicyService;
import app.ombud.review.AppealPoint;
import app.ombud.review.Appeals;
import app.ombud.review.Judgment;
import app.ombud.review.ReplyOutcome;
import app.ombud.review.ReplyStatus;
import app.ombud.review.Review;
import app.ombud.review.ReviewDesk;
import app.ombud.review.ReviewFixture;
import app.ombud.review.ReviewQueries;
import app.ombud.review.ReviewStatus;
import app.ombud.review.ReviewStep;
import app.ombud.review.WorkOrders;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.RawText;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

@OmbudIntegrationTest
class ReviewViewTest extends SpringBrowserlessTest {

    @Autowired
    ReviewQueries reviews;


    @Autowired

    WorkOrders workOrders;


    @Autowired

    ReviewDesk desk;

    @Autowired
    DirectoryService directory;

    @Autowired
    PolicyService policy;

    @Autowired
    Appeals appeals;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    NotificationService notifications;

    ReviewFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ReviewFixture(directory, workOrders, desk, reviews);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theTeamLeadForwardsASubmittedWorkOrder() {
        Review submitted = fx.submitted(fx.accused("17"));
        signIn(fx.lead, Role.AGENT, Role.TEAM_LEAD);
        navigate(ReviewView.class, Map.of("id", submitted.id().toString()));

        assertThat($(Span.class).id("review-status").getText()).isEqualTo(t("review.status.SUBMITTED"));
        assertThat(actionIds()).containsExactlyInAnyOrder("action-withdraw", "action-forward",
                "action-return-to-employee");
        test($(Button.class).id("action-forward")).click();
        test($(TextArea.class).id("forward-note")).setValue("要素齐全，已核对来电号码");
        test($(Button.class).id("forward-save")).click();

        var stored = fx.get(submitted.id());
        assertThat(stored.status()).isEqualTo(ReviewStatus.IN_REVIEW);
        assertThat(stored.handover().by()).isEqualTo(fx.lead);
        assertThat($(Span.class).id("review-status").getText()).isEqualTo(t("review.status.IN_REVIEW"));
        assertThat($(Div.class).id("review-handover").getElement().getTextRecursively())
                .contains("要素齐全，已核对来电号码");
        assertThat($(Span.class).id("review-route").getText()).isEqualTo(stored.route().groupName()
                .in(UI.getCurrent().getLocale()));
        assertThat(actionIds()).isEmpty();
        var timeline = test(grid("review-timeline"));
        assertThat(IntStream.range(0, timeline.size()).mapToObj(i -> timeline.getCellText(i,
                timeline.getColumnPosition("what")))).contains(t("review.page.action.forwarded") + " → "
                        + t("review.status.IN_REVIEW"), t("review.page.action.routed"));
    }

    @Test
    void theReviewerRecordsAFailedCallWithTheDaysSms() {
        Review forwarded = fx.forwarded(fx.accused("17"));
        signIn(fx.reviewer, Role.REVIEWER);
        navigate(ReviewView.class, Map.of("id", forwarded.id().toString()));

        test($(Button.class).id("action-record-reply-attempt")).click();
        @SuppressWarnings("unchecked")
        Select<ReplyOutcome> outcome = $(Select.class).id("reply-outcome");
        Checkbox sms = $(Checkbox.class).id("reply-sms");
        assertThat(sms.isEnabled()).isFalse();
        outcome.setValue(ReplyOutcome.REACHED);
        assertThat(sms.isEnabled()).isFalse();
        outcome.setValue(ReplyOutcome.NO_ANSWER);
        assertThat(sms.isEnabled()).isTrue();
        test(sms).click();
        test($(TextArea.class).id("reply-note")).setValue("两次拨打无人接听");
        test($(Button.class).id("reply-save")).click();

        var reply = fx.get(forwarded.id()).reply();
        assertThat(reply.status()).isEqualTo(ReplyStatus.PENDING);
        assertThat(reply.attempts()).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(ReplyOutcome.NO_ANSWER);
            assertThat(a.smsQueued()).isTrue();
            assertThat(a.note()).isEqualTo("两次拨打无人接听");
            assertThat(a.by()).isEqualTo(fx.reviewer);
        });
        var attempts = test(grid("review-attempts"));
        assertThat(attempts.size()).isEqualTo(1);
        assertThat(attempts.getCellText(0, attempts.getColumnPosition("sms"))).isEqualTo(t("common.yes"));
        assertThat($(Span.class).id("review-reply-status").getText()).isEqualTo(t("review.replyStatus.PENDING"));
    }

    @Test
    void theAgentSeesOnlyTheStepsTheServiceAllows() {
        Review submitted = fx.submitted(fx.accused("17"));
        assertThat(as(fx.agent, () -> reviews.allowedSteps(submitted.id()), Role.AGENT))
                .isEqualTo(Set.of(ReviewStep.WITHDRAW));
        signIn(fx.agent, Role.AGENT);
        navigate(ReviewView.class, Map.of("id", submitted.id().toString()));
        assertThat(actionIds()).containsExactly("action-withdraw");

        Review forwarded = as(fx.lead, () -> workOrders.forward(submitted.id(), null, submitted.version()),
                Role.AGENT, Role.TEAM_LEAD);
        navigate(ReviewView.class, Map.of("id", forwarded.id().toString()));
        assertThat($(Span.class).id("review-status").getText()).isEqualTo(t("review.status.IN_REVIEW"));
        assertThat(actionIds()).isEmpty();
    }

    @Test
    void theAccusedAppealsAndNamesTheEmployeeSideAfterTheOwnerKeepsTheVerdict() {
        String accused = fx.accused("17");
        String owner = fx.p + "O";
        fx.person(owner, "白名单负责人", null, Role.WHITELIST_OWNER);
        fx.person(fx.p + "SM", "现场负责人", null, Role.SITE_MANAGER);
        for (int i = 1; i <= 3; i++) {
            fx.person(fx.p + "M" + i, "评议员" + i, null, Role.AGENT);
        }
        Review verified = fx.verified(accused);
        String code = policy.current().content().reviewCriteria().attitude().getFirst().code();
        as(fx.reviewer, () -> desk.judge(verified.id(), new Judgment(JudgmentType.ATTITUDE, List.of(code), true,
                "录音中坐席与客户争吵", null, null), verified.version()), Role.REVIEWER);

        signIn(accused, Role.AGENT);
        navigate(ReviewView.class, Map.of("id", verified.id().toString()));
        assertThat(actionIds()).containsExactly("action-appeal");
        test($(Button.class).id("action-appeal")).click();
        assertThat($(Button.class).id("appeal-point-remove-0").isEnabled()).isFalse();
        test($(Button.class).id("appeal-point-add")).click();
        test($(TextField.class).id("appeal-point-position-1")).setValue("02:15");
        test($(TextField.class).id("appeal-point-text-1")).setValue("客户先辱骂坐席，坐席未争吵");
        test($(Button.class).id("appeal-point-remove-0")).click();
        assertThat($(TextField.class).withId("appeal-point-text-1").exists()).isFalse();
        assertThat($(TextField.class).id("appeal-point-text-0").getValue()).isEqualTo("客户先辱骂坐席，坐席未争吵");
        test($(Button.class).id("appeal-save")).click();
        assertThat(fx.get(verified.id()).appeal().points())
                .containsExactly(new AppealPoint("02:15", "客户先辱骂坐席，坐席未争吵"));

        signIn(owner, Role.WHITELIST_OWNER);
        navigate(ReviewView.class, Map.of("id", verified.id().toString()));
        test($(Button.class).id("action-rejudge")).click();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> keep = $(RadioButtonGroup.class).id("rejudge-keep");
        // keeping or overturning is never assumed
        test($(Button.class).id("rejudge-save")).click();
        assertThat(keep.isInvalid()).isTrue();
        assertThat(fx.get(verified.id()).status()).isEqualTo(ReviewStatus.APPEALED);
        test(keep).selectItem(t("review.dialog.rejudge.keep"));
        test($(TextArea.class).id("rejudge-reason")).setValue("录音 03:40 坐席确有争吵");
        test($(Button.class).id("rejudge-save")).click();
        assertThat(fx.get(verified.id()).status()).isEqualTo(ReviewStatus.PANEL_FORMING);

        signIn(accused, Role.AGENT);
        navigate(ReviewView.class, Map.of("id", verified.id().toString()));
        assertThat(actionIds()).containsExactly("action-name-employee-side");
        test($(Button.class).id("action-name-employee-side")).click();
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Person> members = $(MultiSelectComboBox.class).id("panel-members");
        // the picker offers the review's eligible people (Appeals.eligibleMembers): not the accused nor the judge
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<String> offered = ((com.vaadin.flow.data.provider.DataProvider) members.getDataProvider())
                .fetch(new com.vaadin.flow.data.provider.Query<>(0, 100, List.of(), null, fx.p)).map(
                        person -> ((Person) person).employeeId()).toList();
        assertThat(offered).contains(fx.p + "M1", fx.p + "M2", fx.p + "M3").doesNotContain(accused, fx.reviewer);
        members.setValue(Set.of(person(accused), person(fx.p + "M1"), person(fx.p + "M2")));
        test($(Button.class).id("panel-side-save")).click();
        assertThat(members.isInvalid()).isTrue();
        assertThat(members.getErrorMessage()).isEqualTo(t("error.PANEL_MEMBER_EXCLUDED", accused));
        assertThat(fx.get(verified.id()).appeal().employeeSide()).isEmpty();

        members.setValue(Set.of(person(fx.p + "M1"), person(fx.p + "M2"), person(fx.p + "M3")));
        test($(Button.class).id("panel-side-save")).click();
        assertThat(fx.get(verified.id()).appeal().employeeSide()).containsExactlyInAnyOrder(fx.p + "M1",
                fx.p + "M2", fx.p + "M3");
        assertThat($(Span.class).id("review-employee-side").getText()).contains("评议员1", "评议员2", "评议员3");
        assertThat($(Span.class).id("review-review-side").getText()).isEqualTo(t("review.page.appeal.notNamed"));
        assertThat(actionIds()).isEmpty();
    }

    @Test
    void aNotifiedSideShowsWhoseAnswerTheReviewWaitsFor() {
        Review forwarded = fx.forwarded(fx.accused("10"));
        assertThat(forwarded.route().notifyByCall()).isTrue();
        signIn(fx.reviewer, Role.REVIEWER);
        navigate(ReviewView.class, Map.of("id", forwarded.id().toString()));
        assertThat(actionIds()).contains("action-record-side-notice").doesNotContain("action-verify",
                "action-record-side-answer");

        test($(Button.class).id("action-record-side-notice")).click();
        assertThat($(DateTimePicker.class).id("side-notice-at").getValue()).isNotNull();
        test($(TextField.class).id("side-notice-lead")).setValue("孙值班长");
        test($(Button.class).id("side-notice-save")).click();

        var notice = fx.get(forwarded.id()).sideNotice();
        assertThat(notice.leadName()).isEqualTo("孙值班长");
        assertThat(notice.number()).isEqualTo(forwarded.route().notifyNumber());
        assertThat($(Paragraph.class).id("review-side-waiting").getText()).isEqualTo(t(
                "review.page.sideNotice.waiting", notice.number(), GridPaging.time(notice.calledAt())));
        assertThat(actionIds()).contains("action-record-side-answer");
    }

    /**
     * The review page speaks the reader's language: a front-desk review taken through every step up
     * to its panel shows, in zh-CN, no raw code, English word or UTC time — on the timeline and
     * everywhere else.
     */
    @Test
    void aReviewFromSubmitToItsPanelShowsNoCodeEnglishOrUtcTimeInChinese() {
        String criterion = policy.current().content().reviewCriteria().attitude().getFirst().code();
        Review stored = fx.panelFormed(appeals, criterion);
        String owner = fx.owner;
        // the team lead's notice of the return names the reason in their language
        var notice = as(fx.lead, () -> notifications.mine(false, ScrollPosition.offset(), 20), Role.AGENT,
                Role.TEAM_LEAD).getContent().stream().filter(n -> n.messageKey().startsWith(
                        "review.notice.returned-to-lead")).findFirst().orElseThrow();
        String noticeText = new java.text.MessageFormat(java.util.ResourceBundle.getBundle("vaadin-i18n.translations",
                Locale.SIMPLIFIED_CHINESE).getString(notice.messageKey())).format(notice.args().toArray());
        assertThat(RawText.in(noticeText)).as(noticeText).isEmpty();
        assertThat(stored.status()).isEqualTo(ReviewStatus.PANEL_VOTING);
        assertThat(stored.timeline()).extracting(e -> e.action()).contains("unrouted", "returned-to-lead",
                "routed-manually", "judged-upheld", "rejudged-kept", "panel-formed");

        signIn(owner, Role.WHITELIST_OWNER);
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        navigate(ReviewView.class, Map.of("id", stored.id().toString()));

        Grid<Object> timeline = grid("review-timeline");
        var cells = test(timeline);
        List<String> texts = new ArrayList<>();
        for (Grid<?> grid : $(Grid.class).all()) {
            var g = test(grid);
            for (int row = 0; row < g.size(); row++) {
                for (int column = 0; column < grid.getColumns().size(); column++) {
                    texts.add(g.getCellText(row, column));
                }
            }
        }
        texts.add(UI.getCurrent().getElement().getTextRecursively());
        assertThat(texts.stream().flatMap(text -> RawText.in(text).stream()).toList()).isEmpty();

        // the verdict's criterion by its policy text, the return's reason and gaps and the route's group by labels
        List<String> why = IntStream.range(0, cells.size()).mapToObj(i -> cells.getCellText(i,
                cells.getColumnPosition("why"))).toList();
        String criterionText = policy.current().content().reviewCriteria().find(JudgmentType.ATTITUDE, criterion)
                .orElseThrow().text().in(Locale.SIMPLIFIED_CHINESE);
        assertThat(why).contains(t("review.timeline.criteria", t("review.judgmentType.ATTITUDE"), criterionText)
                + " · 录音中坐席与客户争吵", t("review.timeline.returnGaps", t("review.returnReason.NO_EXPLANATION"),
                        t("review.gap.NO_CALMING") + "、" + t("review.gap.NO_GUIDANCE")) + " · 请补充员工解释",
                stored.route().groupName().in(Locale.SIMPLIFIED_CHINESE));
        // times in the company's zone
        var first = stored.timeline().getFirst().at();
        assertThat(cells.getCellText(0, 0)).isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(first.atZone(ZoneId.of("Asia/Shanghai"))));
    }

    @Test
    void anEntryStoredBeforeArgsExistedStillShowsItsNote() {
        Review forwarded = fx.forwarded(fx.accused("17"));
        // as stored before entries had args: the route's group in the note
        var raw = mongo.findById(forwarded.id(), org.bson.Document.class, "reviews");
        for (var entry : raw.getList("timeline", org.bson.Document.class)) {
            entry.remove("args");
            if ("routed".equals(entry.getString("action"))) {
                entry.put("note", "分流至前台");
            }
        }
        mongo.save(raw, "reviews");

        signIn(fx.reviewer, Role.REVIEWER);
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        navigate(ReviewView.class, Map.of("id", forwarded.id().toString()));
        var cells = test(grid("review-timeline"));
        List<String> why = IntStream.range(0, cells.size()).mapToObj(i -> cells.getCellText(i,
                cells.getColumnPosition("why"))).toList();
        assertThat(why).contains("分流至前台", "要素齐全");
    }

    private Person person(String employeeId) {
        return as(fx.agent, () -> directory.personByEmployeeId(employeeId).orElseThrow(), Role.AGENT);
    }

    private List<String> actionIds() {
        HorizontalLayout bar = $(HorizontalLayout.class).id("review-actions");
        return bar.getChildren().map(Component::getId).flatMap(Optional::stream).toList();
    }

    @SuppressWarnings("unchecked")
    private Grid<Object> grid(String id) {
        return $(Grid.class).id(id);
    }

    private static String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }
}
