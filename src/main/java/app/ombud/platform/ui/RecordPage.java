package app.ombud.platform.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The page of one workflow record (a case, an escalation, a review, a panel): what every such
 * page does the same way, so a new module's page only says what is its own.
 * <ul>
 * <li>It loads the record named by the route's {@code :id} through the module's service; a
 * refusal (not found, not allowed) shows its translated message in {@code <kind>-refused}.</li>
 * <li>It shows the headline ({@link #headline}), then the <b>step bar</b> ({@code <kind>-actions}):
 * a button for each step the record's {@code allowedSteps} lets this person take now, in the order
 * of the step enum — the document's guard decides, the page never derives buttons from the
 * status — then the rest of the page ({@link #content}).</li>
 * <li>A step runs with {@link #act}: on success the dialog closes and the page reloads the
 * record; a refusal that names a field of the dialog is shown on that field, any other as a toast;
 * a concurrent change closes the dialog and reloads.</li>
 * </ul>
 *
 * @param <R> the record as the module's API answers it
 * @param <S> the record's step enum
 */
public abstract class RecordPage<R, S extends Enum<S>> extends VerticalLayout
        implements BeforeEnterObserver, HasDynamicTitle {

    /** A button of the step bar: its element ID, its label (an i18n key) and the dialog or step it opens. */
    public record StepButton(String id, String labelKey, Runnable open) {
    }

    private final String kind;
    private final Class<S> steps;
    private final String untitledKey;
    private R current;

    /**
     * @param kind the record's kind, the prefix of the page's element IDs ({@code case})
     * @param steps the step enum, in the order the bar shows them
     * @param untitledKey the page's title (an i18n key) until a record is shown
     */
    protected RecordPage(String kind, Class<S> steps, String untitledKey) {
        this.kind = kind;
        this.steps = steps;
        this.untitledKey = untitledKey;
        addClassName("ombud-view");
    }

    /** The record by ID through the module's service, which refuses what this person may not see. */
    protected abstract R load(UUID id);

    protected abstract UUID idOf(R record);

    /** The record's number, the page's title. */
    protected abstract String numberOf(R record);

    /** The steps this person may take on the record now (the record's {@code allowedSteps}). */
    protected abstract Set<S> allowedSteps(R record);

    /** The headline: {@link Texts#headline} with the record's title, status and badges. */
    protected abstract Component headline(R record);

    /** The bar's button for an allowed step; null for a step taken elsewhere on the page (e.g. in a form). */
    protected abstract StepButton button(S step, R record);

    /** Buttons other modules add to the bar after the record's own steps (e.g. raising an escalation on a case). */
    protected List<Component> extraButtons(R record) {
        return List.of();
    }

    /** Adds the rest of the page below the step bar. */
    protected abstract void content(R record, Set<S> allowed);

    /** Called before a record is loaded on entering the page, e.g. to forget what belonged to the previous visit. */
    protected void entering() {
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        current = null;
        entering();
        RouteIds.show(event, this, kind + "-refused", id -> show(load(id)));
    }

    /** The record as the page shows it now (null before one is shown). */
    public R current() {
        return current;
    }

    /** Reads the record again and shows it as it is now in the store. */
    protected void reload() {
        RouteIds.showOrRefuse(this, kind + "-refused", () -> show(load(idOf(current))));
    }

    private void show(R record) {
        current = record;
        removeAll();
        Set<S> allowed = allowedSteps(record);
        add(headline(record), stepBar(record, allowed));
        content(record, allowed);
    }

    private Component stepBar(R record, Set<S> allowed) {
        var bar = new HorizontalLayout();
        bar.addClassName("ombud-toolbar");
        bar.setId(kind + "-actions");
        for (S step : steps.getEnumConstants()) {
            StepButton button = allowed.contains(step) ? button(step, record) : null;
            if (button != null) {
                bar.add(StepDialogs.button(button.id(), getTranslation(button.labelKey()), button.open()));
            }
        }
        extraButtons(record).forEach(bar::add);
        return bar;
    }

    /** Runs a step of the service without a dialog. */
    protected void act(Supplier<?> step) {
        StepDialogs.run(step, null, this::reload);
    }

    /** Runs the step of a dialog; a refusal naming one of {@code fields} (by the service's field name) shows on it. */
    protected void act(Supplier<?> step, Dialog dialog, Map<String, ? extends HasValidation> fields) {
        StepDialogs.run(step, dialog, this::reload, fields);
    }

    @Override
    public String getPageTitle() {
        return current == null ? getTranslation(untitledKey) : numberOf(current);
    }
}
