package app.ombud.calltest;

import app.ombud.calltest.MeasuredCall.Group;
import app.ombud.calltest.internal.RecordedCall;
import app.ombud.calltest.internal.TestCallFields;
import app.ombud.directory.DirectoryService;
import app.ombud.platform.OmbudException;
import app.ombud.platform.TimeBucket;
import app.ombud.platform.TimeInput;
import app.ombud.policy.CallTestThresholds;
import app.ombud.policy.PolicyService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The figures of test calls for the statistics page, the reports and BI tools: flat rows per
 * period × group × measure, the correlations of the measures, their monthly trends, weak spots,
 * common problems and streaks of misses. The database selects the recorded calls of the range
 * (index {@code status_called}) and hands back only the fields they read ({@link RecordedCall});
 * the statistics are Hipparchus's ({@link MeasureStatistics}).
 * Aggregates only — no script or scenario content — so leadership and BI readers may read them
 * beside the test-call staff.
 */
@Service
public class TestCallStatistics {

    /** The longest range one request may cover. */
    static final int MAX_DAYS = 3 * 366;

    private final TestCallFields fields;
    private final DirectoryService directory;
    private final PolicyService policy;
    private final Clock clock;

    TestCallStatistics(TestCallFields fields, DirectoryService directory, PolicyService policy, Clock clock) {
        this.fields = fields;
        this.directory = directory;
        this.policy = policy;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('CALLTEST_STAFF','ADMIN','LEADERSHIP','BI_READER')")
    public List<MeasureRow> measureRows(LocalDate from, LocalDate to, TimeBucket bucket, TestCallGroup groupBy) {
        range(from, to);
        var thresholds = thresholds();
        // the period before the first too, for the change against it
        List<MeasuredCall> calls = calls(bucket.previous(bucket.start(from)), to, thresholds);
        return MeasureRows.rows(calls, from, to, bucket, groupBy, thresholds);
    }

    @PreAuthorize("hasAnyRole('CALLTEST_STAFF','ADMIN','LEADERSHIP','BI_READER')")
    public List<MeasureCorrelation> correlations(LocalDate from, LocalDate to) {
        range(from, to);
        return MeasureStatistics.correlations(calls(from, to, thresholds()).stream().map(MeasuredCall::values)
                .toList());
    }

    /** Each measure's trend over the months of the range (the least-squares slope of the monthly means). */
    @PreAuthorize("hasAnyRole('CALLTEST_STAFF','ADMIN','LEADERSHIP','BI_READER')")
    public List<MeasureTrend> trends(LocalDate from, LocalDate to) {
        range(from, to);
        Map<Measure, Map<YearMonth, List<Double>>> byMonth = new EnumMap<>(Measure.class);
        for (MeasuredCall call : calls(from, to, thresholds())) {
            call.values().forEach((measure, value) -> byMonth.computeIfAbsent(measure, m -> new TreeMap<>())
                    .computeIfAbsent(YearMonth.from(call.date()), m -> new ArrayList<>()).add(value));
        }
        List<MeasureTrend> trends = new ArrayList<>();
        byMonth.forEach((measure, months) -> {
            var means = new TreeMap<YearMonth, Double>();
            months.forEach((month, values) -> means.put(month, values.stream().mapToDouble(Double::doubleValue)
                    .average().orElseThrow()));
            trends.add(MeasureStatistics.trend(measure, means));
        });
        return trends;
    }

    @PreAuthorize("hasAnyRole('CALLTEST_STAFF','ADMIN','LEADERSHIP')")
    public List<WeakSpots.Problem> commonProblems(LocalDate from, LocalDate to) {
        range(from, to);
        return WeakSpots.commonProblems(calls(from, to, thresholds()));
    }

    /**
     * Groups that missed the same measure in the policy's number of test calls in a row, up to
     * {@code to}; Ombud's streak job reads them too.
     */
    @PreAuthorize("hasAnyRole('CALLTEST_STAFF','ADMIN','LEADERSHIP') or principal == 'system'")
    public List<WeakSpots.Streak> streaks(LocalDate from, LocalDate to, TestCallGroup groupBy) {
        range(from, to);
        var thresholds = thresholds();
        return WeakSpots.streaks(calls(from, to, thresholds), groupBy, thresholds,
                thresholds.consecutiveMissesToFlag());
    }

    /**
     * A page of the streaks of the range ({@link #streaks}): the longest runs first, then by group
     * name and measure; the position an offset into that order.
     */
    @PreAuthorize("hasAnyRole('CALLTEST_STAFF','ADMIN','LEADERSHIP')")
    public Window<WeakSpots.Streak> streaks(LocalDate from, LocalDate to, TestCallGroup groupBy,
            ScrollPosition position, int size) {
        if (groupBy == null) {
            throw OmbudException.badRequest("REQUIRED", "groupBy", "{0} is required", "groupBy");
        }
        int start = 0;
        if (position instanceof OffsetScrollPosition offset) {
            start = offset.isInitial() ? 0 : Math.toIntExact(Math.min(offset.getOffset() + 1, Integer.MAX_VALUE));
        } else if (position != null && !position.isInitial()) {
            throw OmbudException.badRequest("STREAK_CURSOR_INVALID", "after",
                    "The cursor does not name a place in the list of streaks");
        }
        List<WeakSpots.Streak> all = streaks(from, to, groupBy).stream().sorted(Comparator
                .comparingInt(WeakSpots.Streak::calls).reversed()
                .thenComparing(s -> s.groupName() == null ? s.groupId() : s.groupName())
                .thenComparing(WeakSpots.Streak::measure)).toList();
        int first = Math.min(start, all.size());
        List<WeakSpots.Streak> page = all.subList(first, (int) Math.min(all.size(), (long) first + size));
        return Window.from(page, i -> ScrollPosition.offset(first + i), first + page.size() < all.size());
    }

    /** A recorded call with its value of each measure that applies, as the figures read it. */
    record Valued(RecordedCall call, LocalDate date, Map<Measure, Double> values) {
    }

    /**
     * The recorded calls of the company-local days {@code from} to {@code to} (at most
     * {@link #MAX_DAYS}) with their measures, oldest first — for the training needs derived from
     * them and their effect; unguarded, for this module's services only.
     */
    List<Valued> valued(LocalDate from, LocalDate to) {
        range(from, to);
        ZoneId zone = policy.calendar().zone();
        int satisfied = thresholds().communicationSatisfiedRating();
        Instant now = clock.instant();
        return fields.recordedBetween(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone)
                .toInstant()).stream().map(c -> new Valued(c, LocalDate.ofInstant(c.calledAt(), zone),
                        c.facts().measures(satisfied, now))).toList();
    }

