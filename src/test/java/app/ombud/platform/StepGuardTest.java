package app.ombud.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StepGuardTest {

    enum Step { OPEN, CLOSE, REOPEN }

    /** A record that is open or closed; only its owner closes it, anyone reopens it. */
    record Door(boolean open, String owner) implements StepGuard<Step, String> {

        @Override
        public Class<Step> stepType() {
            return Step.class;
        }

        @Override
        public Optional<OmbudException> refusal(Step step, String caller) {
            return switch (step) {
                case OPEN, REOPEN -> open ? Optional.of(OmbudException.conflict("ALREADY_OPEN", "open")) : Optional.empty();
                case CLOSE -> !open ? Optional.of(OmbudException.conflict("ALREADY_CLOSED", "closed"))
                        : !owner.equals(caller) ? Optional.of(OmbudException.forbidden("NOT_OWNER", "not owner"))
                        : Optional.empty();
            };
        }
    }

    @Test
    void allowedStepsAreTheStepsWithoutRefusal() {
        assertThat(new Door(true, "a").allowedSteps("a")).containsExactly(Step.CLOSE);
        assertThat(new Door(true, "a").allowedSteps("b")).isEmpty();
        assertThat(new Door(false, "a").allowedSteps("b")).containsExactly(Step.OPEN, Step.REOPEN);
    }

    @Test
    void requireThrowsTheStepsOwnRefusal() {
        assertThatThrownBy(() -> new Door(true, "a").require(Step.CLOSE, "b"))
                .isInstanceOfSatisfying(OmbudException.class, e -> assertThat(e.code()).isEqualTo("NOT_OWNER"));
        new Door(true, "a").require(Step.CLOSE, "a");
    }
}
