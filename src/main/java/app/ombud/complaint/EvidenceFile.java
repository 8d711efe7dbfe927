package app.ombud.complaint;

import java.io.InputStream;

/** An evidence file to download: its description and its bytes. */
public record EvidenceFile(Evidence evidence, InputStream content) {
}
