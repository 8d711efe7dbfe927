package app.ombud.improvement;

import java.time.LocalDate;
import java.util.List;

/**
 * The effect of a done training seen in later results, computed (not typed): the figure of the
 * need's people ({@code figureKey}, a translation key with {@code figureArgs}, e.g. a measure's
 * mean or a knowledge point's rate of wrong answers) over the results it was derived from
 * ({@code before}, from {@code beforeCalls} results) and over their results since the training was
 * done on {@code since} ({@code after}, from {@code afterCalls}; null while there are none), and
 * whether the figure improved (null when there is nothing to compare yet).
 */
public record TrainingEffect(String figureKey, List<String> figureArgs, Double before, long beforeCalls,
        Double after, long afterCalls, LocalDate since, Boolean improved) {

    public TrainingEffect {
        figureArgs = figureArgs == null ? List.of() : List.copyOf(figureArgs);
    }
}
