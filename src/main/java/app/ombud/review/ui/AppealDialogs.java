package app.ombud.review.ui;

import app.ombud.platform.ui.StepDialogs;
import app.ombud.review.Appeals;
import app.ombud.review.Review;
import app.ombud.review.ReviewStep;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.time.Clock;
import java.util.Map;

/** The appeal's steps: appeal with points of the recording, the owner's re-judgment (the panel sides are named on the page). */
final class AppealDialogs extends ReviewDialogs {

    private final Appeals appeals;

    AppealDialogs(VerticalLayout page, Appeals appeals, Clock clock, Runnable reload) {
        super(page, clock, reload);
        this.appeals = appeals;
    }

    /** The appeals service, for the panel sides named on the page. */
    Appeals service() {
        return appeals;
    }

    @Override
    void open(ReviewStep step, Review r) {
        switch (step) {
            case APPEAL -> openAppeal(r);
            case REJUDGE -> openRejudge(r);
            default -> throw new IllegalArgumentException(step + " is not a step of this family");
        }
    }

    private void openAppeal(Review r) {
        var points = new AppealPointsEditor();
        points.setId("appeal-points");
        var dialog = dialog(ReviewStep.APPEAL, points);
        StepDialogs.footer(dialog, "appeal-save", () -> act(() -> appeals.appeal(r.id(), points.getValue(),
                r.version()), dialog, Map.of("points", points, "points.position", points, "points.text", points)));
    }

    private void openRejudge(Review r) {
        var hint = new Paragraph(t("review.dialog.rejudge.hint"));
        var keep = new RadioButtonGroup<Boolean>(t("review.dialog.rejudge.decision"));
        keep.setItems(true, false);
        keep.setItemLabelGenerator(k -> t(k ? "review.dialog.rejudge.keep" : "review.dialog.rejudge.overturn"));
        keep.setId("rejudge-keep");
        var reason = area("review.dialog.reason", "rejudge-reason");
        var dialog = dialog(ReviewStep.REJUDGE, hint, keep, reason);
        StepDialogs.footer(dialog, "rejudge-save", () -> {
            // keeping or overturning is the owner's decision: never assumed
            if (keep.getValue() == null) {
                keep.setErrorMessage(t("common.required"));
                keep.setInvalid(true);
                return;
            }
            act(() -> appeals.rejudge(r.id(), keep.getValue(), reason.getValue(), r.version()), dialog,
                    Map.of("keep", keep, "reason", reason));
        });
    }

}
