package app.ombud.review;

import java.time.Instant;

/** The handover sheet entry (交接表): the team lead who checked and forwarded the work order, and when. */
public record Handover(String by, String byName, Instant at, String note) {
}
