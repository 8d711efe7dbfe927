package app.ombud.calltest;

import app.ombud.support.ApiAccess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/** Downloads an export with a token and reads it back: an Excel file's cells, a PDF's text, images and fonts. */
final class ExportFiles {

    private ExportFiles() {
    }

    static byte[] download(ApiAccess api, String path, String token) {
        return api.http().get().uri(path).header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
    }

    /** Each sheet's rows below its header, as the cells' text. */
    static Map<String, List<List<String>>> sheets(byte[] excel) {
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(excel))) {
            for (var sheet : workbook.getSheets().toList()) {
                List<List<String>> rows = new ArrayList<>();
                for (Row row : sheet.read()) {
                    if (row.getRowNum() > 1) {
                        List<String> cells = new ArrayList<>();
                        for (int c = 0; c < row.getCellCount(); c++) {
                            cells.add(row.getCellText(c));
                        }
                        rows.add(cells);
                    }
                }
                sheets.put(sheet.getName(), rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sheets;
    }

    /** A PDF's text, how many images its pages show and the names of its fonts. */
    record Pdf(String text, int images, List<String> fonts) {
    }

    static Pdf pdf(byte[] pdf) {
        try (var document = Loader.loadPDF(pdf)) {
            int images = 0;
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        images++;
                    }
                }
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName());
                }
            }
            return new Pdf(new PDFTextStripper().getText(document), images, fonts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
