package app.ombud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every error code any module throws has an English and a Chinese message with the same
 * arguments, so the portal and the API never fall back to the English text of the exception for a
 * Chinese user.
 */
class ErrorMessagesTest {

    private static final Pattern CODE = Pattern.compile("(?:OmbudException\\.\\w+\\(|Kind\\.\\w+,)\\s*\"([A-Z][A-Z_]+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)[^}]*}");

    @Test
    void everyErrorCodeHasAnEnglishAndAChineseMessage() throws IOException {
        Set<String> codes = thrownCodes(Path.of("src/main/java/app/ombud"));
        assertThat(codes).as("codes found in the sources")
                .contains("EMPLOYEE_ID_TAKEN", "DEPARTMENT_CYCLE", "NO_LOCAL_ACCOUNT", "TOO_LONG",
                        "CASE_TRANSITION_NOT_ALLOWED", "REVIEW_SOURCE_OUT_OF_SCOPE", "BALLOT_ALREADY_CAST");

        Properties fallback = load("vaadin-i18n/translations.properties");
        Properties english = load("vaadin-i18n/translations_en.properties");
        Properties chinese = load("vaadin-i18n/translations_zh_CN.properties");
        for (String code : codes) {
            String key = "error." + code;
            assertThat(english.getProperty(key)).as(key + " (en)").isNotBlank().isEqualTo(fallback.getProperty(key));
            assertThat(chinese.getProperty(key)).as(key + " (zh_CN)").isNotBlank()
                    .matches(text -> text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                            == Character.UnicodeScript.HAN), "is written in Chinese");
            assertThat(placeholders(chinese.getProperty(key))).as(key + " arguments")
                    .isEqualTo(placeholders(english.getProperty(key)));
            // both must format as MessageFormat patterns (a stray quote or brace breaks them)
            new MessageFormat(english.getProperty(key), Locale.ENGLISH).format(new Object[] {"x", 100});
            new MessageFormat(chinese.getProperty(key), Locale.SIMPLIFIED_CHINESE).format(new Object[] {"x", 100});
        }
    }

    private static Set<String> thrownCodes(Path sources) throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = CODE.matcher(Files.readString(file));
                while (matcher.find()) {
                    codes.add(matcher.group(1));
                }
            }
        }
        return codes;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                ErrorMessagesTest.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
