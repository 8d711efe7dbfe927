package app.ombud.complaint.ui;

import static app.ombud.support.TestData.as;
import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.complaint.CaseIntake;
import app.ombud.complaint.CaseStatus;
import app.ombud.complaint.ComplaintCase;
import app.ombud.complaint.ComplaintService;
import app.ombud.complaint.Customer;
import app.ombud.complaint.IntakeChannel;
import app.ombud.complaint.TimelineEntry;
import app.ombud.directory.Department;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.directory.Team;
import app.ombud.platform.PortalUser;
import app.ombud.platform.Role;
import app.ombud.policy.CaseCategory;
import app.ombud.support.OmbudIntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

@OmbudIntegrationTest
class CaseViewsTest extends SpringBrowserlessTest {

    @Autowired
    ComplaintService cases;

    @Autowired
    DirectoryService directory;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    String p;
    Department department;
    Team team;
    String agent;
    String otherAgent;
    String head;
    String phone;

    app.ombud.complaint.CaseFixture fx;

    @BeforeEach
    void setUp() {
        fx = fixture();
        p = fx.p;
        department = fx.department;
        team = fx.team;
        agent = fx.agent;
        otherAgent = fx.otherAgent;
        head = fx.head;
        phone = fx.phone;
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Signs in to the portal as this person for the views (and the services they call). */
    static void signIn(String employeeId, Role... roles) {
        var authorities = Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        var user = new PortalUser(employeeId, "", true, true, authorities, employeeId, employeeId, false);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
    }

    ComplaintCase intake(String by, String subject) {
        return as(by, () -> cases.intake(new CaseIntake(IntakeChannel.HOTLINE, new Customer("王先生", phone, null),
                subject, "购买两周后频繁断网", CaseCategory.PRODUCT_QUALITY, Set.of(), new BigDecimal("300"), false,
                null)), Role.AGENT);
    }

    @Test
    void theInboxShowsTheAgentsOwnCasesAndNotAnotherAgents() {
        var mine = intake(agent, "路由器无法上网");
        var theirs = intake(otherAgent, "路由器无法上网");
        signIn(agent, Role.AGENT);
        navigate(CaseInboxView.class);

        var shown = gridOfCases().getLazyDataView().getItems().map(ComplaintCase::number).toList();
        assertThat(shown).contains(mine.number()).doesNotContain(theirs.number());
        assertThat($(Button.class).id("new-case").isVisible()).isTrue();

        // the number filter narrows the list to that case
        test($(TextField.class).id("filter-number")).setValue(mine.number());
        assertThat(gridOfCases().getLazyDataView().getItems().map(ComplaintCase::number).toList())
                .containsExactly(mine.number());
    }

    @Test
    void aBiReaderSeesTheCustomerMaskedAndCannotTakeInCases() {
        var mine = intake(agent, "路由器无法上网");
        signIn(p + "BI", Role.BI_READER);
        navigate(CaseInboxView.class);
        test($(TextField.class).id("filter-number")).setValue(mine.number());

        var grid = test(gridOfCases());
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, grid.getColumnPosition("customer")))
                .isEqualTo("王** " + phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4));
        assertThat($(Button.class).withId("new-case").exists()).isFalse();
        // the filters the service refuses to BI readers are not offered
        assertThat($(TextField.class).withId("filter-customer").exists()).isFalse();
        assertThat($(TextField.class).withId("filter-text").exists()).isFalse();
        assertThat($(TextField.class).withId("filter-number").exists()).isTrue();

        // evidence files are listed by their (masked) names, with no link to download them
        asAdmin(() -> cases.attachEvidence(mine.id(), "客户 " + phone + ".txt", new byte[] {1}, null));
        navigate(CaseView.class, java.util.Map.of("id", mine.id().toString()));
        var tabs = $(com.vaadin.flow.component.tabs.TabSheet.class).first();
        tabs.setSelectedIndex(tabs.getTabCount() - 1);
        var evidence = $(com.vaadin.flow.component.orderedlayout.VerticalLayout.class).id("case-evidence");
        var file = test($(Grid.class).from(evidence).first()).getCellComponent(0, 0);
        assertThat(file).isInstanceOf(Span.class);
        assertThat(((Span) file).getText()).isEqualTo("客户 " + phone.substring(0, 3) + "****"
                + phone.substring(phone.length() - 4) + ".txt");
    }

    @Test
    void theIntakeFormCreatesACaseAndLandsOnItsPage() {
        signIn(agent, Role.AGENT);
        navigate(CaseInboxView.class);
        test($(Button.class).id("new-case")).click();
        assertThat(getCurrentView()).isInstanceOf(CaseIntakeView.class);
        // the fixed path wins over the case page's cases/:id
        navigate("cases/new", CaseIntakeView.class);

        test($(TextField.class).id("intake-name")).setValue("李女士");
        test($(TextField.class).id("intake-phone")).setValue(phone);
        test($(TextField.class).id("intake-subject")).setValue("快递延误三天");
        test($(TextArea.class).id("intake-description")).setValue("订单显示已发货，三天未更新物流");
        @SuppressWarnings("unchecked")
        Select<CaseCategory> category = $(Select.class).id("intake-category");
        category.setValue(CaseCategory.DELIVERY_DELAY);
        test($(Button.class).id("intake-save")).click();

        var page = (CaseView) getCurrentView();
        var created = page.current();
        assertThat(created.subject()).isEqualTo("快递延误三天");
        assertThat(created.intakeBy()).isEqualTo(agent);
        assertThat(created.status()).isEqualTo(CaseStatus.NEW);
        assertThat($(Span.class).id("case-status").getText())
                .isEqualTo(UI.getCurrent().getTranslation("case.status.NEW"));
        assertThat($(Span.class).id("case-grade").getText()).contains(String.valueOf(created.grade().policyVersion()));
        assertThat(test($(Notification.class).last()).getText()).contains(created.number());
        assertThat(as(agent, () -> cases.get(created.id()), Role.AGENT).customer().name()).isEqualTo("李女士");
    }

    @Test
    void theIntakeFormTakesInOneCaseHoweverOftenItIsSent() {
        signIn(agent, Role.AGENT);
        navigate("cases/new", CaseIntakeView.class);
        var form = (CaseIntakeView) getCurrentView();
        test($(TextField.class).id("intake-phone")).setValue(phone);
        test($(TextField.class).id("intake-subject")).setValue("快递延误三天");
        @SuppressWarnings("unchecked")
        Select<CaseCategory> category = $(Select.class).id("intake-category");
        category.setValue(CaseCategory.DELIVERY_DELAY);
        Button save = $(Button.class).id("intake-save");
        // the browser disables the button at the click, so a double click sends the form once
        assertThat(save.isDisableOnClick()).isTrue();
        test(save).click();
        var created = ((CaseView) getCurrentView()).current();

        // a request the browser sends again (a flaky network) carries the same key: no second case
        com.vaadin.flow.component.ComponentUtil.fireEvent(save, new com.vaadin.flow.component.ClickEvent<>(save));
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("customer.phone").is(phone)), "cases"))
                .isOne();
        assertThat(form.isAttached()).isFalse();
        assertThat(created.customer().phone()).isEqualTo(phone);
    }

    @Test
    void theIntakeFormShowsTheLimitsAndMarksAControlCharacterAtItsField() {
        signIn(agent, Role.AGENT);
        navigate("cases/new", CaseIntakeView.class);
        long before = as(agent, () -> cases.count(app.ombud.complaint.CaseFilter.ALL), Role.AGENT);

        assertThat($(TextField.class).id("intake-name").getMaxLength()).isEqualTo(100);
        assertThat($(TextField.class).id("intake-phone").getMaxLength()).isEqualTo(20);
        assertThat($(TextField.class).id("intake-subject").getMaxLength()).isEqualTo(200);
        assertThat($(TextArea.class).id("intake-description").getMaxLength()).isEqualTo(5000);
        var received = $(DateTimePicker.class).id("intake-received");
        var now = LocalDateTime.now(app.ombud.platform.ui.CompanyTime.zone());
        assertThat(received.getMax()).isBetween(now, now.plusMinutes(10));
        assertThat(received.getMin()).isBetween(now.minusDays(90), now.minusDays(89));

        test($(TextField.class).id("intake-phone")).setValue(phone);
        test($(TextField.class).id("intake-subject")).setValue("快递\u202E延误");
        @SuppressWarnings("unchecked")
        Select<CaseCategory> category = $(Select.class).id("intake-category");
        category.setValue(CaseCategory.DELIVERY_DELAY);
        test($(Button.class).id("intake-save")).click();

        var subject = $(TextField.class).id("intake-subject");
        assertThat(subject.isInvalid()).isTrue();
        assertThat(subject.getErrorMessage()).contains("U+202E");
        assertThat(getCurrentView()).isInstanceOf(CaseIntakeView.class);
        assertThat(as(agent, () -> cases.count(app.ombud.complaint.CaseFilter.ALL), Role.AGENT)).isEqualTo(before);
    }

    @Test
    void aNewCaseOffersOnlyItsStepsAndDispatchingMovesItOn() {
        var created = intake(agent, "路由器无法上网");
        signIn(head, Role.DEPT_HEAD);
        navigate(CaseView.class, java.util.Map.of("id", created.id().toString()));

        assertThat(actionIds()).containsExactlyInAnyOrder("action-dispatch", "action-override", "action-escalate");

        test($(Button.class).id("action-dispatch")).click();
        @SuppressWarnings("unchecked")
        ComboBox<Department> departmentPicker = $(ComboBox.class).id("dispatch-department");
        departmentPicker.setValue(department);
        @SuppressWarnings("unchecked")
        ComboBox<Person> owner = $(ComboBox.class).id("dispatch-owner");
        owner.setValue(as(head, () -> directory.personByEmployeeId(agent).orElseThrow(), Role.DEPT_HEAD));
        test($(TextArea.class).id("dispatch-note")).setValue("请两日内回复客户");
        test($(Button.class).id("dispatch-save")).click();

        var stored = as(head, () -> cases.get(created.id()), Role.DEPT_HEAD);
        assertThat(stored.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(stored.assignment().ownerEmployeeId()).isEqualTo(agent);
        assertThat(stored.timeline().getLast()).extracting(TimelineEntry::action, TimelineEntry::note)
                .containsExactly("dispatched", "请两日内回复客户");
        assertThat($(Span.class).id("case-status").getText())
                .isEqualTo(UI.getCurrent().getTranslation("case.status.DISPATCHED"));
        @SuppressWarnings("unchecked")
        Grid<TimelineEntry> timeline = $(Grid.class).id("case-timeline");
        assertThat(test(timeline).size()).isEqualTo(stored.timeline().size());
        assertThat(actionIds()).contains("action-acknowledge", "action-note").doesNotContain("action-archive");
    }

    @Test
    void aStepOnAnOutdatedCaseShowsTheTranslatedConflict() {
        var created = intake(agent, "路由器无法上网");
        signIn(head, Role.DEPT_HEAD);
        navigate(CaseView.class, java.util.Map.of("id", created.id().toString()));

        test($(Button.class).id("action-override")).click();
        as(head, () -> cases.overrideLevel(created.id(), 2, "大客户", null), Role.DEPT_HEAD);
        test($(TextArea.class).id("override-reason")).setValue("影响业务");
        test($(Button.class).id("override-save")).click();

        assertThat(test($(Notification.class).last()).getText())
                .isEqualTo(UI.getCurrent().getTranslation("error.CONCURRENT_UPDATE"));
        assertThat(as(head, () -> cases.get(created.id()), Role.DEPT_HEAD).grade().overrideReason()).isEqualTo("大客户");
    }

    private java.util.List<String> actionIds() {
        HorizontalLayout bar = $(HorizontalLayout.class).id("case-actions");
        return bar.getChildren().filter(c -> c.isVisible()).map(c -> c.getId().orElse("")).toList();
    }

    @SuppressWarnings("unchecked")
    private Grid<ComplaintCase> gridOfCases() {
        return $(Grid.class).id("cases");
    }

    // ---- the faults found walking the portal (issue 10) ---------------------------------------

    private app.ombud.complaint.CaseFixture fixture() {
        return new app.ombud.complaint.CaseFixture(cases, directory, "V");
    }

    @Test
    void theInboxFindsACustomerByTheLastDigitsOfThePhoneOrByName() {
        var mine = fx.newCase();
        // another customer whose number holds this one's last four digits nowhere (the search matches any part)
        String tail = fx.phone.substring(fx.phone.length() - 4);
        String otherPhone = java.util.stream.IntStream.rangeClosed(0, 9).mapToObj(d -> "137" + String.valueOf(d)
                .repeat(8)).filter(phone -> !phone.contains(tail)).findFirst().orElseThrow();
        var other = as(agent, () -> cases.intake(new CaseIntake(IntakeChannel.HOTLINE, new Customer("李女士", otherPhone,
                null), "别的客户", null, CaseCategory.OTHER, Set.of(), null, false, null)), Role.AGENT);
        signIn(fx.agent, Role.AGENT);
        navigate(CaseInboxView.class);

        test($(TextField.class).id("filter-customer")).setValue(fx.phone.substring(fx.phone.length() - 4));
        assertThat(gridOfCases().getLazyDataView().getItems().map(ComplaintCase::number).toList())
                .containsExactly(mine.number());
        test($(TextField.class).id("filter-customer")).setValue("王先");
        assertThat(gridOfCases().getLazyDataView().getItems().map(ComplaintCase::number).toList())
                .contains(mine.number()).doesNotContain(other.number());
    }

    @Test
    void theIntakeFormSetsTheLevel4FactSmallRequest() {
        signIn(agent, Role.AGENT);
        navigate("cases/new", CaseIntakeView.class);
        test($(TextField.class).id("intake-phone")).setValue(phone);
        test($(TextField.class).id("intake-subject")).setValue("想把纸质账单改为电子账单");
        @SuppressWarnings("unchecked")
        Select<CaseCategory> category = $(Select.class).id("intake-category");
        category.setValue(CaseCategory.OTHER);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.MultiSelectComboBox<app.ombud.policy.CaseFlag> flags =
                $(com.vaadin.flow.component.combobox.MultiSelectComboBox.class).id("intake-flags");
        assertThat(flags.getListDataView().getItems()).contains(app.ombud.policy.CaseFlag.SMALL_REQUEST);
        test(flags).selectItem(UI.getCurrent().getTranslation("case.flag.SMALL_REQUEST"));
        test($(Button.class).id("intake-save")).click();

        var created = ((CaseView) getCurrentView()).current();
        assertThat(created.flags()).containsExactly(app.ombud.policy.CaseFlag.SMALL_REQUEST);
        assertThat(created.grade().level()).isEqualTo(4);
        assertThat(created.grade().matchedCriteria()).containsExactly("L4_SMALL_REQUEST");
    }

    @Test
    void reworkingARejectedResultKeepsADueTimeTheFormCanSave() {
        var rejected = fx.rejected();
        // the plan's due time and the case's deadline have passed by the time the customer rejects
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(rejected.id())),
                new org.springframework.data.mongodb.core.query.Update()
                        .set("plan.due", java.time.Instant.now().minusSeconds(3600))
                        .set("deadlines.resolutionDue", java.time.Instant.now().minusSeconds(60)), "cases");
        signIn(fx.agent, Role.AGENT);
        navigate(CaseView.class, java.util.Map.of("id", rejected.id().toString()));

        test($(Button.class).id("action-plan")).click();
        var due = $(DateTimePicker.class).id("plan-due");
        assertThat(due.getValue()).as("the re-plan form offers a due time").isNotNull();
        assertThat(due.getValue()).isAfterOrEqualTo(due.getMin()).isBeforeOrEqualTo(due.getMax());
        test($(Button.class).id("plan-save")).click();

        var stored = fx.asAgent(() -> cases.get(rejected.id()));
        assertThat(stored.timeline().getLast().action()).isEqualTo("re-planned");
        assertThat(stored.plan().due()).isAfter(java.time.Instant.now());
        assertThat(stored.plan().remedies()).extracting(app.ombud.complaint.ResolutionPlan.Remedy::type)
                .containsExactly(app.ombud.complaint.ResolutionPlan.Type.REPAIR);
    }

    @Test
    void aRePlanBeforeTheResultKeepsThePlansDueTime() {
        var planned = fx.planned();
        signIn(fx.agent, Role.AGENT);
        navigate(CaseView.class, java.util.Map.of("id", planned.id().toString()));
        test($(Button.class).id("action-plan")).click();
        assertThat($(DateTimePicker.class).id("plan-due").getValue()).isEqualTo(LocalDateTime.ofInstant(
                planned.plan().due(), app.ombud.platform.ui.CompanyTime.zone()).withSecond(0).withNano(0));
    }

    @Test
    void theCustomersAnswerIsChosenNotPreselected() {
        var waiting = fx.awaitingAnswer();
        signIn(fx.agent, Role.AGENT);
        navigate(CaseView.class, java.util.Map.of("id", waiting.id().toString()));

        test($(Button.class).id("action-answer")).click();
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.radiobutton.RadioButtonGroup<Boolean> accepted =
                $(com.vaadin.flow.component.radiobutton.RadioButtonGroup.class).id("answer-accepted");
        assertThat(accepted.getValue()).isNull();
        test($(Button.class).id("answer-save")).click();
        assertThat(accepted.isInvalid()).isTrue();
        assertThat(accepted.getErrorMessage()).isEqualTo(UI.getCurrent().getTranslation("case.answer.choose"));
        assertThat(fx.asAgent(() -> cases.get(waiting.id())).status()).isEqualTo(CaseStatus.AWAITING_FEEDBACK);

        accepted.setValue(false);
        test($(Button.class).id("answer-save")).click();
        assertThat(fx.asAgent(() -> cases.get(waiting.id())).reworkCount()).isEqualTo(1);
    }

    @Test
    void archivingAsksForConfirmation() {
        var waiting = fx.awaitingAnswer();
        var closed = fx.asAgent(() -> cases.recordAnswer(waiting.id(), true, 5, null, null));
        signIn(fx.head, Role.DEPT_HEAD);
        navigate(CaseView.class, java.util.Map.of("id", closed.id().toString()));

        test($(Button.class).id("action-archive")).click();
        var confirm = $(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class).id("archive-confirm");
        assertThat(confirm.isOpened()).isTrue();
        assertThat(fx.asHead(() -> cases.get(closed.id())).status()).as("not archived before confirming")
                .isEqualTo(CaseStatus.CLOSED);
        test(confirm).confirm();
        assertThat(fx.asHead(() -> cases.get(closed.id())).status()).isEqualTo(CaseStatus.ARCHIVED);
    }

    /**
     * The case page in zh-CN after a whole life — taken in, dispatched, overridden to level 1 (so
     * the leadership job writes an entry), planned, a file attached, result sent, answered — shows
     * no raw code, no English and no UTC time: not in the timeline's cells, not in any text of the
     * page's tabs.
     */
    @Test
    void theCasePageSpeaksChineseAllTheWay() {
        // a prefix ending in a digit: the department's name never ends in Latin letters a reader would see as English
        var z = new app.ombud.complaint.CaseFixture(cases, directory, "Z1");
        var c = z.dispatched();
        z.asHead(() -> cases.overrideLevel(c.id(), 1, "客户扬言向媒体反映", null));
        z.asAgent(() -> cases.acknowledge(c.id(), null));
        z.asAgent(() -> cases.planResolution(c.id(), new app.ombud.complaint.ResolutionPlan(java.util.List.of(
                new app.ombud.complaint.ResolutionPlan.Remedy(app.ombud.complaint.ResolutionPlan.Type.REPAIR, null, null),
                new app.ombud.complaint.ResolutionPlan.Remedy(app.ombud.complaint.ResolutionPlan.Type.COMPENSATION,
                        new BigDecimal("300"), null)), z.agent, java.time.Instant.now().plusSeconds(86_400), "上门维修"),
                null));
        z.asAgent(() -> cases.attachEvidence(c.id(), "检测报告.txt", "主板故障".getBytes(
                java.nio.charset.StandardCharsets.UTF_8), null));
        z.asAgent(() -> cases.sendResult(c.id(), app.ombud.complaint.Feedback.ResultChannel.CALLBACK, "已上门维修并补偿",
                null));
        var closed = z.asAgent(() -> cases.recordAnswer(c.id(), true, 4, "满意", null));
        assertThat(closed.timeline()).extracting(TimelineEntry::action).contains("graded", "level-overridden",
                "leadership-notified", "planned", "result-sent", "evidence-added", "accepted");

        UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        signIn(z.head, Role.DEPT_HEAD);
        navigate(CaseView.class, java.util.Map.of("id", c.id().toString()));

        @SuppressWarnings("unchecked")
        var timeline = test((Grid<TimelineEntry>) $(Grid.class).id("case-timeline"));
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (int row = 0; row < timeline.size(); row++) {
            for (int column = 0; column < 4; column++) {
                texts.add(timeline.getCellText(row, column));
            }
        }
        var tabs = $(com.vaadin.flow.component.tabs.TabSheet.class).first();
        for (int tab = 0; tab < tabs.getTabCount(); tab++) {
            tabs.setSelectedIndex(tab);
            texts.addAll(textsIn((com.vaadin.flow.component.Component) getCurrentView()));
        }
        assertThat(texts).as("the timeline shows the override's reason and the customer's comment")
                .anySatisfy(t -> assertThat(t).contains("客户扬言向媒体反映"))
                .anySatisfy(t -> assertThat(t).contains("满意"));
        assertThat(texts).allSatisfy(text -> assertThat(app.ombud.support.RawText.in(text)).as(text).isEmpty());
        // times in the company's zone, to the second
        assertThat(timeline.getCellText(0, 0)).isEqualTo(java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm:ss").format(closed.timeline().getFirst().at()
                        .atZone(app.ombud.platform.ui.CompanyTime.zone())));
    }

    /** Every text of the component and its descendants (a component's own text nodes). */
    private static java.util.List<String> textsIn(com.vaadin.flow.component.Component component) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        String own = component.getElement().getText();
        if (!own.isBlank()) {
            texts.add(own);
        }
        component.getChildren().forEach(child -> texts.addAll(textsIn(child)));
        return texts;
    }

    @Test
    void theOverrideDialogOffersOnlyAnotherLevel() {
        var created = intake(agent, "路由器无法上网");
        signIn(head, Role.DEPT_HEAD);
        navigate(CaseView.class, java.util.Map.of("id", created.id().toString()));
        test($(Button.class).id("action-override")).click();
        @SuppressWarnings("unchecked")
        Select<Integer> level = $(Select.class).id("override-level");
        assertThat(level.getValue()).isNull();
        assertThat(level.getListDataView().getItems()).doesNotContain(created.grade().level()).hasSize(3);
    }
}
