package app.ombud.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a zh-CN screen must not show: a raw code ({@code FRONT_DESK}, {@code grading.levels[2]},
 * {@code review.status.JUDGED}), English words ("satisfaction", "policy v1"), a UTC time
 * ({@code 2026-11-22T08:00:00Z}), or a period's code ({@code 2026-12}, {@code 2026-Q4},
 * {@code 2026-W49}: the portal names periods in words, 2026年12月). Whole days (2026-12-01), record
 * numbers, employee IDs, e-mail addresses, URLs and the product's own names are fine.
 */
public final class RawText {

    /** Words a Chinese screen may show as they are: names of the product, of standards and of file formats. */
    private static final Set<String> ALLOWED = Set.of("Ombud", "API", "GraphQL", "GraphiQL", "SMS", "CSV", "ICS",
            "iCalendar", "URL", "ID", "IdP", "SSO", "OIDC", "PKCE", "OAuth", "BI", "KPI", "UTC", "PDF", "JSON", "JPG",
            "PNG", "WAV", "TXT", "DOCX", "XLSX", "Excel");

    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d)?(\\.\\d+)?Z?");
    private static final Pattern PERIOD = Pattern.compile(
            "(?<![\\d-])\\d{4}-(Q[1-4]|W\\d\\d|0[1-9]|1[0-2])(?![\\d-])");
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\\b");
    private static final Pattern PATH = Pattern.compile("\\b[a-z][A-Za-z]*(\\.[a-z][A-Za-z]*)+(\\[\\d+])?[.A-Za-z\\[\\]0-9]*");
    private static final Pattern WORD = Pattern.compile("(?<![A-Za-z0-9@./_-])[A-Za-z]{3,}(?![A-Za-z0-9@_-])");
    /** E-mail addresses and URLs are taken out before words are looked for. */
    private static final Pattern ADDRESS = Pattern.compile("[\\w.+-]+@[\\w.-]+|https?://\\S+");

    private RawText() {
    }

    /** The fragments of {@code text} a zh-CN reader should not see; empty when there are none. */
    public static List<String> in(String text) {
        List<String> found = new ArrayList<>();
        String rest = ADDRESS.matcher(text).replaceAll(" ");
        collect(ISO_INSTANT.matcher(rest), found);
        rest = ISO_INSTANT.matcher(rest).replaceAll(" ");
        collect(PERIOD.matcher(rest), found);
        rest = PERIOD.matcher(rest).replaceAll(" ");
        collect(CODE.matcher(rest), found);
        rest = CODE.matcher(rest).replaceAll(" ");
        collect(PATH.matcher(rest), found);
        rest = PATH.matcher(rest).replaceAll(" ");
        Matcher words = WORD.matcher(rest);
        while (words.find()) {
            if (!ALLOWED.contains(words.group())) {
                found.add(words.group());
            }
        }
        return found;
    }

    private static void collect(Matcher matcher, List<String> found) {
        while (matcher.find()) {
            found.add(matcher.group());
        }
    }
}
