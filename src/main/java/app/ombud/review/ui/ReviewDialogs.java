package app.ombud.review.ui;

import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.DateLimits;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.StepDialogs;
import app.ombud.review.Review;
import app.ombud.review.ReviewStep;
import app.ombud.review.internal.WorkOrderRules;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The dialogs of one family of review steps on the review page ({@link ReviewView}): each family
 * (work order, review desk, appeal, reply, case library) opens the dialogs of its steps and calls
 * its service; this base holds what they share — the step run like on every record page, errors
 * shown on the field, the page reloaded after the step.
 */
abstract class ReviewDialogs {

    /** The review page the dialogs open on. */
    protected final VerticalLayout page;
    private final Clock clock;
    private final Runnable reload;

    ReviewDialogs(VerticalLayout page, Clock clock, Runnable reload) {
        this.page = page;
        this.clock = clock;
        this.reload = reload;
    }

    /** Opens the dialog of one of this family's steps (or takes it at once) on the review. */
    abstract void open(ReviewStep step, Review r);

    /** A step whose dialog is one text area. */
    protected void text(ReviewStep step, String label, String id, String field, String saveId,
            Function<String, Review> save) {
        var area = area(label, id);
        area.setMaxLength(Kind.NOTE.maxLength());
        var dialog = dialog(step, area);
        StepDialogs.footer(dialog, saveId, () -> act(() -> save.apply(area.getValue()), dialog,
                Map.of(field, area)));
    }

    /** A step without a dialog. */
    protected void now(Supplier<Review> step) {
        StepDialogs.run(step, null, reload);
    }

    /**
     * Runs a step like every record page does; a refusal that names one of the dialog's fields is
     * also shown on that field.
     */
    protected void act(Supplier<Review> step, Dialog dialog, Map<String, HasValidation> fields) {
        StepDialogs.run(step, dialog, reload, fields);
    }

    protected Dialog dialog(ReviewStep step, Component... content) {
        return StepDialogs.form(page, t("review.step." + step), content);
    }

    protected TextArea area(String label, String id) {
        var area = new TextArea(t(label));
        area.setWidthFull();
        area.setId(id);
        area.setMaxLength(Kind.TEXT.maxLength());
        return area;
    }

    /** A date-time picker set to now (company time), for recording when a call was made. */
    protected DateTimePicker now(String label, String id) {
        var picker = new DateTimePicker(t(label));
        picker.setValue(LocalDateTime.ofInstant(clock.instant(), CompanyTime.zone())
                .truncatedTo(ChronoUnit.MINUTES));
        picker.setId(id);
        DateLimits.past(picker, clock, WorkOrderRules.MAX_EVENT_AGE);
        return picker;
    }

    protected static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(CompanyTime.zone()).toInstant();
    }

    /** The reader's language. */
    protected Locale locale() {
        return page.getUI().map(UI::getLocale).orElseGet(Locale::getDefault);
    }

    protected String t(String key, Object... args) {
        return page.getTranslation(key, args);
    }
}
