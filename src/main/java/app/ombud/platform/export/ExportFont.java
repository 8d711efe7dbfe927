package app.ombud.platform.export;

import app.ombud.platform.OmbudException;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The font Ombud's PDFs and their charts are set in: a TrueType font (or a collection of
 * TrueType fonts, {@code .ttc}) with Chinese glyphs. {@code ombud.exports.font} names its file;
 * left empty, the first of the usual Debian places that exists is taken (WenQuanYi Micro Hei from
 * {@code fonts-wqy-microhei}, then Zen Hei, then AR PL's). The OpenType/CFF Noto CJK collections
 * can't be embedded by PDFBox and are not tried. With none, a PDF export is refused with
 * {@code EXPORT_FONT_MISSING} and the start logs a warning; everything else works.
 */
@Component
public class ExportFont {

    /** The family name the PDFs' CSS uses. */
    public static final String FAMILY = "OmbudCJK";
    static final List<Path> USUAL = List.of(Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));
    private static final Logger log = LoggerFactory.getLogger(ExportFont.class);

    private final Optional<Path> file;
    private volatile Font awt;

    ExportFont(@Value("${ombud.exports.font:}") String configured) {
        this.file = find(configured, USUAL);
        if (file.isEmpty()) {
            log.warn("No Chinese TrueType font for PDF exports ({}): install fonts-wqy-microhei or set "
                    + "ombud.exports.font; PDF downloads are refused until then", configured == null
                    || configured.isBlank() ? "none of " + USUAL : configured);
        }
    }

    static Optional<Path> find(String configured, List<Path> usual) {
        if (configured != null && !configured.isBlank()) {
            Path given = Path.of(configured.strip());
            return Files.isReadable(given) ? Optional.of(given) : Optional.empty();
        }
        return usual.stream().filter(Files::isReadable).findFirst();
    }

    /** Whether PDFs can be made here. */
    public boolean available() {
        return file.isPresent();
    }

    /** The font's file, or {@code EXPORT_FONT_MISSING}. */
    public Path file() {
        return file.orElseThrow(() -> OmbudException.conflict("EXPORT_FONT_MISSING",
                "This server has no Chinese font for PDFs: install fonts-wqy-microhei or set ombud.exports.font"));
    }

    /** The font for drawing charts (the collection's first face), at a size and style. */
    public Font awt(int style, float size) {
        Font base = awt;
        if (base == null) {
            try {
                base = Font.createFonts(file().toFile())[0];
            } catch (IOException | FontFormatException e) {
                throw OmbudException.conflict("EXPORT_FONT_MISSING", "The font {0} cannot be read: {1}",
                        file().toString(), e.getMessage());
            }
            awt = base;
        }
        return base.deriveFont(style, size);
    }
}
