package app.ombud.review.ui;

import app.ombud.directory.DirectoryService;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.policy.PolicyService;
import app.ombud.policy.RoutingRule;
import app.ombud.review.Review;
import app.ombud.review.WorkOrders;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/**
 * The review team registers complaints that partner lines transfer in about front-desk staff —
 * one by one (SPEC §5): the work order plus the line it came from (the policy's notified routing
 * groups). After each one the form offers the next, keeping the line.
 */
@Route("reviews/transfer")
@RolesAllowed({"REVIEWER", "WHITELIST_OWNER"})
public class TransferInView extends VerticalLayout implements HasDynamicTitle {

    private final WorkOrders reviews;
    final Select<RoutingRule> fromLine = new Select<>();
    final WorkOrderFields fields;
    final Button save = new Button();
    final Span registered = new Span();
    final Button open = new Button();
    final Button next = new Button();
    private Review last;
    /** One key per registration: however often it is sent, one review is registered. */
    private IdempotencyKey submission = IdempotencyKey.random();

    public TransferInView(WorkOrders reviews, PolicyService policies, DirectoryService directory, Clock clock) {
        this.reviews = reviews;
        addClassName("ombud-view");
        fields = new WorkOrderFields(policies, directory, clock);
        fields.submitter.setValue(CurrentActor.required().employeeId() == null ? ""
                : CurrentActor.required().employeeId());
        fields.submitter.setHelperText(t("review.form.transfer.submitterHint"));

        fromLine.setLabel(t("review.form.fromLine"));
        fromLine.setItems(policies.current().content().routing().rules().stream()
                .filter(r -> r.mode() == RoutingRule.HandlingMode.NOTIFY_BY_CALL).toList());
        fromLine.setItemLabelGenerator(r -> (r.name() == null ? r.group() : r.name().in(getLocale()))
                + (r.notifyNumber() == null ? "" : " (" + r.notifyNumber() + ")"));
        fromLine.setRequiredIndicatorVisible(true);
        fromLine.setId("transfer-line");
        fields.addComponentAsFirst(fromLine);
        fields.errorsOn("fromLine", fromLine);

        var hint = new Paragraph(t("review.form.transfer.hint"));
        hint.addClassName("ombud-muted");
        save.setText(t("review.form.transfer.save"));
        save.setId("transfer-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(click -> save());
        registered.setId("transfer-registered");
        open.setId("transfer-open");
        open.addClickListener(click -> getUI().ifPresent(ui -> ui.navigate("reviews/" + last.id())));
        next.setText(t("review.form.transfer.next"));
        next.setId("transfer-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.addClickListener(click -> startNext());
        var done = new HorizontalLayout(registered, open, next);
        done.setAlignItems(Alignment.BASELINE);
        done.addClassName("ombud-toolbar");
        var back = new Button(t("common.cancel"), click -> getUI().ifPresent(ui -> ui.navigate(ReviewTeamView.class)));
        add(new H2(t("review.form.transfer.title")), hint, fields, new HorizontalLayout(save, back), done);
        showDone(false);
    }

    private void save() {
        fields.clearErrors();
        try {
            last = reviews.registerTransfer(fields.value(),
                    fromLine.getValue() == null ? null : fromLine.getValue().group(), submission);
            registered.setText(t("review.form.transfer.registered", last.number()));
            open.setText(t("review.form.transfer.open", last.number()));
            showDone(true);
        } catch (OmbudException e) {
            fields.show(e);
            save.setEnabled(true);
        }
    }

    /** The next complaint of the same line: an empty work order, sent with a key of its own. */
    private void startNext() {
        submission = IdempotencyKey.random();
        fields.clear();
        showDone(false);
        fields.callerNumber.focus();
    }

    /** After a registration the form is locked until the next one starts, so nothing is registered twice. */
    private void showDone(boolean done) {
        registered.getParent().ifPresent(row -> row.setVisible(done));
        fields.setEnabled(!done);
        save.setEnabled(!done);
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String getPageTitle() {
        return t("review.form.transfer.title");
    }
}
