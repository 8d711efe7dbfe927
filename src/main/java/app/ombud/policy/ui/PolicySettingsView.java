package app.ombud.policy.ui;

import app.ombud.directory.Department;
import app.ombud.directory.DirectoryService;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.MainLayout;
import app.ombud.policy.CallTestThresholds;
import app.ombud.policy.LocalizedText;
import app.ombud.policy.AutoEscalationForm;
import app.ombud.policy.MessageTemplates;
import app.ombud.policy.OperationsTargets;
import app.ombud.policy.PolicySections;
import app.ombud.policy.PolicyService;
import app.ombud.policy.PolicyVersion;
import app.ombud.policy.ReviewWindows;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Review windows, test-call thresholds (with the satisfied communication rating and the flag after
 * K misses in a row), SMS templates and operations targets: one form and Save each.
 */
@Route(value = "policy/settings", layout = MainLayout.class)
@Menu(title = "policy.settings.title", order = 53, icon = "vaadin:sliders")
@RolesAllowed("ADMIN")
public class PolicySettingsView extends PolicyPage {

    // review windows
    private final IntegerField teamLeadCheckHours = integer("reviewWindows.teamLeadCheckHours");
    private final IntegerField customerReplyHours = integer("reviewWindows.customerReplyHours");
    private final IntegerField followUpDays = integer("reviewWindows.followUpDays");
    private final IntegerField panelVotingWorkingDays = integer("reviewWindows.panelVotingWorkingDays");
    private final IntegerField earlyWarningCount = integer("reviewWindows.earlyWarningCount");
    private final IntegerField earlyWarningDays = integer("reviewWindows.earlyWarningDays");
    private final TextField outOfScopeSources = textField("reviewWindows.outOfScopeSources");
    private final IntegerField appealDays = integer("reviewWindows.appealDays");
    private final IntegerField panelQuorum = integer("reviewWindows.panelQuorum");
    private final IntegerField panelReminderHours = integer("reviewWindows.panelReminderHours");
    private final TextField dutyChiefEmployeeIds = textField("reviewWindows.dutyChiefEmployeeIds");
    private final TextField windowsComment = comment();
    // call-test thresholds
    private final BigDecimalField onSpotResolutionRateMin = decimal("callTestThresholds.onSpotResolutionRateMin");
    private final BigDecimalField followUpOnTimeRateMin = decimal("callTestThresholds.followUpOnTimeRateMin");
    private final IntegerField ringsBeforeAnswerMax = integer("callTestThresholds.ringsBeforeAnswerMax");
    private final IntegerField onlineFirstReplyMinutesMax = integer("callTestThresholds.onlineFirstReplyMinutesMax");
    private final BigDecimalField communicationSatisfactionRateMin =
            decimal("callTestThresholds.communicationSatisfactionRateMin");
    private final BigDecimalField knowledgeErrorRateMax = decimal("callTestThresholds.knowledgeErrorRateMax");
    private final IntegerField communicationSatisfiedRating = integer("callTestThresholds.communicationSatisfiedRating");
    private final IntegerField consecutiveMissesToFlag = integer("callTestThresholds.consecutiveMissesToFlag");
    private final TextField thresholdsComment = comment();
    // templates
    private final TextArea reviewReplyZh = area("templates.reviewReplyZh");
    private final TextArea reviewReplyEn = area("templates.reviewReplyEn");
    private final TextArea acknowledgementZh = area("templates.acknowledgementZh");
    private final TextArea acknowledgementEn = area("templates.acknowledgementEn");
    private final TextField verdictWords = textField("templates.verdictWords");
    private final TextField hotline = textField("templates.hotline");
    private final TextField phoneTaskSubject = textField("templates.phoneTaskSubject");
    private final TextArea phoneTaskBody = area("templates.phoneTaskBody");
    /** The automatic escalation form's texts (progress, deadlineBreached, rejectedAgain, proposal), Chinese then English. */
    private final List<TextArea> autoEscalation = Stream.of("progress", "deadlineBreached", "rejectedAgain", "proposal")
            .flatMap(text -> Stream.of(text + "Zh", text + "En")).map(text -> area("templates.autoEscalation." + text))
            .toList();
    private final TextField templatesComment = comment();
    // operations
    private final IntegerField callsPerAgentPerDay = integer("operations.callsPerAgentPerDay");
    private final IntegerField commonQuestionMinutes = integer("operations.commonQuestionMinutes");
    private final BigDecimalField occupancyMin = decimal("operations.occupancyMin");
    private final BigDecimalField occupancyMax = decimal("operations.occupancyMax");
    private final IntegerField onSiteHoursContract = integer("operations.onSiteHoursContract");
    private final IntegerField onSiteHoursOther = integer("operations.onSiteHoursOther");
    private final IntegerField escalationApprovalWorkingDays = integer("operations.escalationApprovalWorkingDays");
    private final ComboBox<Department> escalationDepartment = new ComboBox<>();
    private final TextField operationsComment = comment();

