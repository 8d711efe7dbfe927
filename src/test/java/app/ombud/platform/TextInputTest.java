package app.ombud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.platform.TextInput.Kind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextInputTest {

    @Test
    void aTextIsTrimmedAndBlankIsAbsent() {
        assertThat(TextInput.optional("  张三 ", "name", Kind.NAME)).isEqualTo("张三");
        assertThat(TextInput.optional(" \u3000 ", "name", Kind.NAME)).isNull();
        assertThat(TextInput.optional(null, "name", Kind.NAME)).isNull();
        assertThat(TextInput.required("a", "name", Kind.NAME)).isEqualTo("a");
        assertRefused(() -> TextInput.required("   ", "name", Kind.NAME), "REQUIRED", "name");
        assertRefused(() -> TextInput.required(null, "name", Kind.NAME), "REQUIRED", "name");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyKindTakesItsLimitAndNotOneMore(Kind kind) {
        String longest = "字".repeat(kind.maxLength());
        assertThat(TextInput.optional(" " + longest + " ", "f", kind)).isEqualTo(longest);

        var e = assertRefused(() -> TextInput.optional(longest + "x", "f", kind), "TOO_LONG", "f");
        assertThat(e.args()).containsExactly("f", kind.maxLength());
    }

    @Test
    void theLimitsAreNamedByKind() {
        assertThat(Kind.NAME.maxLength()).isEqualTo(100);
        assertThat(Kind.EMPLOYEE_ID.maxLength()).isEqualTo(32);
        assertThat(Kind.PHONE.maxLength()).isEqualTo(20);
        assertThat(Kind.TEXT.maxLength()).isEqualTo(5000);
        assertThat(Kind.NOTE.multiLine()).isTrue();
        assertThat(Kind.LINE.multiLine()).isFalse();
    }

    @Test
    void anEmojiCountsAsTwoAsInTheBrowser() {
        assertThat(TextInput.optional("😀".repeat(10), "f", Kind.TAG)).hasSize(20);
        assertRefused(() -> TextInput.optional("😀".repeat(10) + "a", "f", Kind.TAG), "TOO_LONG", "f");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void nulIsRefusedEverywhere(Kind kind) {
        var e = assertRefused(() -> TextInput.optional("a\u0000b", "f", kind), "CONTROL_CHARACTERS", "f");
        assertThat(e.args()).containsExactly("f", "U+0000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0007", "\u001B[31m", "\u007F", "\u0085", "\u009B", "\u202E", "\u202A", "\u2066",
        "\u2069", "\u200E", "\u200B", "\uFEFF", "\u00AD", "\u2028", "\u2029", "\uDB40\uDC41", "\uD800", "\uDC00x",
        "\uFFFF", "\uFDD0"})
    void controlFormatAndBrokenCharactersAreRefusedInEveryKind(String bad) {
        for (Kind kind : Kind.values()) {
            assertRefused(() -> TextInput.optional("前" + bad + "后", "f", kind), "CONTROL_CHARACTERS", "f");
        }
    }

    @Test
    void lineBreaksAndTabsOnlyInMultiLineTexts() {
        assertThat(TextInput.optional("第一行\n\t第二行", "f", Kind.NOTE)).isEqualTo("第一行\n\t第二行");
        assertThat(TextInput.optional("a\r\nb\rc", "f", Kind.TEXT)).isEqualTo("a\nb\nc");
        assertRefused(() -> TextInput.optional("a\nb", "f", Kind.NAME), "CONTROL_CHARACTERS", "f");
        assertRefused(() -> TextInput.optional("a\tb", "f", Kind.CODE), "CONTROL_CHARACTERS", "f");
        assertRefused(() -> TextInput.optional("a\rb", "f", Kind.LINE), "CONTROL_CHARACTERS", "f");
        // a line break at the end of a pasted one-line value is trimmed, not refused
        assertThat(TextInput.optional("13800000000\n", "f", Kind.PHONE)).isEqualTo("13800000000");
    }

    @Test
    void joinersOnlyInMultiLineTexts() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        assertThat(TextInput.optional("客户说 " + family, "f", Kind.TEXT)).endsWith(family);
        assertRefused(() -> TextInput.optional("张\u200D三", "f", Kind.NAME), "CONTROL_CHARACTERS", "f");
    }

    @Test
    void ordinaryTextOfManyScriptsIsKept() {
        for (String text : new String[] {"李女士", "Müller-Lüdenscheidt", "Ελένη", "مرحبا", "नमस्ते", "e\u0301",
            "👍🏽", "❤️", "\uE000 私用区", "𠀀𪚥"}) {
            assertThat(TextInput.optional(text, "f", Kind.NAME)).isEqualTo(text);
        }
    }

    @Test
    void momentsThatHappenedAndMomentsToCome() {
        Instant now = Instant.parse("2026-11-22T09:00:00Z");
        Duration month = Duration.ofDays(30);
        assertThat(TimeInput.past(null, "at", now, month)).isNull();
        assertThat(TimeInput.past(now.plus(TimeInput.CLOCK_SKEW), "at", now, month)).isNotNull();
        assertRefused(() -> TimeInput.past(now.plusSeconds(301), "at", now, month), "TIME_IN_FUTURE", "at");
        assertRefused(() -> TimeInput.past(now.minus(Duration.ofDays(31)), "at", now, month), "TIME_TOO_OLD", "at");

        assertThat(TimeInput.future(now.plusSeconds(1), "due", now, month)).isNotNull();
        assertRefused(() -> TimeInput.future(now, "due", now, month), "TIME_NOT_IN_FUTURE", "due");
        assertRefused(() -> TimeInput.future(now.plus(Duration.ofDays(31)), "due", now, month), "TIME_TOO_FAR_AHEAD",
                "due");

        assertThat(TimeInput.inRange(Instant.parse("1970-01-01T00:00:00Z"))).isTrue();
        assertThat(TimeInput.inRange(Instant.parse("2200-12-31T23:59:59.999Z"))).isTrue();
        assertThat(TimeInput.inRange(Instant.parse("2201-01-01T00:00:00Z"))).isFalse();
        assertThat(TimeInput.inRange(Instant.parse("0000-01-01T00:00:00Z"))).isFalse();
    }

    private static OmbudException assertRefused(Runnable call, String code, String field) {
        try {
            call.run();
        } catch (OmbudException e) {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.kind()).isEqualTo(OmbudException.Kind.BAD_REQUEST);
            return e;
        }
        throw new AssertionError("not refused with " + code);
    }
}
