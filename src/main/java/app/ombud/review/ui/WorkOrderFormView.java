package app.ombud.review.ui;

import app.ombud.directory.DirectoryService;
import app.ombud.platform.Actor;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.Toasts;
import app.ombud.policy.PolicyService;
import app.ombud.review.Review;
import app.ombud.review.ReviewQueries;
import app.ombud.review.ReviewReturn;
import app.ombud.review.ReviewStep;
import app.ombud.review.WorkOrders;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.UUID;

/**
 * The work order an agent submits about a colleague's service (SPEC §5), in their own name (team
 * leads and admins may name the employee). With {@code ?resubmit=<review ID>} it completes a work
 * order the team lead returned: prefilled, with the team lead's note, and saved as a resubmission.
 */
@Route("reviews/new")
@Menu(title = "nav.reviews.new", order = 19, icon = "vaadin:file-add")
@RolesAllowed({"AGENT", "TEAM_LEAD", "ADMIN"})
public class WorkOrderFormView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String RESUBMIT = "resubmit";

    private final WorkOrders workOrders;
    private final ReviewQueries reviews;
    final WorkOrderFields fields;
    final H2 title = new H2();
    final Paragraph returnNote = new Paragraph();
    final Button save = new Button();
    /** One key per opening of the form: however often it is sent, one work order is submitted. */
    private final IdempotencyKey submission = IdempotencyKey.random();
    /** The returned review being completed; null for a new work order. */
    private Review returned;

    public WorkOrderFormView(WorkOrders workOrders, ReviewQueries reviews, PolicyService policies, DirectoryService directory,
            Clock clock) {
        this.workOrders = workOrders;
        this.reviews = reviews;
        addClassName("ombud-view");
        fields = new WorkOrderFields(policies, directory, clock);
        title.setId("wo-title");
        returnNote.setId("wo-return-note");
        returnNote.addClassName("ombud-muted");
        returnNote.setVisible(false);
        save.setId("wo-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(click -> save());
        var cancel = new Button(t("common.cancel"), click -> getUI().ifPresent(ui -> ui.getPage().getHistory().back()));
        add(title, returnNote, fields, new HorizontalLayout(save, cancel));
    }

    /**
     * Opens the form to complete the returned review. The query goes separately: a location
     * string with "?" is not parsed by {@code UI.navigate(String)}.
     */
    static void openResubmit(UI ui, UUID reviewId) {
        ui.navigate(WorkOrderFormView.class, QueryParameters.of(RESUBMIT, reviewId.toString()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var wanted = event.getLocation().getQueryParameters().getSingleParameter(RESUBMIT);
        // the router keeps this view when only the query changes: start each visit afresh
        returned = null;
        showNew();
        if (wanted.isEmpty()) {
            return;
        }
        UUID id;
        try {
            id = UUID.fromString(wanted.get());
        } catch (IllegalArgumentException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        try {
            showReturned(reviews.get(id), reviews.allowedSteps(id).contains(ReviewStep.RESUBMIT));
        } catch (OmbudException e) {
            fields.setVisible(false);
            save.setVisible(false);
            returnNote.setVisible(true);
            returnNote.setText(Toasts.message(e));
        }
    }

    private void showNew() {
        title.setText(t("review.form.title"));
        save.setText(t("review.form.submit"));
        save.setVisible(true);
        returnNote.setVisible(false);
        fields.setVisible(true);
        fields.clear();
        Actor actor = CurrentActor.required();
        fields.submitter.setValue(actor.employeeId() == null ? "" : actor.employeeId());
        fields.submitter.setReadOnly(!actor.hasAny(Role.TEAM_LEAD, Role.ADMIN));
    }

    private void showReturned(Review review, boolean resubmittable) {
        returned = review;
        title.setText(t("review.form.resubmitTitle", review.number()));
        save.setText(t("review.form.resubmit"));
        fields.fill(review.workOrder());
        // the submitter of a returned work order stays the one who submitted it
        fields.submitter.setReadOnly(true);
        ReviewReturn last = review.returns().isEmpty() ? null : review.returns().getLast();
        returnNote.setVisible(true);
        returnNote.setText(last == null ? "" : t("review.form.returnNote", nonNull(last.byName(), last.by()),
                CompanyTime.time(last.at()), last.note() == null ? "" : last.note()));
        if (!resubmittable) {
            save.setVisible(false);
            returnNote.setText(t("review.form.notResubmittable", review.number(),
                    t("review.status." + review.status())));
        }
    }

    private void save() {
        fields.clearErrors();
        try {
            Review saved = returned == null ? workOrders.submit(fields.value(), submission)
                    : workOrders.resubmit(returned.id(), fields.value(), returned.version());
            Toasts.success(t(returned == null ? "review.form.submitted" : "review.form.resubmitted", saved.number()));
            getUI().ifPresent(ui -> ui.navigate("reviews/" + saved.id()));
        } catch (OmbudException e) {
            fields.show(e);
        } finally {
            save.setEnabled(true);
        }
    }

    private static String nonNull(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String getPageTitle() {
        return title.getText();
    }
}
