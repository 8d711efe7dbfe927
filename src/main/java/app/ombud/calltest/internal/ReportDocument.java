package app.ombud.calltest.internal;

import app.ombud.calltest.CallTestReport;
import app.ombud.calltest.Measure;
import app.ombud.calltest.MeasureTrend;
import app.ombud.calltest.ReportFigures;
import app.ombud.calltest.ReportPeriod;
import app.ombud.calltest.ReportStatus;
import app.ombud.calltest.ReportStep;
import app.ombud.platform.Actor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.StepGuard;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A test-call report: one per period. A draft's figures are read live; publishing stores them
 * as they are then, and a published report never changes (no step is allowed on it).
 */
@CompoundIndexes({
    @CompoundIndex(name = "period_id", def = "{'period': -1, '_id': 1}"),
    @CompoundIndex(name = "status", def = "{'status': 1}")
})
@Document("callTestReports")
public class ReportDocument implements StepGuard<ReportStep, TestCallCaller> {

    /** A trend as stored (months as text). */
    public record StoredTrend(Measure measure, String first, String last, int months, Double slopePerMonth) {

        static StoredTrend of(MeasureTrend t) {
            return new StoredTrend(t.measure(), t.first() == null ? null : t.first().toString(),
                    t.last() == null ? null : t.last().toString(), t.months(), t.slopePerMonth());
        }

        MeasureTrend trend() {
            return new MeasureTrend(measure, first == null ? null : YearMonth.parse(first),
                    last == null ? null : YearMonth.parse(last), months, slopePerMonth);
        }
    }

    /** The figures as stored when the report was published. */
    public record StoredFigures(long calls, List<app.ombud.calltest.MeasureRow> byTeam,
            List<app.ombud.calltest.MeasureRow> company, List<app.ombud.calltest.MeasureCorrelation> correlations,
            List<StoredTrend> trends, List<app.ombud.calltest.MeasureRow> weakSpots,
            List<app.ombud.calltest.WeakSpots.Problem> problems) {

        static StoredFigures of(ReportFigures f) {
            return new StoredFigures(f.calls(), f.byTeam(), f.company(), f.correlations(),
                    f.trends().stream().map(StoredTrend::of).toList(), f.weakSpots(), f.problems());
        }

        ReportFigures figures() {
            return new ReportFigures(calls, byTeam, company, correlations,
                    trends.stream().map(StoredTrend::trend).toList(), weakSpots, problems);
        }
    }

    @Id
    private final UUID id;
    @Indexed(unique = true)
    private final String number;
    @Indexed(unique = true)
    private final String period;
    private ReportStatus status;
    private String conclusions;
    private String suggestions;
    private StoredFigures figures;
    private final String createdBy;
    private final Instant createdAt;
    private String publishedBy;
    private Instant publishedAt;
    @Version
    private Long version;

    @PersistenceCreator
    ReportDocument(UUID id, String number, String period, ReportStatus status, String conclusions,
            String suggestions, StoredFigures figures, String createdBy, Instant createdAt, String publishedBy,
            Instant publishedAt, Long version) {
        this.id = id;
        this.number = number;
        this.period = period;
        this.status = status;
        this.conclusions = conclusions;
        this.suggestions = suggestions;
        this.figures = figures;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.publishedBy = publishedBy;
        this.publishedAt = publishedAt;
        this.version = version;
    }

    public static ReportDocument draft(UUID id, String number, ReportPeriod period, Actor actor, Instant now) {
        return new ReportDocument(id, number, period.label(), ReportStatus.DRAFT, null, null, null, actor.key(), now,
                null, null, null);
    }

    @Override
    public Class<ReportStep> stepType() {
        return ReportStep.class;
    }

    @Override
    public Optional<OmbudException> refusal(ReportStep step, TestCallCaller caller) {
        if (status == ReportStatus.PUBLISHED) {
            return Optional.of(OmbudException.conflict("REPORT_PUBLISHED", "Report {0} is published and frozen",
                    number));
        }
        return switch (step) {
            case EDIT -> caller.staff() ? Optional.empty() : Optional.of(OmbudException.forbidden(
                    "CALLTEST_STAFF_ONLY", "Only the test-call staff may do this"));
            case PUBLISH -> caller.groupLead() && caller.staff() ? Optional.empty() : Optional.of(
                    OmbudException.forbidden("GROUP_LEAD_ONLY", "Only the test-call group's lead may do this"));
        };
    }

    public void edit(String conclusions, String suggestions) {
        this.conclusions = conclusions;
        this.suggestions = suggestions;
    }

    /** Freezes the figures as they are now. */
    public void publish(ReportFigures now, Actor actor, Instant at) {
        figures = StoredFigures.of(now);
        status = ReportStatus.PUBLISHED;
        publishedBy = actor.key();
        publishedAt = at;
    }

    /** The report; its figures are the stored ones once published, null for a draft (they are live). */
    public CallTestReport view(Set<ReportStep> allowed) {
        return new CallTestReport(id, number, new ReportPeriod(period), status, conclusions, suggestions,
                figures == null ? null : figures.figures(), createdBy, createdAt, publishedBy, publishedAt, allowed,
                version == null ? 0 : version);
    }

    public UUID id() {
        return id;
    }

    public ReportPeriod period() {
        return new ReportPeriod(period);
    }

    public ReportStatus status() {
        return status;
    }

    public Long version() {
        return version;
    }
}
