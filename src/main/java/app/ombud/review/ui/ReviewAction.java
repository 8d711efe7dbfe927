package app.ombud.review.ui;

import app.ombud.review.Review;
import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * An action another module offers on the review page (the improvement module: raise an
 * improvement action from an upheld verdict), so the review module does not depend on it.
 */
public interface ReviewAction {

    /** The button for this review, or empty when the action does not apply; {@code reload} after a change. */
    Optional<Component> create(Review review, Runnable reload);
}
