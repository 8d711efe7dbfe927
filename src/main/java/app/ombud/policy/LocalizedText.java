package app.ombud.policy;

import app.ombud.platform.TextInput;
import java.util.Locale;

/** A text admins write in both portal languages. */
public record LocalizedText(String zh, String en) {

    public static LocalizedText of(String zh, String en) {
        return new LocalizedText(zh, en);
    }

    /**
     * Checks both languages as texts of a kind ({@link TextInput}, fields {@code field.zh} and
     * {@code field.en}); true when at least one of them is given.
     */
    public boolean given(String field, TextInput.Kind kind) {
        String first = TextInput.optional(zh, field + ".zh", kind);
        String second = TextInput.optional(en, field + ".en", kind);
        return first != null || second != null;
    }

    /** The text for the locale, falling back to the other language when one is empty. */
    public String in(Locale locale) {
        boolean english = locale != null && locale.getLanguage().equals("en");
        String first = english ? en : zh;
        String second = english ? zh : en;
        return first != null && !first.isBlank() ? first : second == null ? "" : second;
    }
}
