/** The review pages of the portal; other modules may add actions to the review page ({@link app.ombud.review.ui.ReviewAction}). */
@org.springframework.modulith.NamedInterface("ui")
package app.ombud.review.ui;
