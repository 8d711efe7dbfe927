package app.ombud.complaint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence files over HTTP with a bearer token, beside GraphQL (which carries no files):
 * {@code POST /api/cases/{id}/evidence} (multipart field {@code file}) and
 * {@code GET /api/cases/{id}/evidence/{fileId}}. The same service rules apply.
 */
@RestController
class EvidenceController {

    private final ComplaintService cases;

    EvidenceController(ComplaintService cases) {
        this.cases = cases;
    }

    @PostMapping("/api/cases/{caseId}/evidence")
    ComplaintCase upload(@PathVariable UUID caseId, @RequestParam("file") MultipartFile file,
            @RequestParam(value = "expectedVersion", required = false) Long expectedVersion) throws IOException {
        return cases.attachEvidence(caseId, file.getOriginalFilename(), file.getBytes(), expectedVersion);
    }

    @GetMapping("/api/cases/{caseId}/evidence/{fileId}")
    ResponseEntity<InputStreamResource> download(@PathVariable UUID caseId, @PathVariable String fileId) {
        var file = cases.evidenceFile(caseId, fileId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.evidence().contentType()))
                .contentLength(file.evidence().size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.evidence().filename(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new InputStreamResource(file.content()));
    }
}