    public PolicySettingsView(PolicyService policies, DirectoryService directory) {
        super(policies, "policy.settings.title");
        escalationDepartment.setLabel(getTranslation("policy.settings.operations.escalationDepartmentId"));
        escalationDepartment.setHelperText(getTranslation("policy.settings.operations.escalationDepartmentId.help"));
        escalationDepartment.setId("operations-escalationDepartmentId");
        escalationDepartment.setItems(directory.allDepartments());
        escalationDepartment.setItemLabelGenerator(Department::name);
        escalationDepartment.setClearButtonVisible(true);
        add(versionInfo);
        add(section("reviewWindows", windowsComment, this::saveWindows, teamLeadCheckHours, customerReplyHours,
                followUpDays, panelVotingWorkingDays, earlyWarningCount, earlyWarningDays, outOfScopeSources,
                appealDays, panelQuorum, panelReminderHours, dutyChiefEmployeeIds));
        add(section("callTestThresholds", thresholdsComment, this::saveThresholds, onSpotResolutionRateMin,
                followUpOnTimeRateMin, ringsBeforeAnswerMax, onlineFirstReplyMinutesMax,
                communicationSatisfactionRateMin, knowledgeErrorRateMax, communicationSatisfiedRating,
                consecutiveMissesToFlag));
        var placeholders = new Paragraph(getTranslation("policy.templates.placeholders",
                String.join(" ", new TreeSet<>(MessageTemplates.ALLOWED).stream().map(p -> "{" + p + "}").toList())));
        placeholders.addClassName("ombud-muted");
        var verdictNote = new Paragraph(getTranslation("policy.templates.verdictNote"));
        verdictNote.addClassName("ombud-muted");
        autoEscalation.forEach(area -> area.setHelperText(getTranslation("policy.templates.autoEscalation.placeholders",
                String.join(" ", new TreeSet<>(AutoEscalationForm.PLACEHOLDERS).stream().map(p -> "{" + p + "}")
                        .toList()))));
        var templates = section("templates", templatesComment, this::saveTemplates, Stream.concat(Stream.of(
                reviewReplyZh, reviewReplyEn, acknowledgementZh, acknowledgementEn, verdictWords, hotline,
                phoneTaskSubject, phoneTaskBody), autoEscalation.stream()).toArray(Component[]::new));
        templates.addComponentAtIndex(1, placeholders);
        templates.addComponentAtIndex(2, verdictNote);
        add(templates);
        add(section("operations", operationsComment, this::saveOperations, callsPerAgentPerDay,
                commonQuestionMinutes, occupancyMin, occupancyMax, onSiteHoursContract, onSiteHoursOther,
                escalationApprovalWorkingDays, escalationDepartment));

        String[] windows = {"teamLeadCheckHours", "customerReplyHours", "followUpDays", "panelVotingWorkingDays",
            "earlyWarningCount", "earlyWarningDays", "appealDays", "panelQuorum", "panelReminderHours"};
        IntegerField[] windowFields = {teamLeadCheckHours, customerReplyHours, followUpDays, panelVotingWorkingDays,
            earlyWarningCount, earlyWarningDays, appealDays, panelQuorum, panelReminderHours};
        for (int i = 0; i < windows.length; i++) {
            field(windows[i], windowFields[i]);
        }
        field("onSpotResolutionRateMin", onSpotResolutionRateMin);
        field("followUpOnTimeRateMin", followUpOnTimeRateMin);
        field("ringsBeforeAnswerMax", ringsBeforeAnswerMax);
        field("onlineFirstReplyMinutesMax", onlineFirstReplyMinutesMax);
        field("communicationSatisfactionRateMin", communicationSatisfactionRateMin);
        field("knowledgeErrorRateMax", knowledgeErrorRateMax);
        field("communicationSatisfiedRating", communicationSatisfiedRating);
        field("consecutiveMissesToFlag", consecutiveMissesToFlag);
        field("reviewReply", reviewReplyZh);
        field("reviewReply.zh", reviewReplyZh);
        field("reviewReply.en", reviewReplyEn);
        field("acknowledgement", acknowledgementZh);
        field("acknowledgement.zh", acknowledgementZh);
        field("acknowledgement.en", acknowledgementEn);
        field("outOfScopeSources", outOfScopeSources);
        field("verdictWords", verdictWords);
        field("hotline", hotline);
        field("phoneTaskSubject", phoneTaskSubject);
        field("phoneTaskBody", phoneTaskBody);
        phoneTaskSubject.setMaxLength(Kind.NAME.maxLength());
        phoneTaskBody.setMaxLength(Kind.MESSAGE.maxLength());
        phoneTaskBody.setHelperText(getTranslation("policy.templates.phoneTask.placeholders"));
        String[] autoTexts = {"progress", "deadlineBreached", "rejectedAgain", "proposal"};
        for (int i = 0; i < autoTexts.length; i++) {
            field("autoEscalation." + autoTexts[i], autoEscalation.get(2 * i));
            field("autoEscalation." + autoTexts[i] + ".zh", autoEscalation.get(2 * i));
            field("autoEscalation." + autoTexts[i] + ".en", autoEscalation.get(2 * i + 1));
        }
        hotline.setMaxLength(Kind.PHONE.maxLength());
        field("dutyChiefEmployeeIds", dutyChiefEmployeeIds);
        field("callsPerAgentPerDay", callsPerAgentPerDay);
        field("commonQuestionMinutes", commonQuestionMinutes);
        field("occupancyMin", occupancyMin);
        field("occupancyMax", occupancyMax);
        field("onSiteHoursContract", onSiteHoursContract);
        field("onSiteHoursOther", onSiteHoursOther);
        field("escalationApprovalWorkingDays", escalationApprovalWorkingDays);
        field("escalationDepartmentId", escalationDepartment);
        reload();
    }