    private CallTestThresholds thresholds() {
        return policy.current().content().callTestThresholds();
    }

    /** The recorded calls of the company-local days {@code from} to {@code to}, as the statistics read them. */
    private List<MeasuredCall> calls(LocalDate from, LocalDate to, CallTestThresholds thresholds) {
        ZoneId zone = policy.calendar().zone();
        Instant now = clock.instant();
        var recorded = fields.recordedBetween(from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant());
        // group names are not test content: read as Ombud, whatever the reader may see of the directory
        Names names = app.ombud.platform.CurrentActor.runAsSystem(() -> names(recorded));
        List<MeasuredCall> calls = new ArrayList<>();
        for (RecordedCall call : recorded) {
            Map<TestCallGroup, Group> groups = new EnumMap<>(TestCallGroup.class);
            groups.put(TestCallGroup.COMPANY, new Group("company", "company"));
            if (call.departmentId() != null) {
                groups.put(TestCallGroup.DEPARTMENT, new Group(call.departmentId().toString(),
                        names.departments.getOrDefault(call.departmentId(), call.departmentId().toString())));
            }
            groups.put(TestCallGroup.TEAM, new Group(call.teamId().toString(),
                    names.teams.getOrDefault(call.teamId(), call.teamId().toString())));
            groups.put(TestCallGroup.AGENT, new Group(call.agentEmployeeId(),
                    names.agents.getOrDefault(call.agentEmployeeId(), call.agentEmployeeId())));
            groups.put(TestCallGroup.SCENARIO_TYPE, new Group(call.scenarioType().name(), call.scenarioType().name()));
            groups.put(TestCallGroup.CHANNEL, new Group(call.channel().name(), call.channel().name()));
            calls.add(new MeasuredCall(call.id().toString(), LocalDate.ofInstant(call.calledAt(), zone), groups,
                    call.facts().measures(thresholds.communicationSatisfiedRating(), now), call.problems()));
        }
        return calls;
    }

    private record Names(Map<UUID, String> departments, Map<UUID, String> teams, Map<String, String> agents) {
    }

    /** The names of the groups, read from the directory once per request. */
    private Names names(List<RecordedCall> recorded) {
        Set<UUID> teamIds = new HashSet<>();
        Set<String> agents = new HashSet<>();
        recorded.forEach(call -> {
            teamIds.add(call.teamId());
            agents.add(call.agentEmployeeId());
        });
        Map<UUID, String> teams = new LinkedHashMap<>();
        Map<UUID, String> departments = new LinkedHashMap<>();
        directory.teamsByIds(teamIds).forEach((id, team) -> {
            teams.put(id, team.name());
            if (team.departmentId() != null && !departments.containsKey(team.departmentId())) {
                departments.put(team.departmentId(), directory.department(team.departmentId()).name());
            }
        });
        Map<String, String> people = new LinkedHashMap<>();
        directory.peopleByEmployeeIds(agents).forEach((id, person) -> people.put(id, person.name()));
        return new Names(departments, teams, people);
    }

    private static void range(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw OmbudException.badRequest("REQUIRED", from == null ? "from" : "to", "{0} is required",
                    from == null ? "from" : "to");
        }
        TimeInput.checkRange(from, "from");
        TimeInput.checkRange(to, "to");
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw OmbudException.badRequest("RANGE_INVALID", "to", "From {0} to {1} is not a range of at most {2} days",
                    from, to, MAX_DAYS);
        }
    }
}
