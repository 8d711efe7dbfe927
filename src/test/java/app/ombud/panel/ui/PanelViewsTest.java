package app.ombud.panel.ui;

import static app.ombud.support.TestData.as;
import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.directory.DirectoryService;
import app.ombud.panel.CastReceipt;
import app.ombud.panel.Choice;
import app.ombud.panel.DecidedBy;
import app.ombud.panel.Panel;
import app.ombud.panel.PanelOutcome;
import app.ombud.panel.PanelRequest;
import app.ombud.panel.PanelFixture;
import app.ombud.panel.PanelService;
import app.ombud.panel.PanelSide;
import app.ombud.panel.PanelStatus;
import app.ombud.panel.PanelStep;
import app.ombud.platform.OmbudException;
import app.ombud.platform.PortalUser;
import app.ombud.platform.Role;
import app.ombud.policy.JudgmentType;
import app.ombud.policy.PolicyService;
import app.ombud.review.AppealPoint;
import app.ombud.review.Appeals;
import app.ombud.review.DemandKind;
import app.ombud.review.Judgment;
import app.ombud.review.ReviewDesk;
import app.ombud.review.ReviewQueries;
import app.ombud.review.WorkOrder;
import app.ombud.review.WorkOrders;
import app.ombud.support.OmbudIntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Browserless tests for the ballot page: the secret ballot, the receipt shown once, and what nobody else sees. */
@OmbudIntegrationTest
class PanelViewsTest extends SpringBrowserlessTest {

    private static final Pattern RECEIPT = Pattern.compile("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");

    @Autowired
    PanelService panels;

    @Autowired
    DirectoryService directory;

    @Autowired
    ReviewQueries reviews;

    @Autowired
    WorkOrders workOrders;

    @Autowired
    ReviewDesk desk;

    @Autowired
    Appeals appeals;

    @Autowired
    PolicyService policy;

    String p;
    String accused;
    String judge;
    List<String> employeeSide;
    List<String> reviewSide;
    String siteManager;

    PanelFixture fx;

