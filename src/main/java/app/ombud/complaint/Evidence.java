package app.ombud.complaint;

import java.time.Instant;

/** A file attached to a case as evidence (test report, service record, recording, photo). */
public record Evidence(String fileId, String filename, String contentType, long size, String uploadedBy,
        Instant uploadedAt) {
}
