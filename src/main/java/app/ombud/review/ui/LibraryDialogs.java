package app.ombud.review.ui;

import app.ombud.platform.ui.StepDialogs;
import app.ombud.review.CaseLibrary;
import app.ombud.review.Review;
import app.ombud.review.ReviewStep;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

/** The case library's steps: add (or edit) with tags and a lesson, remove. */
final class LibraryDialogs extends ReviewDialogs {

    private final CaseLibrary library;

    LibraryDialogs(VerticalLayout page, CaseLibrary library, Clock clock, Runnable reload) {
        super(page, clock, reload);
        this.library = library;
    }

    @Override
    void open(ReviewStep step, Review r) {
        switch (step) {
            case ADD_TO_LIBRARY -> openLibrary(r);
            case REMOVE_FROM_LIBRARY -> openRemoveFromLibrary(r);
            default -> throw new IllegalArgumentException(step + " is not a step of this family");
        }
    }

    private void openLibrary(Review r) {
        var tags = new TextField(t("review.dialog.library.tags"));
        tags.setWidthFull();
        tags.setId("library-tags");
        var lesson = area("review.dialog.library.lesson", "library-lesson");
        if (r.library() != null) {
            tags.setValue(String.join(", ", r.library().tags()));
            lesson.setValue(r.library().lesson());
        }
        var dialog = StepDialogs.form(page, t(r.library() == null ? "review.step.ADD_TO_LIBRARY"
                : "review.dialog.library.edit"), tags, lesson);
        StepDialogs.footer(dialog, "library-save", () -> act(() -> library.addToLibrary(r.id(),
                Arrays.stream(tags.getValue().split("[,，、;；]")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                lesson.getValue(), r.version()), dialog, Map.of("tags", tags, "lesson", lesson)));
    }

    private void openRemoveFromLibrary(Review r) {
        var dialog = dialog(ReviewStep.REMOVE_FROM_LIBRARY, new Paragraph(t("review.dialog.library.remove",
                r.number())));
        StepDialogs.footer(dialog, "library-remove-save", () -> act(() -> library.removeFromLibrary(r.id(),
                r.version()), dialog, Map.of()));
    }

}
