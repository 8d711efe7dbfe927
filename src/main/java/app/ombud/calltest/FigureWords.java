package app.ombud.calltest;

import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The words the figures are shown in, the same on the portal's pages and in the exports: a
 * group's name (the company, a scenario type, a channel by its translation; a team, department or
 * agent by its name), and a change in words beside its number — 上升 / 下降 / 持平, never a colour
 * by direction (ANALYTICS.md §4). {@code translate} looks up a translation key with arguments.
 */
public final class FigureWords {

    private FigureWords() {
    }

    /** The name of a row's group under {@code groupBy}. */
    public static String group(TestCallGroup groupBy, String id, String name,
            BiFunction<String, Object[], String> translate) {
        return switch (groupBy) {
            case COMPANY -> translate.apply("calltest.stats.company", new Object[0]);
            case SCENARIO_TYPE -> translate.apply("calltest.scenario.type." + id, new Object[0]);
            case CHANNEL -> translate.apply("calltest.channel." + id, new Object[0]);
            default -> "company".equals(id) ? translate.apply("calltest.stats.company", new Object[0]) : name;
        };
    }

    /** A change with one decimal in words; empty for none, 持平 under 0.05. */
    public static String change(Double value, BiFunction<String, Object[], String> translate) {
        if (value == null) {
            return "";
        }
        if (Math.abs(value) < 0.05) {
            return translate.apply("calltest.stats.flat", new Object[0]);
        }
        return translate.apply(value > 0 ? "calltest.stats.up" : "calltest.stats.down",
                new Object[] {String.format(Locale.ROOT, "%.1f", Math.abs(value))});
    }
}
