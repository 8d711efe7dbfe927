package app.ombud.calltest;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A monthly or quarterly test-call report (拨测报告) as its readers see it: the period, the group's
 * conclusions and suggestions, the figures (live while a draft, frozen once published), who
 * published it and when, and the steps the reader may take now.
 */
public record CallTestReport(UUID id, String number, ReportPeriod period, ReportStatus status, String conclusions,
        String suggestions, ReportFigures figures, String createdBy, Instant createdAt, String publishedBy,
        Instant publishedAt, Set<ReportStep> allowedSteps, long version) {
}