    @Override
    protected void fill(PolicyVersion version) {
        var content = version.content();
        ReviewWindows w = content.reviewWindows();
        teamLeadCheckHours.setValue(w.teamLeadCheckHours());
        customerReplyHours.setValue(w.customerReplyHours());
        followUpDays.setValue(w.followUpDays());
        panelVotingWorkingDays.setValue(w.panelVotingWorkingDays());
        earlyWarningCount.setValue(w.earlyWarningCount());
        earlyWarningDays.setValue(w.earlyWarningDays());
        outOfScopeSources.setValue(String.join(", ", w.outOfScopeSources()));
        appealDays.setValue(w.appealDays());
        panelQuorum.setValue(w.panelQuorum());
        panelReminderHours.setValue(w.panelReminderHours());
        dutyChiefEmployeeIds.setValue(String.join(", ", w.dutyChiefEmployeeIds()));
        CallTestThresholds t = content.callTestThresholds();
        onSpotResolutionRateMin.setValue(t.onSpotResolutionRateMin());
        followUpOnTimeRateMin.setValue(t.followUpOnTimeRateMin());
        ringsBeforeAnswerMax.setValue(t.ringsBeforeAnswerMax());
        onlineFirstReplyMinutesMax.setValue(t.onlineFirstReplyMinutesMax());
        communicationSatisfactionRateMin.setValue(t.communicationSatisfactionRateMin());
        knowledgeErrorRateMax.setValue(t.knowledgeErrorRateMax());
        communicationSatisfiedRating.setValue(t.communicationSatisfiedRating());
        consecutiveMissesToFlag.setValue(t.consecutiveMissesToFlag());
        MessageTemplates m = content.templates();
        reviewReplyZh.setValue(text(m.reviewReply() == null ? null : m.reviewReply().zh()));
        reviewReplyEn.setValue(text(m.reviewReply() == null ? null : m.reviewReply().en()));
        acknowledgementZh.setValue(text(m.acknowledgement() == null ? null : m.acknowledgement().zh()));
        acknowledgementEn.setValue(text(m.acknowledgement() == null ? null : m.acknowledgement().en()));
        verdictWords.setValue(String.join(", ", m.verdictWords()));
        hotline.setValue(m.hotline());
        phoneTaskSubject.setValue(m.phoneTaskSubject());
        phoneTaskBody.setValue(m.phoneTaskBody());
        var auto = m.autoEscalation();
        List<LocalizedText> autoTexts = List.of(auto.progress(), auto.deadlineBreached(), auto.rejectedAgain(),
                auto.proposal());
        for (int i = 0; i < autoTexts.size(); i++) {
            autoEscalation.get(2 * i).setValue(text(autoTexts.get(i).zh()));
            autoEscalation.get(2 * i + 1).setValue(text(autoTexts.get(i).en()));
        }
        OperationsTargets o = content.operations();
        callsPerAgentPerDay.setValue(o.callsPerAgentPerDay());
        commonQuestionMinutes.setValue(o.commonQuestionMinutes());
        occupancyMin.setValue(o.occupancyMin());
        occupancyMax.setValue(o.occupancyMax());
        onSiteHoursContract.setValue(o.onSiteHoursContract());
        onSiteHoursOther.setValue(o.onSiteHoursOther());
        escalationApprovalWorkingDays.setValue(o.escalationApprovalWorkingDays());
        escalationDepartment.setValue(o.escalationDepartmentId() == null ? null : escalationDepartment
                .getListDataView().getItems().filter(d -> d.id().equals(o.escalationDepartmentId())).findFirst()
                .orElse(null));
        for (TextField comment : List.of(windowsComment, thresholdsComment, templatesComment, operationsComment)) {
            comment.clear();
        }
    }

