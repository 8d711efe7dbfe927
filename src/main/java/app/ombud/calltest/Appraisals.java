package app.ombud.calltest;

import app.ombud.calltest.internal.TestCallDocument;
import app.ombud.calltest.internal.TestCallFields;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.improvement.TrainingNeed;
import app.ombud.improvement.TrainingNeeds;
import app.ombud.platform.Actor;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.platform.TextInput;
import app.ombud.platform.TextInput.Kind;
import app.ombud.policy.PolicyService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A person's test-call appraisal of a period (SPEC §4: each person's test-call results and
 * training needs are readable per period for their appraisal). Readers: the person themself, the
 * team lead of their team and the head of their department (as the complaint module decides: the
 * team or department the directory names them lead or head of, or their own), leadership, the
 * test-call staff and admins. Everyone but the staff and admins reads a period only once its
 * report is published (the quarter's report covers its months): agents never learn of test calls
 * before.
 */
@Service
public class Appraisals {

    /** At most this many calls of one person and period are listed. */
    public static final int MAX_CALLS = 200;
    /** At most this many training needs are listed. */
    public static final int MAX_NEEDS = 50;

    private final TestCallFields fields;
    private final CallTestReports reports;
    private final DirectoryService directory;
    private final PolicyService policy;
    private final TrainingNeeds needs;
    private final Clock clock;

    Appraisals(TestCallFields fields, CallTestReports reports, DirectoryService directory, PolicyService policy,
            TrainingNeeds needs, Clock clock) {
        this.fields = fields;
        this.reports = reports;
        this.directory = directory;
        this.policy = policy;
        this.needs = needs;
        this.clock = clock;
    }

    /**
     * The appraisal of {@code employeeId} for a month ({@code 2026-11}) or a quarter
     * ({@code 2026-Q4}): REPORT_PERIOD_INVALID, PERSON_NOT_FOUND, APPRAISAL_NOT_ALLOWED for a reader
     * who is not one of the person's appraisers, RESULTS_NOT_PUBLISHED before the period's report
     * is published.
     */
    @PreAuthorize("isAuthenticated()")
    public TestCallAppraisal of(String employeeId, String period) {
        Actor actor = CurrentActor.required();
        String id = TextInput.required(employeeId, "employeeId", Kind.EMPLOYEE_ID);
        ReportPeriod parsed = ReportPeriod.parse(period, "period");
        Person person = directory.personByEmployeeId(id).orElseThrow(() -> OmbudException.notFound(
                "PERSON_NOT_FOUND", "No person with ID {0}", id));
        if (!mayAppraise(actor, person)) {
            throw OmbudException.forbidden("APPRAISAL_NOT_ALLOWED",
                    "Only the person, their team lead, their department head, leadership and the test-call staff "
                            + "read {0}'s appraisal", id);
        }
        boolean published = published(parsed, reports.publishedPeriods());
        if (!published && !actor.hasAny(Role.CALLTEST_STAFF, Role.ADMIN)) {
            throw OmbudException.forbidden("RESULTS_NOT_PUBLISHED",
                    "The test-call results of {0} are readable once its report is published", parsed.label());
        }
        ZoneId zone = policy.calendar().zone();
        Instant from = parsed.first().atStartOfDay(zone).toInstant();
        Instant to = parsed.last().plusDays(1).atStartOfDay(zone).toInstant();
        var thresholds = policy.current().content().callTestThresholds();
        Instant now = clock.instant();
        var window = fields.ofAgentWithin(id, List.<Instant[]>of(new Instant[] {from, to}), ScrollPosition.offset(),
                MAX_CALLS);
        List<MyTestCallResult> results = new ArrayList<>();
        Map<Measure, List<Double>> values = new EnumMap<>(Measure.class);
        for (TestCallDocument document : window.getContent()) {
            TestCall call = document.view(Set.of());
            var measures = call.facts().measures(thresholds.communicationSatisfiedRating(), now);
            results.add(new MyTestCallResult(call.number(), call.calledAt(), call.channel(), call.finalScore(),
                    measures, call.problems(), call.suggestions()));
            measures.forEach((measure, value) -> values.computeIfAbsent(measure, m -> new ArrayList<>()).add(value));
        }
        List<MeasureSummary> summaries = new ArrayList<>();
        values.forEach((measure, list) -> summaries.add(MeasureStatistics.summary(measure, list.stream()
                .mapToDouble(Double::doubleValue).toArray(), thresholds)));
        // the reader was allowed above; the needs naming the person are read as Ombud (a team lead reads no others')
        List<TrainingNeed> named = CurrentActor.runAsSystem(() -> needs.naming(id,
                TrainingNeedsFromResults.PREFIX + parsed.label() + "/", from, to, MAX_NEEDS));
        return new TestCallAppraisal(id, person.name(), parsed, published, summaries, results, window.hasNext(),
                named);
    }

    /** Whether the actor is one of the person's appraisers. */
    boolean mayAppraise(Actor actor, Person person) {
        if (actor.hasAny(Role.CALLTEST_STAFF, Role.ADMIN, Role.LEADERSHIP)
                || Objects.equals(actor.employeeId(), person.employeeId())) {
            return true;
        }
        if (actor.employeeId() == null || !actor.hasAny(Role.TEAM_LEAD, Role.DEPT_HEAD)) {
            return false;
        }
        Person reader = directory.personByEmployeeId(actor.employeeId()).orElse(null);
        if (actor.has(Role.TEAM_LEAD) && person.teamId() != null && ((reader != null
                && person.teamId().equals(reader.teamId()))
                || directory.teamsByIds(Set.of(person.teamId())).values().stream()
                        .anyMatch(team -> actor.employeeId().equals(team.leadEmployeeId())))) {
            return true;
        }
        return actor.has(Role.DEPT_HEAD) && person.departmentId() != null && ((reader != null
                && person.departmentId().equals(reader.departmentId()))
                || directory.headOf(person.departmentId()).filter(actor.employeeId()::equals).isPresent());
    }

    /** Whether the period's report is published, or for a month the report of its quarter. */
    static boolean published(ReportPeriod period, List<ReportPeriod> published) {
        String quarter = period.quarter() ? null : Quarter.of(period.first()).toString();
        return published.stream().anyMatch(p -> p.label().equals(period.label()) || p.label().equals(quarter));
    }
}
