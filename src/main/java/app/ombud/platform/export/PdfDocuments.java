package app.ombud.platform.export;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * PDFs from XHTML (openhtmltopdf over PDFBox), set in {@link ExportFont}: the document's CSS
 * names {@link ExportFont#FAMILY}, which is embedded as a subset, so Chinese text shows on any
 * reader. Images come as {@code data:} URIs; nothing is fetched from outside.
 */
@Component
public class PdfDocuments {

    private final ExportFont font;

    PdfDocuments(ExportFont font) {
        this.font = font;
    }

    /** The PDF of a well-formed XHTML document. */
    public byte[] render(String xhtml) {
        var fontFile = font.file().toFile();
        var out = new ByteArrayOutputStream();
        try {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(fontFile, ExportFont.FAMILY);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Text escaped for XHTML content and attributes. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
