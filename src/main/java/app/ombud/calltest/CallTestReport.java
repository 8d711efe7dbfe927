package app.ombud.calltest;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A monthly or quarterly test-call report (拨测报告) as its readers see it: the period, the group's
 * conclusions and suggestions, the figures frozen when it was published (null for a draft: its
 * figures are live, {@link CallTestReports#figures}), who
 * published it and when, and the steps the reader may take now.
 */
public record CallTestReport(UUID id, String number, ReportPeriod period, ReportStatus status, String conclusions,
        String suggestions, ReportFigures figures, String createdBy, Instant createdAt, String publishedBy,
        Instant publishedAt, Set<ReportStep> allowedSteps, long version) {
}
