package app.ombud.calltest;

import app.ombud.calltest.internal.ReportDocument;
import app.ombud.calltest.internal.ReportFields;
import app.ombud.calltest.internal.TestCallCaller;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Sequences;
import app.ombud.platform.TextInput;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.TimeBucket;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Monthly and quarterly test-call reports (SPEC §4): the staff draft one per period and write the
 * group's conclusions and suggestions; the group's lead publishes it, which freezes its figures —
 * later calls, corrections or voids change nothing in it — and lets each agent see their own
 * scored results of that period. Readers: the test-call staff, admins and leadership.
 */
@Service
public class CallTestReports {

    private static final Logger log = LoggerFactory.getLogger(CallTestReports.class);

    private final ReportFields fields;
    private final TestCallStatistics statistics;
    private final CallTestGroups groups;
    private final Sequences sequences;
    private final AuditTrail audit;
    private final Clock clock;
    private final TrainingNeedsFromResults training;

    CallTestReports(ReportFields fields, TestCallStatistics statistics, CallTestGroups groups, Sequences sequences,
            AuditTrail audit, Clock clock, TrainingNeedsFromResults training) {
        this.fields = fields;
        this.statistics = statistics;
        this.groups = groups;
        this.sequences = sequences;
        this.audit = audit;
        this.clock = clock;
        this.training = training;
    }

    /** A draft report of the period (REPORT_EXISTS when it has one). */
    @CallTestStaff
    public CallTestReport create(String period) {
        var actor = CurrentActor.requirePerson();
        var parsed = ReportPeriod.parse(period, "period");
        var document = ReportDocument.draft(UUID.randomUUID(), "BG-%05d".formatted(sequences.next("calltest.report")),
                parsed, actor, clock.instant());
        fields.insert(document);
        audit.record("calltest.report.created", "CallTestReport", parsed.label(), Map.of());
        return view(document);
    }

    @PreAuthorize("hasAnyRole('CALLTEST_STAFF','ADMIN','LEADERSHIP')")
    public CallTestReport get(UUID id) {
        return view(load(id, null));
    }

    @PreAuthorize("hasAnyRole('CALLTEST_STAFF','ADMIN','LEADERSHIP')")
    public Window<CallTestReport> search(ScrollPosition position, int size) {
        return fields.search(position, size).map(this::view);
    }

    /** The group's conclusions and suggestions, while a draft. */
    @CallTestStaff
    public CallTestReport edit(UUID id, String conclusions, String suggestions, Long expectedVersion) {
        var actor = CurrentActor.requirePerson();
        String c = TextInput.optional(conclusions, "conclusions", Kind.TEXT);
        String s = TextInput.optional(suggestions, "suggestions", Kind.TEXT);
        var document = load(id, expectedVersion);
        document.require(ReportStep.EDIT, caller(actor));
        document.edit(c, s);
        var saved = fields.save(document);
        audit.record("calltest.report.edited", "CallTestReport", saved.period().label(), Map.of());
        return view(saved);
    }

    /**
     * The lead publishes: the figures are stored as they are now and never change again. Once the
     * publish is saved, the period's training needs are derived from its results
     * ({@link TrainingNeedsFromResults}); a failure there is logged and loses nothing of the publish
     * — the staff derive them again on the report's page.
     */
    @CallTestStaff
    public CallTestReport publish(UUID id, Long expectedVersion) {
        var actor = CurrentActor.requirePerson();
        var document = load(id, expectedVersion);
        document.require(ReportStep.PUBLISH, caller(actor));
        document.publish(figures(document.period()), actor, clock.instant());
        var saved = fields.save(document);
        audit.record("calltest.report.published", "CallTestReport", saved.period().label(), Map.of());
        try {
            training.derive(saved.period());
        } catch (RuntimeException e) {
            log.warn("Training needs of {} not derived at its publish: {}", saved.period().label(), e.toString());
        }
        return view(saved);
    }

    /** The periods of the published reports, for an agent's own results. */
    List<ReportPeriod> publishedPeriods() {
        return fields.published().stream().map(ReportDocument::period).toList();
    }

    private ReportFigures figures(ReportPeriod period) {
        var from = period.first();
        var to = period.last();
        var byTeam = statistics.measureRows(from, to, TimeBucket.MONTH, TestCallGroup.TEAM);
        var company = statistics.measureRows(from, to, period.quarter() ? TimeBucket.QUARTER : TimeBucket.MONTH,
                TestCallGroup.COMPANY);
        long calls = company.stream().mapToLong(MeasureRow::n).max().orElse(0);
        return new ReportFigures(calls, byTeam, company, statistics.correlations(from, to).stream()
                .filter(c -> c.n() > 0).toList(), statistics.trends(from, to), WeakSpots.missing(byTeam),
                statistics.commonProblems(from, to));
    }

    /**
     * The report's figures: the frozen ones once published, else computed now from the period's
     * calls — only when asked for (one report's page, or a query that selects them), never for a
     * whole list of drafts.
     */
    @PreAuthorize("hasAnyRole('CALLTEST_STAFF','ADMIN','LEADERSHIP')")
    public ReportFigures figures(CallTestReport report) {
        return report.figures() != null ? report.figures() : figures(report.period());
    }

    private CallTestReport view(ReportDocument document) {
        return document.view(document.allowedSteps(caller(CurrentActor.required())));
    }

    private ReportDocument load(UUID id, Long expectedVersion) {
        var document = fields.byId(id).orElseThrow(() -> OmbudException.notFound("REPORT_NOT_FOUND",
                "No test-call report {0}", id));
        if (expectedVersion != null && !expectedVersion.equals(document.version() == null ? 0L
                : document.version())) {
            throw OmbudException.concurrentUpdate();
        }
        return document;
    }

    private TestCallCaller caller(app.ombud.platform.Actor actor) {
        return TestCallCaller.of(actor, groups.lead().orElse(null));
    }

}
