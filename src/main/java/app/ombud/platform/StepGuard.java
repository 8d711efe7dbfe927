package app.ombud.platform;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The steps of a workflow record, each with one rule that says whether a caller may take it now.
 *
 * <p>A workflow document (a case, a review, a panel, an escalation, ...) implements
 * {@link #refusal} as one exhaustive {@code switch} over its step enum, so a new step does not
 * compile without its rule. The rule sees the record's state and the caller's relation to it
 * ({@code C}: who the caller is to this record — submitter, team lead, handler, judge, accused,
 * member — resolved once per request by the module's service). That one rule serves three
 * places, which therefore cannot disagree:
 * <ul>
 * <li>the command: {@code document.require(step, caller)} before it changes anything;</li>
 * <li>{@code allowedSteps} in the API: {@link #allowedSteps};</li>
 * <li>the portal's buttons, built from the same {@code allowedSteps}.</li>
 * </ul>
 * Checks of the step's input (a reason given, a date in the future) stay in the command; the
 * rule answers only "may this caller take this step on this record now".
 *
 * @param <S> the module's step enum
 * @param <C> the caller's relation to the record
 */
public interface StepGuard<S extends Enum<S>, C> {

    /** The step enum, so that {@link #allowedSteps} can ask about every step. */
    Class<S> stepType();

    /** Why the caller may not take {@code step} on this record now, or empty when they may. */
    Optional<OmbudException> refusal(S step, C caller);

    /** Throws the refusal of {@code step}, if any. Commands call it before their first change. */
    default void require(S step, C caller) {
        Optional<OmbudException> refusal = refusal(step, caller);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    /** Every step the caller may take now (no refusal); the API and the portal show exactly these. */
    default Set<S> allowedSteps(C caller) {
        Set<S> steps = EnumSet.noneOf(stepType());
        for (S step : stepType().getEnumConstants()) {
            if (refusal(step, caller).isEmpty()) {
                steps.add(step);
            }
        }
        return steps;
    }
}
