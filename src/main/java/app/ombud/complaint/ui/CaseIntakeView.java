package app.ombud.complaint.ui;

import app.ombud.complaint.CaseIntake;
import app.ombud.complaint.ComplaintService;
import app.ombud.complaint.Customer;
import app.ombud.complaint.IntakeChannel;
import app.ombud.complaint.internal.CaseRules;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.DateLimits;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.SubmitButton;
import app.ombud.platform.ui.Toasts;
import app.ombud.policy.CaseCategory;
import app.ombud.policy.CaseFlag;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Map;

/** Takes in a complaint from any channel; the service validates, numbers and grades it. */
@Route("cases/new")
@RolesAllowed({"AGENT", "TEAM_LEAD", "DEPT_HEAD", "LEADERSHIP", "ADMIN"})
public class CaseIntakeView extends VerticalLayout implements HasDynamicTitle {

    final Select<IntakeChannel> channel = new Select<>();
    final TextField name = new TextField();
    final TextField phone = new TextField();
    final TextField account = new TextField();
    final TextField subject = new TextField();
    final TextArea description = new TextArea();
    final Select<CaseCategory> category = new Select<>();
    final MultiSelectComboBox<CaseFlag> flags = new MultiSelectComboBox<>();
    final BigDecimalField compensation = new BigDecimalField();
    final Checkbox urgent = new Checkbox();
    final DateTimePicker received = new DateTimePicker();

    private final ComplaintService cases;
    /** One key per opening of the form: however often it is sent, one case is taken in. */
    private final IdempotencyKey submission = IdempotencyKey.random();

    public CaseIntakeView(ComplaintService cases, Clock clock) {
        this.cases = cases;
        addClassName("ombud-view");

        channel.setLabel(t("case.channel"));
        channel.setItems(IntakeChannel.values());
        channel.setItemLabelGenerator(c -> t("case.channel." + c));
        channel.setValue(IntakeChannel.HOTLINE);
        channel.setId("intake-channel");
        name.setMaxLength(Kind.NAME.maxLength());
        phone.setMaxLength(Kind.PHONE.maxLength());
        account.setMaxLength(Kind.CODE.maxLength());
        subject.setMaxLength(Kind.LINE.maxLength());
        description.setMaxLength(Kind.TEXT.maxLength());
        name.setLabel(t("case.customer.name"));
        name.setId("intake-name");
        phone.setLabel(t("case.customer.phone"));
        phone.setId("intake-phone");
        account.setLabel(t("case.customer.account"));
        account.setId("intake-account");
        subject.setLabel(t("case.subject"));
        subject.setRequiredIndicatorVisible(true);
        subject.setId("intake-subject");
        description.setLabel(t("case.description"));
        description.setId("intake-description");
        category.setLabel(t("case.category"));
        category.setItems(CaseCategory.values());
        category.setItemLabelGenerator(c -> t("case.category." + c));
        category.setRequiredIndicatorVisible(true);
        category.setId("intake-category");
        flags.setLabel(t("case.flags"));
        flags.setItems(CaseFlag.values());
        flags.setItemLabelGenerator(f -> t("case.flag." + f));
        flags.setId("intake-flags");
        compensation.setLabel(t("case.compensation"));
        compensation.setId("intake-compensation");
        urgent.setLabel(t("case.urgent"));
        urgent.setId("intake-urgent");
        received.setLabel(t("case.received"));
        received.setValue(LocalDateTime.ofInstant(clock.instant(), CompanyTime.zone()).withNano(0));
        received.setId("intake-received");
        DateLimits.past(received, clock, CaseRules.MAX_BACKDATING);

        var form = new FormLayout(channel, category, name, phone, account, subject, description, flags, compensation,
                received, urgent);
        form.setColspan(subject, 2);
        form.setColspan(description, 2);
        form.setColspan(flags, 2);

        var save = SubmitButton.of(t("case.intake.save"), "intake-save", this::save);
        var cancel = new Button(t("common.cancel"), click -> getUI().ifPresent(ui -> ui.navigate(CaseInboxView.class)));
        add(form, new HorizontalLayout(save, cancel));
    }

    private void save() {
        for (HasValidation field : new HasValidation[] {channel, name, phone, account, subject, description, category,
                flags, compensation, received}) {
            field.setInvalid(false);
        }
        try {
            var input = new CaseIntake(channel.getValue(), new Customer(blank(name.getValue()), blank(phone.getValue()),
                    blank(account.getValue())), subject.getValue(), description.getValue(), category.getValue(),
                    flags.getValue() == null || flags.getValue().isEmpty() ? EnumSet.noneOf(CaseFlag.class)
                            : EnumSet.copyOf(flags.getValue()), compensation.getValue(), urgent.getValue(),
                    received.getValue() == null ? null : received.getValue().atZone(CompanyTime.zone()).toInstant());
            var created = cases.intake(input, submission);
            var grade = created.grade();
            Toasts.success(t("case.intake.done", created.number(), grade.suggestedLevel(),
                    grade.matchedCriteria().isEmpty() ? t("case.grade.fallback") : String.join(", ",
                            grade.matchedCriteria())));
            getUI().ifPresent(ui -> ui.navigate("cases/" + created.id()));
        } catch (OmbudException e) {
            showError(e);
        }
    }

    private void showError(OmbudException e) {
        String message = Toasts.message(e);
        Map<String, HasValidation> fields = Map.ofEntries(Map.entry("channel", channel), Map.entry("subject", subject),
                Map.entry("description", description), Map.entry("category", category), Map.entry("flags", flags),
                Map.entry("compensationAsked", compensation), Map.entry("receivedAt", received),
                Map.entry("customer", phone), Map.entry("customer.phone", phone), Map.entry("customer.name", name),
                Map.entry("customer.account", account));
        var field = e.field() == null ? null : fields.get(e.field());
        if (field == null && "CUSTOMER_CONTACT_REQUIRED".equals(e.code())) {
            field = phone;
        }
        if (field == null) {
            Toasts.error(message);
        } else {
            field.setErrorMessage(message);
            field.setInvalid(true);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String getPageTitle() {
        return t("case.intake.title");
    }
}
