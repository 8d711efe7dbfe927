package app.ombud.platform;

/**
 * How every save takes a text from a person or an API client, the same in every module: trimmed,
 * blank taken as absent, no longer than its {@link Kind} allows, and free of control and invisible
 * format characters. A save checks its texts first, before any other rule, so a caller learns
 * about a bad text whatever else is wrong.
 *
 * <p>Lengths count UTF-16 code units, as browsers count {@code maxlength}: a Chinese character
 * is one, most emoji are two. The limit applies to the trimmed text.
 *
 * <p>Refused characters: the C0 and C1 controls (NUL, ESC, DEL, ...) — except tab and line
 * break in multi-line kinds, where a carriage return is stored as a line break; the format
 * characters (Unicode category Cf), among them the bidirectional overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069) that make a text display otherwise than it reads, zero-width
 * spaces, the byte-order mark, soft hyphens and the invisible tag characters; the line and
 * paragraph separators U+2028 and U+2029; unpaired surrogates and noncharacters. Multi-line
 * kinds keep the zero-width joiner and non-joiner (U+200C, U+200D), which emoji sequences and
 * some scripts need; one-line kinds (names, codes, numbers) refuse them too, so two names that
 * look the same are the same.
 */
public final class TextInput {

    /** What a text is: how long it may be, and whether it may have line breaks and tabs. */
    public enum Kind {
        /** A name: a person, a department, a team, a level, a topic, a holiday, a role in a task force. */
        NAME(100, false),
        /** A short label in a list, e.g. a case-library tag. */
        TAG(20, false),
        /** One line: a subject, a title, a criterion's text, a reference to a recording, article or ticket. */
        LINE(200, false),
        /** A code or an identifier people type: criterion codes, routing groups, source lines, client IDs. */
        CODE(64, false),
        /** An employee ID. */
        EMPLOYEE_ID(32, false),
        /** A phone number. */
        PHONE(20, false),
        /** An e-mail address. */
        EMAIL(200, false),
        /** A text message to a customer (an SMS template). */
        MESSAGE(500, true),
        /** A few sentences: a reason, a note, a comment, an answer, a plan. */
        NOTE(2000, true),
        /** A long text: a complaint's description, a finding, a verdict's basis, minutes, a report. */
        TEXT(5000, true),
        /** A whole file sent as text, e.g. a people CSV. */
        FILE(2_000_000, true);

        private final int maxLength;
        private final boolean multiLine;

        Kind(int maxLength, boolean multiLine) {
            this.maxLength = maxLength;
            this.multiLine = multiLine;
        }

        /** The longest text of this kind, in UTF-16 code units (the portal's {@code maxlength}). */
        public int maxLength() {
            return maxLength;
        }

        /** Whether texts of this kind may hold line breaks and tabs. */
        public boolean multiLine() {
            return multiLine;
        }
    }

    private TextInput() {
    }

    /** The text trimmed, or null when it is absent or blank; TOO_LONG or CONTROL_CHARACTERS otherwise. */
    public static String optional(String value, String field, Kind kind) {
        if (value == null) {
            return null;
        }
        String text = kind.multiLine() ? value.replace("\r\n", "\n").replace('\r', '\n').strip() : value.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > kind.maxLength()) {
            throw OmbudException.badRequest("TOO_LONG", field, "{0} is longer than {1} characters", field,
                    kind.maxLength());
        }
        int refused = refusedCharacter(text, kind.multiLine());
        if (refused >= 0) {
            throw OmbudException.badRequest("CONTROL_CHARACTERS", field,
                    "{0} contains a character that is not allowed: {1}", field, "U+%04X".formatted(refused));
        }
        return text;
    }

    /** The text trimmed; REQUIRED when it is absent or blank, TOO_LONG or CONTROL_CHARACTERS when bad. */
    public static String required(String value, String field, Kind kind) {
        String text = optional(value, field, kind);
        if (text == null) {
            throw OmbudException.badRequest("REQUIRED", field, "{0} is required", field);
        }
        return text;
    }

    /** The first refused code point of the text, or -1 when there is none. */
    static int refusedCharacter(String text, boolean multiLine) {
        for (int i = 0; i < text.length();) {
            int c = text.codePointAt(i);
            if (refused(c, multiLine)) {
                return c;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    private static boolean refused(int c, boolean multiLine) {
        if (c == '\n' || c == '\t' || c == 0x200C || c == 0x200D) {
            return !multiLine;
        }
        if ((c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }
}
