/**
 * Improvement actions (改进措施) and training needs (培训需求), SPEC §4: an action raised from a
 * test-call finding, a weak spot, an upheld review verdict, a valid complaint or by hand, owned by
 * a person of the responsible department, due on a working day, reported on by its owner and
 * verified by the raiser's side; a re-test can be required before it counts as effective. Its
 * root package is its API: {@link app.ombud.improvement.ImprovementService#raise} for the modules
 * that raise actions, {@link app.ombud.improvement.ImprovementService#recordRetest} and
 * {@link app.ombud.improvement.ImprovementService#pendingRetests} for the test-call module (which
 * will depend on this one, never the reverse), {@link app.ombud.improvement.TrainingNeeds}.
 *
 * <p>Dependencies: {@code platform} (and its portal shell), {@code policy} (the working
 * calendar), {@code directory} (departments and people), {@code notification} (owners told);
 * only its {@code ui} uses {@code complaint} and {@code review}, through their pages' extension
 * points ({@code complaint.ui.CaseAction}, {@code review.ui.ReviewAction}) and their records, so
 * neither of them knows this module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "platform :: ui", "policy",
    "directory", "notification", "complaint", "complaint :: ui", "review", "review :: ui"})
package app.ombud.improvement;
