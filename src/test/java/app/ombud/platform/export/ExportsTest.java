package app.ombud.platform.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.platform.OmbudException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The font lookup and Excel's sheet-name rules, without Spring. */
class ExportsTest {

    @Test
    void aConfiguredFontThatIsNotThereLeavesPdfsRefusedWithACode() {
        assertThat(ExportFont.find("/nowhere/font.ttf", ExportFont.USUAL)).isEmpty();
        assertThat(ExportFont.find("", List.of(Path.of("/nowhere/a.ttc")))).isEmpty();
        var font = new ExportFont("/nowhere/font.ttf");
        assertThat(font.available()).isFalse();
        assertThatThrownBy(font::file).isInstanceOfSatisfying(OmbudException.class,
                e -> assertThat(e.code()).isEqualTo("EXPORT_FONT_MISSING"));
    }

    @Test
    void sheetNamesAreMadeValidShortAndUnique() {
        Set<String> taken = new HashSet<>();
        assertThat(Workbooks.sheetName("按班组/月份 [Q1]", taken)).isEqualTo("按班组 月份  Q1");
        assertThat(Workbooks.sheetName("x".repeat(40), taken)).hasSize(31);
        assertThat(Workbooks.sheetName("x".repeat(40), taken)).hasSize(31).endsWith(" (2)");
        assertThat(Workbooks.sheetName(null, taken)).isEqualTo("Sheet");
    }
}
