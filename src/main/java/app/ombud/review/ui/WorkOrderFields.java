package app.ombud.review.ui;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.DateLimits;
import app.ombud.platform.ui.FieldErrors;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.policy.PolicyService;
import app.ombud.policy.RouteResult;
import app.ombud.review.DemandKind;
import app.ombud.review.WorkOrder;
import app.ombud.review.internal.WorkOrderRules;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The fields of a work order (工单要素), shared by the agent's form and the review team's
 * registration of transferred complaints: while the accused employee ID is typed, the hint says
 * where the policy in force routes it and whom the directory knows by that ID. Errors of the
 * service land on the field they name.
 */
class WorkOrderFields extends FormLayout {

    /** The hotline the complaints usually come in on. */
    static final String DEFAULT_SOURCE = "10010";

    final TextField submitter = new TextField();
    final TextField callerNumber = new TextField();
    final DateTimePicker callAt = new DateTimePicker();
    final TextField contactNumber = new TextField();
    final TextArea complaint = new TextArea();
    final TextArea demand = new TextArea();
    final RadioButtonGroup<DemandKind> demandKind = new RadioButtonGroup<>();
    final TextField accused = new TextField();
    final Span routingHint = new Span();
    final TextField source = new TextField();
    final TextField topic = new TextField();

    private final PolicyService policies;
    private final DirectoryService directory;
    private final FieldErrors errors = new FieldErrors();

    WorkOrderFields(PolicyService policies, DirectoryService directory, Clock clock) {
        this.policies = policies;
        this.directory = directory;
        submitter.setMaxLength(Kind.EMPLOYEE_ID.maxLength());
        callerNumber.setMaxLength(Kind.PHONE.maxLength());
        contactNumber.setMaxLength(Kind.PHONE.maxLength());
        complaint.setMaxLength(Kind.TEXT.maxLength());
        demand.setMaxLength(Kind.NOTE.maxLength());
        accused.setMaxLength(Kind.EMPLOYEE_ID.maxLength());
        source.setMaxLength(Kind.CODE.maxLength());
        topic.setMaxLength(Kind.NAME.maxLength());
        DateLimits.past(callAt, clock, WorkOrderRules.MAX_CALL_AGE);
        submitter.setLabel(t("review.form.submitter"));
        submitter.setId("wo-submitter");
        callerNumber.setLabel(t("review.form.callerNumber"));
        callerNumber.setHelperText(t("review.form.callerNumber.hint"));
        callerNumber.setId("wo-caller");
        callAt.setLabel(t("review.form.callAt"));
        callAt.setId("wo-call-at");
        contactNumber.setLabel(t("review.form.contactNumber"));
        contactNumber.setId("wo-contact");
        complaint.setLabel(t("review.form.complaint"));
        complaint.setId("wo-complaint");
        demand.setLabel(t("review.form.demand"));
        demand.setId("wo-demand");
        demandKind.setLabel(t("review.form.demandKind"));
        demandKind.setItems(DemandKind.values());
        demandKind.setItemLabelGenerator(k -> t("review.demandKind." + k));
        demandKind.setId("wo-demand-kind");
        accused.setLabel(t("review.form.accused"));
        accused.setId("wo-accused");
        accused.setValueChangeMode(ValueChangeMode.LAZY);
        accused.addValueChangeListener(change -> showRoute());
        routingHint.setId("wo-routing-hint");
        routingHint.addClassName("ombud-muted");
        source.setLabel(t("review.form.source"));
        source.setId("wo-source");
        List<String> outOfScope = policies.current().content().reviewWindows().outOfScopeSources();
        source.setHelperText(outOfScope.isEmpty() ? t("review.form.source.hint")
                : t("review.form.source.hintOutOfScope", String.join(", ", outOfScope)));
        topic.setLabel(t("review.form.topic"));
        topic.setHelperText(t("review.form.topic.hint"));
        topic.setId("wo-topic");
        for (var field : List.of(submitter, callerNumber, contactNumber, accused, source, topic)) {
            field.setRequiredIndicatorVisible(field != topic);
        }
        complaint.setRequiredIndicatorVisible(true);
        demand.setRequiredIndicatorVisible(true);
        demandKind.setRequiredIndicatorVisible(true);

        add(submitter, callerNumber, callAt, contactNumber, complaint, demand, demandKind, accused, routingHint, source,
                topic);
        setColspan(complaint, 2);
        setColspan(demand, 2);
        setColspan(routingHint, 2);
        errorsOn("submitterEmployeeId", submitter).errorsOn("callerNumber", callerNumber).errorsOn("callAt", callAt)
                .errorsOn("contactNumber", contactNumber).errorsOn("complaint", complaint).errorsOn("demand", demand)
                .errorsOn("demandKind", demandKind).errorsOn("accusedEmployeeId", accused).errorsOn("source", source)
                .errorsOn("topic", topic);
        clear();
    }

    /** Another field of the page whose errors the service names by {@code field}. */
    WorkOrderFields errorsOn(String field, HasValidation component) {
        errors.on(field, component);
        return this;
    }

    /** The work order as entered; the service trims and validates it. */
    WorkOrder value() {
        return new WorkOrder(submitter.getValue(), callerNumber.getValue(),
                callAt.getValue() == null ? null : callAt.getValue().atZone(CompanyTime.zone()).toInstant(),
                contactNumber.getValue(), complaint.getValue(), demand.getValue(), demandKind.getValue(),
                accused.getValue(), source.getValue(), topic.getValue());
    }

    void fill(WorkOrder order) {
        submitter.setValue(nonNull(order.submitterEmployeeId()));
        callerNumber.setValue(nonNull(order.callerNumber()));
        callAt.setValue(order.callAt() == null ? null
                : LocalDateTime.ofInstant(order.callAt(), CompanyTime.zone()).withNano(0));
        contactNumber.setValue(nonNull(order.contactNumber()));
        complaint.setValue(nonNull(order.complaint()));
        demand.setValue(nonNull(order.demand()));
        demandKind.setValue(order.demandKind());
        accused.setValue(nonNull(order.accusedEmployeeId()));
        source.setValue(order.source() == null ? DEFAULT_SOURCE : order.source());
        topic.setValue(nonNull(order.topic()));
        showRoute();
    }

    /** Empties the work order for the next one; the submitter stays. */
    void clear() {
        for (var field : List.of(callerNumber, contactNumber, accused, topic)) {
            field.clear();
        }
        callAt.clear();
        complaint.clear();
        demand.clear();
        demandKind.clear();
        source.setValue(DEFAULT_SOURCE);
        clearErrors();
        showRoute();
    }

    void clearErrors() {
        errors.clear();
    }

    /** The service's error next to the field it names, or as a toast. */
    void show(OmbudException e) {
        errors.show(e);
    }

    /** Where the policy in force sends a review about the typed ID, and who that is. */
    private void showRoute() {
        String id = accused.getValue() == null ? "" : accused.getValue().strip();
        if (id.isEmpty()) {
            routingHint.setText("");
            return;
        }
        RouteResult result = policies.routeEmployee(id);
        String route = result.routed()
                ? t("review.form.routesTo", result.rule().name() == null ? result.rule().group()
                        : result.rule().name().in(getLocale()), t("review.mode." + result.rule().mode()))
                : t("review.form.unrouted");
        String person = directory.personByEmployeeId(id).map(Person::name)
                .map(name -> " · " + t("review.form.accusedIs", name)).orElse("");
        routingHint.setText(route + person);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }
}