    @BeforeEach
    void setUp() {
        fx = new PanelFixture(directory, panels, "N");
        p = fx.p;
        accused = fx.accused;
        judge = fx.judge;
        employeeSide = fx.employeeSide;
        reviewSide = fx.reviewSide;
        siteManager = fx.siteManager;
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void person(String employeeId, String name, Role... roles) {
        fx.person(employeeId, name, roles);
    }

    private Panel formPanel() {
        return fx.form("Keep or overturn?");
    }

    private CastReceipt castAs(String member, Panel panel, Choice choice) {
        return as(member, () -> panels.cast(panel.id(), choice), Role.AGENT);
    }

    static void signIn(String employeeId, Role... roles) {
        var authorities = Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        var user = new PortalUser(employeeId, "", true, true, authorities, employeeId, employeeId, false);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
    }

    private void open(Panel panel) {
        navigate(PanelView.class, Map.of("id", panel.id().toString()));
    }

    @Test
    void aMemberCastsASecretBallotAndSeesTheReceiptOnlyRightAfter() {
        var panel = formPanel();
        String member = employeeSide.get(0);
        signIn(member, Role.AGENT);
        open(panel);

        assertThat($(Span.class).id("panel-voted").getText()).isEqualTo(t("panel.page.voted", 0, 6));
        assertThat($(Anchor.class).id("panel-subject").getHref()).isEqualTo("reviews/" + panel.subjectId());
        // the question in the reader's language, not the requester's stored text ("Keep or overturn?")
        assertThat($(Div.class).id("panel-question").getText()).isEqualTo(t("panel.page.questionText",
                panel.subjectNumber())).doesNotContain("Keep or overturn?");
        assertThat($(Span.class).id("panel-members-" + PanelSide.EMPLOYEE).getText()).contains("员工方成员1 " + member);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Choice> choice = $(RadioButtonGroup.class).id("ballot-choice");
        assertThat(choice.getValue()).as("no default choice").isNull();
        // the choices reach the browser as labels and item keys only, never as the enum names
        assertThat(renderedText()).contains(t("panel.choice.UPHOLD"), t("panel.choice.OVERTURN"))
                .doesNotContain("UPHOLD", "OVERTURN");

        // casting without a choice asks for one and casts nothing
        test($(Button.class).id("ballot-cast")).click();
        assertThat(choice.isInvalid()).isTrue();
        assertThat($(ConfirmDialog.class).exists()).isFalse();

        test(choice).selectItem(t("panel.choice.OVERTURN"));
        test($(Button.class).id("ballot-cast")).click();
        var confirm = test($(ConfirmDialog.class).last());
        assertThat(confirm.getHeader()).isEqualTo(t("panel.page.confirm.title"));
        confirm.cancel();
        assertThat(as(member, () -> panels.get(panel.id())).votedCount()).isZero();

        test($(Button.class).id("ballot-cast")).click();
        test($(ConfirmDialog.class).last()).confirm();

        String receipt = $(Div.class).id("ballot-receipt").getText();
        assertThat(receipt).matches(RECEIPT);
        var stored = as(member, () -> panels.get(panel.id()));
        assertThat(stored.votedCount()).isEqualTo(1);
        assertThat(stored.viewerHasVoted()).isTrue();
        assertThat(as(member, () -> panels.receiptCounted(panel.id(), receipt))).isTrue();
        assertThat($(Span.class).id("panel-voted").getText()).isEqualTo(t("panel.page.voted", 1, 6));
        assertThat($(Button.class).withId("ballot-cast").exists()).isFalse();
        assertThat($(Paragraph.class).id("panel-voted-already").getText()).isEqualTo(t("panel.page.votedAlready"));
        String page = renderedText();
        // the receipt is on the page once (not in a toast), and the member's choice is not shown back
        assertThat(page.split(Pattern.quote(receipt), -1)).hasSize(2);
        assertThat(page).doesNotContain(t("panel.choice.OVERTURN"), t("panel.choice.UPHOLD"), "OVERTURN", "UPHOLD");

        // reopening: the receipt is gone for good, the form too; only "you have voted"
        open(panel);
        assertThat($(Div.class).withId("ballot-receipt").exists()).isFalse();
        assertThat($(Button.class).withId("ballot-cast").exists()).isFalse();
        assertThat($(Paragraph.class).withId("panel-voted-already").exists()).isTrue();
        assertThat(renderedText()).doesNotContain(receipt);
        assertThatThrownBy(() -> castAs(member, panel, Choice.UPHOLD)).isInstanceOf(OmbudException.class)
                .extracting(e -> ((OmbudException) e).code()).isEqualTo("BALLOT_ALREADY_CAST");

        // "my ballots" says that the member voted, not how
        navigate(MyBallotsView.class);
        var grid = test(gridOf("my-ballots"));
        int row = rowOf(gridOf("my-ballots"), panel);
        assertThat(grid.getCellText(row, grid.getColumnPosition("mine"))).isEqualTo("✓");
        assertThat(grid.getCellText(row, grid.getColumnPosition("voted"))).isEqualTo(t("panel.list.votedValue", 1, 6));
        assertThat(grid.getCellText(row, grid.getColumnPosition("result"))).isEmpty();
    }

    @Test
    void someoneWithoutASeatGetsNotFoundAndNoBallot() {
        var panel = formPanel();
        String stranger = fx.outsider;
        signIn(stranger, Role.AGENT);
        open(panel);

        assertThat($(Paragraph.class).id("panel-refused").getText())
                .isEqualTo(UI.getCurrent().getTranslation("error.PANEL_NOT_FOUND", panel.id()));
        assertThat($(RadioButtonGroup.class).exists()).isFalse();
        assertThat(renderedText()).doesNotContain(panel.number());

        navigate(MyBallotsView.class);
        var ballots = (MyBallotsView) getCurrentView();
        assertThat(ballots.empty.isVisible()).isTrue();
        assertThat(ballots.empty.getText()).isEqualTo(t("panel.list.empty"));
        assertThat(ballots.grid.isVisible()).isFalse();
    }

    @Test
    void anAdminSeesHowManyHaveVotedButNoChoiceAnywhere() {
        var panel = formPanel();
        String keep = castAs(employeeSide.get(0), panel, Choice.UPHOLD).receipt();
        String overturn = castAs(reviewSide.get(0), panel, Choice.OVERTURN).receipt();
        signIn("test-admin", Role.ADMIN);
        open(panel);

        assertThat($(Span.class).id("panel-voted").getText()).isEqualTo(t("panel.page.voted", 2, 6));
        assertThat($(Button.class).withId("ballot-cast").exists()).isFalse();
        assertThat($(RadioButtonGroup.class).exists()).isFalse();
        String page = renderedText();
        assertThat(page).contains(t("panel.page.voted", 2, 6), panel.number());
        assertThat(page).doesNotContain("UPHOLD", "OVERTURN", keep, overturn);
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            assertThat(page).doesNotContain(UI.getCurrent().getTranslation(locale, "panel.choice.UPHOLD"),
                    UI.getCurrent().getTranslation(locale, "panel.choice.OVERTURN"));
        }

        navigate(PanelsView.class);
        var grid = test(gridOf("panels"));
        int row = rowOf(gridOf("panels"), panel);
        assertThat(grid.getCellText(row, grid.getColumnPosition("voted"))).isEqualTo(t("panel.list.votedValue", 2, 6));
        assertThat(grid.getCellText(row, grid.getColumnPosition("result"))).isEmpty();
    }

