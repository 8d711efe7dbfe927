package app.ombud.improvement;

import java.util.Optional;

/**
 * Computes the effect of a done training need from later results (SPEC §4), for the needs a module
 * derived ({@link TrainingNeed#derivedFrom()}): implemented by the module that owns those results
 * (the {@code calltest} module for its test calls), so {@code improvement} depends on none of them.
 * Called only for a need its reader may read; empty when the implementation did not derive it.
 */
public interface TrainingEffects {

    Optional<TrainingEffect> effect(TrainingNeed need);
}
