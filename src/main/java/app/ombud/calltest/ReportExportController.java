package app.ombud.calltest;

import app.ombud.platform.TimeBucket;
import app.ombud.platform.export.ExportFile;
import app.ombud.platform.ui.Locales;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The test-call exports over HTTP with a bearer token, beside GraphQL (which carries no files):
 * {@code GET /api/calltest/reports/{id}/pdf}, {@code GET /api/calltest/reports/{id}/xlsx} and
 * {@code GET /api/calltest/measure-rows.xlsx?from=&to=&bucket=&groupBy=}. The texts are in
 * {@code lang} ({@code zh-CN} or {@code en}), else in the request's {@code Accept-Language},
 * Chinese by default. The same service rules apply as in the portal.
 */
@RestController
class ReportExportController {

    private final ReportExports exports;

    ReportExportController(ReportExports exports) {
        this.exports = exports;
    }

    @GetMapping("/api/calltest/reports/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @RequestParam(required = false) String lang,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accept) {
        return file(exports.pdf(id, language(lang, accept)));
    }

    @GetMapping("/api/calltest/reports/{id}/xlsx")
    ResponseEntity<byte[]> excel(@PathVariable UUID id, @RequestParam(required = false) String lang,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accept) {
        return file(exports.excel(id, language(lang, accept)));
    }

    @GetMapping("/api/calltest/measure-rows.xlsx")
    ResponseEntity<byte[]> rows(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam TimeBucket bucket, @RequestParam TestCallGroup groupBy,
            @RequestParam(required = false) String lang,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accept) {
        return file(exports.measureRows(from, to, bucket, groupBy, language(lang, accept)));
    }

    /** {@code lang}, else the first language of {@code Accept-Language}, else Chinese. */
    private static Locale language(String lang, String accept) {
        if (lang != null && !lang.isBlank()) {
            return Locales.closest(Locale.forLanguageTag(lang.strip()));
        }
        try {
            var ranges = accept == null ? List.<Locale.LanguageRange>of() : Locale.LanguageRange.parse(accept);
            return ranges.isEmpty() ? Locales.ZH_CN : Locales.closest(Locale.forLanguageTag(ranges.getFirst()
                    .getRange()));
        } catch (IllegalArgumentException e) {
            return Locales.ZH_CN;
        }
    }

    private static ResponseEntity<byte[]> file(ExportFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.filename(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.content());
    }
}