    private void saveWindows() {
        save(() -> policies.update(PolicySections.REVIEW_WINDOWS, base.number(),
                new ReviewWindows(number(teamLeadCheckHours), number(customerReplyHours), number(followUpDays),
                        number(panelVotingWorkingDays), number(earlyWarningCount), number(earlyWarningDays),
                        split(outOfScopeSources.getValue()), number(appealDays), number(panelQuorum),
                        split(dutyChiefEmployeeIds.getValue()), number(panelReminderHours)),
                windowsComment.getValue()));
    }

    private void saveThresholds() {
        save(() -> policies.update(PolicySections.CALL_TEST_THRESHOLDS, base.number(),
                new CallTestThresholds(onSpotResolutionRateMin.getValue(), followUpOnTimeRateMin.getValue(),
                        number(ringsBeforeAnswerMax), number(onlineFirstReplyMinutesMax),
                        communicationSatisfactionRateMin.getValue(), knowledgeErrorRateMax.getValue(),
                        number(communicationSatisfiedRating), number(consecutiveMissesToFlag)),
                thresholdsComment.getValue()));
    }

    private void saveTemplates() {
        save(() -> policies.update(PolicySections.TEMPLATES, base.number(),
                new MessageTemplates(LocalizedText.of(reviewReplyZh.getValue(), reviewReplyEn.getValue()),
                        LocalizedText.of(acknowledgementZh.getValue(), acknowledgementEn.getValue()),
                        split(verdictWords.getValue()), hotline.getValue(), new AutoEscalationForm(autoText(0),
                                autoText(1), autoText(2), autoText(3)), phoneTaskSubject.getValue(),
                        phoneTaskBody.getValue()),
                templatesComment.getValue()));
    }

    private void saveOperations() {
        save(() -> policies.update(PolicySections.OPERATIONS, base.number(),
                new OperationsTargets(number(callsPerAgentPerDay), number(commonQuestionMinutes),
                        occupancyMin.getValue(), occupancyMax.getValue(), number(onSiteHoursContract),
                        number(onSiteHoursOther), number(escalationApprovalWorkingDays),
                        escalationDepartment.getValue() == null ? null : escalationDepartment.getValue().id()),
                operationsComment.getValue()));
    }

    private VerticalLayout section(String name, TextField comment, Runnable save, Component... fields) {
        var form = new FormLayout(fields);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        comment.setId(name + "-comment");
        var actions = new HorizontalLayout(comment, saveButton(name + "-save", save));
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        var box = new VerticalLayout(new H3(getTranslation("policy.section." + name)), form, actions);
        box.addClassName("ombud-policy-section");
        box.setPadding(false);
        box.setId("section-" + name);
        return box;
    }

    private IntegerField integer(String key) {
        var field = new IntegerField(getTranslation("policy.settings." + key));
        field.setId(key.replace('.', '-'));
        return field;
    }

    private BigDecimalField decimal(String key) {
        var field = new BigDecimalField(getTranslation("policy.settings." + key));
        field.setId(key.replace('.', '-'));
        return field;
    }

    private TextField textField(String key) {
        var field = new TextField(getTranslation("policy.settings." + key));
        field.setId(key.replace('.', '-'));
        return field;
    }

    /** The {@code i}-th text of the automatic escalation form as entered. */
    private LocalizedText autoText(int i) {
        return LocalizedText.of(autoEscalation.get(2 * i).getValue(), autoEscalation.get(2 * i + 1).getValue());
    }

    private TextArea area(String key) {
        var field = new TextArea(getTranslation("policy.settings." + key));
        field.setId(key.replace('.', '-'));
        field.setMaxLength(Kind.MESSAGE.maxLength());
        return field;
    }

    private static int number(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }

    private static List<String> split(String value) {
        return Arrays.stream(value == null ? new String[0] : value.split("[,，;、]+")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
