package app.ombud.policy;

import java.util.Locale;

/** A text admins write in both portal languages. */
public record LocalizedText(String zh, String en) {

    public static LocalizedText of(String zh, String en) {
        return new LocalizedText(zh, en);
    }

    /** The text for the locale, falling back to the other language when one is empty. */
    public String in(Locale locale) {
        boolean english = locale != null && locale.getLanguage().equals("en");
        String first = english ? en : zh;
        String second = english ? zh : en;
        return first != null && !first.isBlank() ? first : second == null ? "" : second;
    }
}
