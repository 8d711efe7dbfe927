package app.ombud.calltest;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.calltest.Calibration.Graded;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Calibration against deviations worked out by hand. */
class CalibrationTest {

    @Test
    void eachExecutorsDeviationFromTheFinalScoreShowsTheStrictestAndTheMostLenient() {
        // call A final 80: 王 78 (−2), 李 85 (+5), 赵 80 (0); call B final 60: 王 50 (−10), 李 64 (+4)
        var grades = List.of(g("A", "王", "78"), g("A", "李", "85"), g("A", "赵", "80"), g("B", "王", "50"),
                g("B", "李", "64"));
        var finals = Map.of("A", new BigDecimal("80"), "B", new BigDecimal("60"));

        var deviations = Calibration.deviations(grades, finals);
        assertThat(deviations.get("A").keySet()).containsExactly("王", "李", "赵");
        assertThat(deviations.get("A").get("王")).isEqualByComparingTo("-2");
        assertThat(deviations.get("A").get("李")).isEqualByComparingTo("5");
        assertThat(deviations.get("A").get("赵")).isEqualByComparingTo("0");
        assertThat(deviations.get("B").get("王")).isEqualByComparingTo("-10");

        var graders = Calibration.graders(grades, finals);
        // 王: (−2 − 10) / 2 = −6, |·| (2 + 10) / 2 = 6; 赵: 0 over 1 call; 李: (5 + 4) / 2 = 4.5
        assertThat(graders).extracting(Calibration.Grader::executor).containsExactly("王", "赵", "李");
        assertThat(graders.getFirst().meanDeviation()).isEqualByComparingTo("-6");
        assertThat(graders.getFirst().meanAbsoluteDeviation()).isEqualByComparingTo("6");
        assertThat(graders.getLast().meanDeviation()).isEqualByComparingTo("4.5");
        assertThat(graders.get(1).calls()).isEqualTo(1);
        assertThat(Calibration.strictest(graders)).get().extracting(Calibration.Grader::executor).isEqualTo("王");
        assertThat(Calibration.mostLenient(graders)).get().extracting(Calibration.Grader::executor).isEqualTo("李");
    }

    @Test
    void callsWithoutAFinalScoreAreLeftOut() {
        var graders = Calibration.graders(List.of(g("A", "王", "70"), g("C", "王", "90")),
                Map.of("A", new BigDecimal("70")));
        assertThat(graders).singleElement().satisfies(grader -> {
            assertThat(grader.calls()).isEqualTo(1);
            assertThat(grader.meanDeviation()).isEqualByComparingTo("0");
        });
        assertThat(Calibration.strictest(List.of())).isEmpty();
    }

    private static Graded g(String call, String executor, String score) {
        return new Graded(call, executor, new BigDecimal(score));
    }
}