    @Test
    void afterAllSixVotedThePageShowsTheOutcomeAndEveryReceipt() {
        var panel = formPanel();
        List<String> receipts = new ArrayList<>();
        for (String member : employeeSide) {
            receipts.add(castAs(member, panel, Choice.OVERTURN).receipt());
        }
        for (String member : reviewSide) {
            receipts.add(castAs(member, panel, member.endsWith("R1") ? Choice.OVERTURN : Choice.UPHOLD).receipt());
        }
        String member = reviewSide.get(2);
        signIn(member, Role.REVIEWER);
        open(panel);

        assertThat($(Span.class).id("panel-status").getText()).isEqualTo(t("panel.status.DECIDED"));
        assertThat($(Span.class).id("panel-outcome").getText()).isEqualTo(t("panel.outcome.OVERTURNED"));
        assertThat($(Span.class).id("panel-close-reason").getText()).isEqualTo(t("panel.closeReason.ALL_VOTED"));
        assertThat($(Span.class).id("panel-final").getText()).isEqualTo(t("panel.choice.OVERTURN"));
        assertThat($(Span.class).id("panel-decided-by").getText()).isEqualTo(t("panel.decidedBy.PANEL"));
        // the history in the reader's language: no stored codes such as "ALL_VOTED · OVERTURNED"
        @SuppressWarnings("unchecked")
        var history = test((Grid<app.ombud.panel.PanelEntry>) $(Grid.class).id("panel-timeline"));
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.getCellText(1, 1)).isEqualTo(t("panel.timeline.system"));
        assertThat(history.getCellText(1, 2)).isEqualTo(t("panel.timeline.closed"));
        assertThat(history.getCellText(1, 3)).isEqualTo(t("panel.timeline.closedDetails",
                t("panel.closeReason.ALL_VOTED"), t("panel.outcome.OVERTURNED"))).doesNotContain("ALL_VOTED");
        var shown = $(Div.class).id("panel-receipts").getChildren().map(c -> c.getElement().getText()).toList();
        assertThat(shown).containsExactlyElementsOf(receipts.stream().sorted().toList());
        assertThat($(Button.class).withId("ballot-cast").exists()).isFalse();

        test($(TextField.class).id("receipt-check")).setValue(receipts.get(5).toLowerCase(Locale.ROOT));
        test($(Button.class).id("receipt-check-button")).click();
        assertThat($(Span.class).id("receipt-check-result").getText()).isEqualTo(t("panel.page.check.counted"));
        test($(TextField.class).id("receipt-check")).setValue("AAAA-AAAA-AAAA-AAAA");
        test($(Button.class).id("receipt-check-button")).click();
        assertThat($(Span.class).id("receipt-check-result").getText()).isEqualTo(t("panel.page.check.notFound"));
    }

    @Test
    void aTieGoesToTheSiteManagerWhoDecidesOnThePage() {
        var panel = formPanel();
        for (String member : employeeSide) {
            castAs(member, panel, Choice.UPHOLD);
        }
        for (String member : reviewSide) {
            castAs(member, panel, Choice.OVERTURN);
        }
        assertThat(asAdmin(() -> panels.get(panel.id())).status()).isEqualTo(PanelStatus.AWAITING_SITE_MANAGER);
        signIn(siteManager, Role.SITE_MANAGER);

        // the site manager's queue opens on the undecided panels ("all" is not taken for a panel ID)
        navigate("panels/all", PanelsView.class);
        @SuppressWarnings("unchecked")
        Select<PanelStatus> filter = $(Select.class).id("filter-status");
        assertThat(filter.getValue()).isEqualTo(PanelStatus.AWAITING_SITE_MANAGER);
        var queue = test(gridOf("panels"));
        int row = rowOf(gridOf("panels"), panel);
        assertThat(queue.getCellText(row, queue.getColumnPosition("result"))).isEqualTo(t("panel.outcome.UNDECIDED"));
        queue.clickRow(row);
        assertThat(getCurrentView()).isInstanceOf(PanelView.class);
        assertThat($(Span.class).id("panel-outcome").getText()).isEqualTo(t("panel.outcome.UNDECIDED"));

        // nothing chosen, then no reason: the service refuses, the page marks the field
        test($(Button.class).id("decision-save")).click();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Choice> decision = $(RadioButtonGroup.class).id("decision-choice");
        assertThat(decision.isInvalid()).isTrue();
        test(decision).selectItem(t("panel.choice.UPHOLD"));
        test($(Button.class).id("decision-save")).click();
        assertThat($(TextArea.class).id("decision-reason").isInvalid()).isTrue();
        assertThat(asAdmin(() -> panels.get(panel.id())).status()).isEqualTo(PanelStatus.AWAITING_SITE_MANAGER);

        test($(TextArea.class).id("decision-reason")).setValue("录音显示坐席已解释，维持原判");
        test($(Button.class).id("decision-save")).click();

        var decided = asAdmin(() -> panels.get(panel.id()));
        assertThat(decided.status()).isEqualTo(PanelStatus.DECIDED);
        assertThat(decided.outcome()).isEqualTo(PanelOutcome.UNDECIDED);
        assertThat(decided.decidedBy()).isEqualTo(DecidedBy.SITE_MANAGER);
        assertThat(decided.finalDecision()).isEqualTo(Choice.UPHOLD);
        assertThat($(Span.class).id("panel-decided-by").getText()).isEqualTo(t("panel.decidedBy.SITE_MANAGER"));
        assertThat($(Span.class).id("panel-final").getText()).isEqualTo(t("panel.choice.UPHOLD"));
        assertThat($(Div.class).id("panel-site-manager-reason").getText()).isEqualTo("录音显示坐席已解释，维持原判");
        assertThat($(Button.class).withId("decision-save").exists()).isFalse();
    }

    /** Issue 10: the page offered a site manager the decide form that the service then refused. */
    @Test
    void aSiteManagerWhoMayNotDecideSeesNoDecideForm() {
        String judgingManager = p + "JM";
        asAdmin(() -> person(judgingManager, "兼任质检的现场负责人", Role.REVIEWER, Role.SITE_MANAGER));
        var panel = asAdmin(() -> panels.form(UUID.randomUUID(), new PanelRequest("Review", UUID.randomUUID(),
                "BM-TEST-" + p, "Keep or overturn?", employeeSide, reviewSide, Set.of(accused, judgingManager),
                Set.of(accused))));
        for (String member : employeeSide) {
            castAs(member, panel, Choice.UPHOLD);
        }
        for (String member : reviewSide) {
            castAs(member, panel, Choice.OVERTURN);
        }

        // the original judge is a site manager too, but may not decide the appeal against the verdict
        signIn(judgingManager, Role.REVIEWER, Role.SITE_MANAGER);
        open(panel);
        assertThat($(Span.class).id("panel-outcome").getText()).isEqualTo(t("panel.outcome.UNDECIDED"));
        assertThat(((PanelView) getCurrentView()).current().allowedSteps()).isEmpty();
        assertThat($(Button.class).withId("decision-save").exists()).isFalse();
        assertThat($(RadioButtonGroup.class).exists()).isFalse();

        // a member of the panel who is no site manager neither
        signIn(employeeSide.get(0), Role.AGENT);
        open(panel);
        assertThat($(Button.class).withId("decision-save").exists()).isFalse();

        signIn(siteManager, Role.SITE_MANAGER);
        open(panel);
        assertThat(((PanelView) getCurrentView()).current().allowedSteps()).containsExactly(
                PanelStep.DECIDE_AS_SITE_MANAGER);
        assertThat($(Button.class).withId("decision-save").exists()).isTrue();
    }

    /** The real appeal: a transferred-in review is judged, appealed, kept by the owner, and both sides name members. */
    @Test
    void aPanelFormedByAnAppealIsOnTheMembersBallotsAndDecidesTheReview() {
        String owner = p + "WO";
        var review = panelForming(p + "RV", owner);
        as(accused, () -> appeals.namePanelSide(review.id(), PanelSide.EMPLOYEE, employeeSide, null), Role.AGENT);
        var formed = as(owner, () -> appeals.namePanelSide(review.id(), PanelSide.REVIEW, reviewSide, null),
                Role.WHITELIST_OWNER);
        UUID panelId = formed.appeal().panelId();
        assertThat(panelId).isNotNull();

        String member = employeeSide.get(1);
        signIn(member, Role.AGENT);
        navigate(MyBallotsView.class);
        var grid = test(gridOf("my-ballots"));
        var panel = as(member, () -> panels.get(panelId));
        int row = rowOf(gridOf("my-ballots"), panel);
        assertThat(grid.getCellText(row, grid.getColumnPosition("subject"))).isEqualTo(review.number());
        assertThat(grid.getCellText(row, grid.getColumnPosition("mine"))).isEqualTo("—");
        grid.clickRow(row);

        assertThat(getCurrentView()).isInstanceOf(PanelView.class);
        assertThat($(Anchor.class).id("panel-subject").getText()).isEqualTo(review.number());
        assertThat($(Anchor.class).id("panel-subject").getHref()).isEqualTo("reviews/" + review.id());
        for (String other : employeeSide) {
            if (!other.equals(member)) {
                castAs(other, panel, Choice.OVERTURN);
            }
        }
        for (String other : reviewSide) {
            castAs(other, panel, Choice.OVERTURN);
        }
        // the last ballot, cast on the page, closes the panel: receipt and outcome together
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Choice> choice = $(RadioButtonGroup.class).id("ballot-choice");
        test(choice).selectItem(t("panel.choice.OVERTURN"));
        test($(Button.class).id("ballot-cast")).click();
        test($(ConfirmDialog.class).last()).confirm();

        String receipt = $(Div.class).id("ballot-receipt").getText();
        assertThat(receipt).matches(RECEIPT);
        assertThat($(Span.class).id("panel-outcome").getText()).isEqualTo(t("panel.outcome.OVERTURNED"));
        assertThat($(Div.class).id("panel-receipts").getElement().getTextRecursively()).contains(receipt);
        var decided = as(owner, () -> reviews.get(review.id()), Role.WHITELIST_OWNER);
        assertThat(decided.appeal().decision()).isEqualTo(Choice.OVERTURN);
        assertThat(decided.upheld()).isFalse();

        navigate(MyBallotsView.class);
        var after = test(gridOf("my-ballots"));
        row = rowOf(gridOf("my-ballots"), panel);
        assertThat(after.getCellText(row, after.getColumnPosition("mine"))).isEqualTo("✓");
        assertThat(after.getCellText(row, after.getColumnPosition("result")))
                .isEqualTo(t("panel.list.final", t("panel.choice.OVERTURN"), t("panel.decidedBy.PANEL")));
    }

    /**
     * Fault 1 of issue 10: the picker offered the accused, the judges, whitelist owners, admins and
     * the site manager, so a panel could be formed that nobody may decide on a tie.
     */
    @Test
    void theMemberPickerOffersOnlyPeopleWhoMaySit() {
        String reviewer = p + "RV";
        String owner = p + "WO";
        var review = panelForming(reviewer, owner);
        List<String> mayNotSit = List.of(p + "AD", p + "BI", p + "OW", siteManager, reviewer, owner, accused);
        asAdmin(() -> {
            person(p + "AD", "管理员", Role.ADMIN);
            person(p + "BI", "报表", Role.BI_READER);
            person(p + "OW", "另一白名单负责人", Role.REVIEWER, Role.WHITELIST_OWNER);
        });

        signIn(accused, Role.AGENT);
        navigate(app.ombud.review.ui.ReviewView.class, Map.of("id", review.id().toString()));
        test($(Button.class).id("action-name-employee-side")).click();
        // the fixture's outsider and its other reviewer may sit too
        List<String> eligible = List.of(fx.outsider, fx.judge);
        assertThat(suggested(p)).containsExactlyInAnyOrderElementsOf(concat(concat(employeeSide, reviewSide), eligible))
                .doesNotContainAnyElementsOf(mayNotSit);
        assertThat(suggested(accused)).as("the accused").isEmpty();

        as(accused, () -> appeals.namePanelSide(review.id(), PanelSide.EMPLOYEE, employeeSide, null), Role.AGENT);
        signIn(owner, Role.WHITELIST_OWNER);
        navigate(app.ombud.review.ui.ReviewView.class, Map.of("id", review.id().toString()));
        test($(Button.class).id("action-name-review-side")).click();
        assertThat(suggested(p)).as("the employee side is named already").containsExactlyInAnyOrderElementsOf(
                concat(reviewSide, eligible));
    }

    private List<String> suggested(String filter) {
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.MultiSelectComboBox<app.ombud.directory.Person> members =
                $(com.vaadin.flow.component.combobox.MultiSelectComboBox.class).id("panel-members");
        var picker = test(members);
        picker.setFilter(filter);
        return picker.getSuggestionItems().stream().map(app.ombud.directory.Person::employeeId).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // ---- helpers ------------------------------------------------------------------------

    /** A transferred-in review judged by {@code reviewer}, appealed by the accused, kept by {@code owner}: its panel forms. */
    private app.ombud.review.Review panelForming(String reviewer, String owner) {
        asAdmin(() -> {
            person(reviewer, "质检员", Role.REVIEWER);
            person(owner, "白名单负责人", Role.WHITELIST_OWNER);
        });
        String criterion = asAdmin(() -> policy.current().content().reviewCriteria().attitude().get(0).code());
        var review = as(reviewer, () -> {
            var r = workOrders.registerTransfer(new WorkOrder(null, "13800001111", Instant.now().minus(Duration.ofHours(2)),
                    "13800001111", "客户称坐席态度冷淡", "要求道歉", DemandKind.EXPLICIT, accused, "10010", "宽带报修"),
                    "LINE_89082000");
            desk.recordVerification(r.id(), "录音中坐席语气生硬", "REC-" + p, null);
            return desk.judge(r.id(), new Judgment(JudgmentType.ATTITUDE, List.of(criterion), true, "语气生硬", null,
                    null), null);
        }, Role.REVIEWER);
        as(accused, () -> appeals.appeal(review.id(), List.of(new AppealPoint("02:15", "已道歉并解释")), null), Role.AGENT);
        as(owner, () -> appeals.rejudge(review.id(), true, "需评审小组裁决", null), Role.WHITELIST_OWNER);
        return review;
    }

    @SuppressWarnings("unchecked")
    private Grid<Panel> gridOf(String id) {
        return $(Grid.class).id(id);
    }

    private int rowOf(Grid<Panel> grid, Panel panel) {
        int row = grid.getLazyDataView().getItems().map(Panel::id).toList().indexOf(panel.id());
        assertThat(row).as("panel %s in grid %s", panel.number(), grid.getId().orElse("")).isNotNegative();
        return row;
    }

    private static String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }

    /**
     * Everything the browser could be sent for the current UI: every text node, attribute and
     * property value of the whole element tree (shadow roots and components' children included).
     */
    private static String renderedText() {
        var out = new StringBuilder();
        collect(UI.getCurrent().getElement(), out, new HashSet<>());
        return out.toString();
    }

    private static void collect(Element element, StringBuilder out, Set<Element> seen) {
        if (!seen.add(element)) {
            return;
        }
        if (element.isTextNode()) {
            out.append(element.getText()).append('\n');
            return;
        }
        element.getAttributeNames().forEach(n -> out.append(n).append('=').append(element.getAttribute(n))
                .append('\n'));
        element.getPropertyNames().forEach(n -> out.append(n).append('=').append(element.getPropertyRaw(n))
                .append('\n'));
        element.getChildren().forEach(child -> collect(child, out, seen));
        element.getShadowRoot().ifPresent(root -> root.getChildren().forEach(child -> collect(child, out, seen)));
        element.getComponent().ifPresent(c -> c.getChildren().forEach(child -> collect(child.getElement(), out, seen)));
    }
}
