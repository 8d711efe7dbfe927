package app.ombud.policy;

import app.ombud.platform.OmbudException;
import app.ombud.platform.Paging;
import app.ombud.platform.TextInput;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class PolicyController {

    private final PolicyService policies;
    private final Paging paging;

    PolicyController(PolicyService policies, Paging paging) {
        this.policies = policies;
        this.paging = paging;
    }

    record CalendarDayView(LocalDate date, String name) {
    }

    record PeriodView(String start, String end) {
    }

    record WorkingTimeResult(Instant start, Instant due, int policyVersion) {
    }

    record UpdatePolicyPayload(PolicyVersion policy) {
    }

    record AddWorkingTimeInput(Instant start, Integer workingDays, Integer workingHours, Integer workingMinutes) {
    }

    record CaseFactsInput(CaseCategory category, List<CaseFlag> flags, java.math.BigDecimal compensationAsked,
            Integer repeatComplaints) {
    }

    record CalendarDayInput(LocalDate date, String name) {
    }

    record WorkingPeriodInput(String start, String end) {
    }

    record WorkingCalendarInput(String zone, List<DayOfWeek> workingDays, List<WorkingPeriodInput> periods,
            List<CalendarDayInput> holidays, List<CalendarDayInput> workdays, List<HolidaySourceInput> sources) {
    }

    record HolidaySourceInput(Integer year, String title, String documentNumber, LocalDate published, String url) {
    }

    record CalendarImportInput(int year, String ics, HolidaySourceInput source) {
    }

    record ImportCalendarYearInput(int basedOnVersion, String comment, int year, String ics,
            HolidaySourceInput source) {
    }

    record CalendarImportPreview(int year, HolidaySource source, int basedOnVersion, List<CalendarChange> changes) {
    }

    // ---- queries ------------------------------------------------------------------------

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    PolicyVersion policy() {
        return policies.current();
    }

    @QueryMapping
    PolicyVersion policyVersion(@Argument int number) {
        return policies.version(number);
    }

    @QueryMapping
    Window<PolicyVersion> policyVersions(ScrollSubrange subrange) {
        return policies.history(paging.position(subrange), paging.size(subrange));
    }

    @QueryMapping
    List<PolicyDiff> policyDiff(@Argument int from, @Argument int to) {
        return policies.diff(from, to);
    }

    @QueryMapping
    GradingResult evaluateLevel(@Argument CaseFactsInput facts) {
        return policies.evaluateLevel(new CaseFacts(facts.category(), facts.flags() == null ? Set.of()
                : Set.copyOf(facts.flags()), facts.compensationAsked(),
                facts.repeatComplaints() == null ? 0 : facts.repeatComplaints()));
    }

    @QueryMapping
    RouteResult routeEmployee(@Argument String employeeId) {
        return policies.routeEmployee(employeeId);
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    WorkingTimeResult addWorkingTime(@Argument AddWorkingTimeInput input) {
        Duration amount = Duration.ZERO;
        var calendar = policies.calendar();
        if (input.workingDays() != null) {
            amount = amount.plus(calendar.workingDayLength().multipliedBy(nonNegative(input.workingDays(), "workingDays")));
        }
        if (input.workingHours() != null) {
            amount = amount.plusHours(nonNegative(input.workingHours(), "workingHours"));
        }
        if (input.workingMinutes() != null) {
            amount = amount.plusMinutes(nonNegative(input.workingMinutes(), "workingMinutes"));
        }
        return new WorkingTimeResult(input.start(), policies.addWorkingTime(input.start(), amount),
                policies.current().number());
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    long workingMinutesBetween(@Argument Instant from, @Argument Instant to) {
        return policies.calendar().workingTimeBetween(from, to).toMinutes();
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    boolean isWorkingDay(@Argument LocalDate date) {
        return policies.calendar().isWorkingDay(date);
    }

    @QueryMapping
    @PreAuthorize("hasRole('ADMIN')")
    CalendarImportPreview previewCalendarImport(@Argument CalendarImportInput input) {
        byte[] ics = icsBytes(input.ics());
        var preview = policies.previewCalendarImport(input.year(), ics, source(input.source(), "source"));
        return new CalendarImportPreview(preview.year(), preview.source(), preview.basedOnVersion(),
                preview.changes());
    }

    // ---- the content of a version -------------------------------------------------------

    @SchemaMapping(typeName = "PolicyVersion")
    Grading grading(PolicyVersion version) {
        return version.content().grading();
    }

    @SchemaMapping(typeName = "PolicyVersion")
    List<RoutingRule> routing(PolicyVersion version) {
        return version.content().routing().rules();
    }

    @SchemaMapping(typeName = "PolicyVersion")
    ReviewWindows reviewWindows(PolicyVersion version) {
        return version.content().reviewWindows();
    }

    @SchemaMapping(typeName = "PolicyVersion")
    ReviewCriteria reviewCriteria(PolicyVersion version) {
        return version.content().reviewCriteria();
    }

    @SchemaMapping(typeName = "PolicyVersion")
    CallTestThresholds callTestThresholds(PolicyVersion version) {
        return version.content().callTestThresholds();
    }

    @SchemaMapping(typeName = "PolicyVersion")
    Scorecard scorecard(PolicyVersion version) {
        return version.content().scorecard();
    }

    @SchemaMapping(typeName = "PolicyVersion")
    MessageTemplates messageTemplates(PolicyVersion version) {
        return version.content().templates();
    }

    @SchemaMapping(typeName = "PolicyVersion")
    OperationsTargets operationsTargets(PolicyVersion version) {
        return version.content().operations();
    }

    @SchemaMapping(typeName = "PolicyVersion")
    WorkingCalendar calendar(PolicyVersion version) {
        return version.content().calendar();
    }

    @SchemaMapping(typeName = "WorkingCalendar")
    String zone(WorkingCalendar calendar) {
        return calendar.zone().getId();
    }

    @SchemaMapping(typeName = "WorkingCalendar")
    List<DayOfWeek> workingDays(WorkingCalendar calendar) {
        return calendar.workingDays().stream().sorted().toList();
    }

    @SchemaMapping(typeName = "WorkingCalendar")
    List<PeriodView> periods(WorkingCalendar calendar) {
        return calendar.periods().stream().map(p -> new PeriodView(p.start().toString(), p.end().toString())).toList();
    }

    @SchemaMapping(typeName = "WorkingCalendar")
    List<CalendarDayView> holidays(WorkingCalendar calendar) {
        return days(calendar.holidays());
    }

    @SchemaMapping(typeName = "WorkingCalendar")
    List<CalendarDayView> workdays(WorkingCalendar calendar) {
        return days(calendar.workdays());
    }

    // ---- mutations ----------------------------------------------------------------------

    record UpdateGradingInput(int basedOnVersion, String comment, Grading grading) {
    }

    record UpdateRoutingInput(int basedOnVersion, String comment, List<RoutingRule> rules) {
    }

    record UpdateReviewWindowsInput(int basedOnVersion, String comment, ReviewWindows reviewWindows) {
    }

    record UpdateReviewCriteriaInput(int basedOnVersion, String comment, ReviewCriteria criteria) {
    }

    record UpdateCallTestThresholdsInput(int basedOnVersion, String comment, CallTestThresholds thresholds) {
    }

    record UpdateScorecardInput(int basedOnVersion, String comment, Scorecard scorecard) {
    }

    record UpdateMessageTemplatesInput(int basedOnVersion, String comment, MessageTemplates templates) {
    }

    record UpdateOperationsTargetsInput(int basedOnVersion, String comment, OperationsTargets targets) {
    }

    record UpdateWorkingCalendarInput(int basedOnVersion, String comment, WorkingCalendarInput calendar) {
    }

    @MutationMapping
    UpdatePolicyPayload updateGrading(@Argument UpdateGradingInput input) {
        return new UpdatePolicyPayload(policies.update(PolicySections.GRADING, input.basedOnVersion(), input.grading(), input.comment()));
    }

    @MutationMapping
    UpdatePolicyPayload updateRouting(@Argument UpdateRoutingInput input) {
        return new UpdatePolicyPayload(policies.update(PolicySections.ROUTING, input.basedOnVersion(), new Routing(input.rules()), input.comment()));
    }

    @MutationMapping
    UpdatePolicyPayload updateReviewWindows(@Argument UpdateReviewWindowsInput input) {
        return new UpdatePolicyPayload(policies.update(PolicySections.REVIEW_WINDOWS, input.basedOnVersion(), input.reviewWindows(), input.comment()));
    }

    @MutationMapping
    UpdatePolicyPayload updateReviewCriteria(@Argument UpdateReviewCriteriaInput input) {
        return new UpdatePolicyPayload(policies.update(PolicySections.REVIEW_CRITERIA, input.basedOnVersion(), input.criteria(),
                input.comment()));
    }

    @MutationMapping
    UpdatePolicyPayload updateCallTestThresholds(@Argument UpdateCallTestThresholdsInput input) {
        return new UpdatePolicyPayload(policies.update(PolicySections.CALL_TEST_THRESHOLDS, input.basedOnVersion(), input.thresholds(), input.comment()));
    }

    @MutationMapping
    UpdatePolicyPayload updateScorecard(@Argument UpdateScorecardInput input) {
        return new UpdatePolicyPayload(policies.update(PolicySections.SCORECARD, input.basedOnVersion(), input.scorecard(),
                input.comment()));
    }

    @MutationMapping
    UpdatePolicyPayload updateMessageTemplates(@Argument UpdateMessageTemplatesInput input) {
        return new UpdatePolicyPayload(policies.update(PolicySections.TEMPLATES, input.basedOnVersion(), input.templates(), input.comment()));
    }

    @MutationMapping
    UpdatePolicyPayload updateOperationsTargets(@Argument UpdateOperationsTargetsInput input) {
        return new UpdatePolicyPayload(policies.update(PolicySections.OPERATIONS, input.basedOnVersion(), input.targets(), input.comment()));
    }

    /** Checked here too, not only in the service: the input is read (and may be refused) before the service runs. */
    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    UpdatePolicyPayload updateWorkingCalendar(@Argument UpdateWorkingCalendarInput input) {
        // every text is checked before the calendar is parsed, the comment too
        TextInput.optional(input.comment(), "comment", TextInput.Kind.NOTE);
        // sources left out: the holidays keep the sources of the calendar in force
        var calendar = toCalendar(input.calendar(), policies.calendar().sources());
        return new UpdatePolicyPayload(policies.update(PolicySections.CALENDAR, input.basedOnVersion(), calendar, input.comment()));
    }

    /** Checked here too: every text before the file is read. */
    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    UpdatePolicyPayload importCalendarYear(@Argument ImportCalendarYearInput input) {
        TextInput.optional(input.comment(), "comment", TextInput.Kind.NOTE);
        HolidaySource source = source(input.source(), "source");
        byte[] ics = icsBytes(input.ics());
        return new UpdatePolicyPayload(policies.importCalendarYear(input.basedOnVersion(), input.year(), ics, source,
                input.comment()));
    }

    private static byte[] icsBytes(String ics) {
        return TextInput.required(ics, "ics", TextInput.Kind.FILE).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A source as given, its texts checked under {@code field}; the year is the import's or the input's. */
    private static HolidaySource source(HolidaySourceInput input, String field) {
        if (input == null) {
            return null;
        }
        String title = TextInput.optional(input.title(), field + ".title", TextInput.Kind.LINE);
        String number = TextInput.optional(input.documentNumber(), field + ".documentNumber", TextInput.Kind.NAME);
        String url = TextInput.optional(input.url(), field + ".url", TextInput.Kind.LINE);
        return new HolidaySource(input.year() == null ? 0 : input.year(), title, number, input.published(), url);
    }

    static WorkingCalendar toCalendar(WorkingCalendarInput input, List<HolidaySource> keptSources) {
        String zoneId = TextInput.required(input.zone(), "zone", TextInput.Kind.CODE);
        input.periods().forEach(p -> {
            TextInput.optional(p.start(), "periods.start", TextInput.Kind.CODE);
            TextInput.optional(p.end(), "periods.end", TextInput.Kind.CODE);
        });
        var holidays = map(input.holidays(), "holidays.name");
        var workdays = map(input.workdays(), "workdays.name");
        List<HolidaySource> sources = input.sources() == null ? keptSources
                : input.sources().stream().map(source -> source(source, "sources")).toList();
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneId);
        } catch (RuntimeException e) {
            throw OmbudException.badRequest("CALENDAR_ZONE_INVALID", "zone", "Unknown time zone {0}", input.zone());
        }
        var periods = input.periods().stream()
                .map(p -> new WorkingCalendar.Period(time(p.start()), time(p.end()))).toList();
        return new WorkingCalendar(zone, Set.copyOf(input.workingDays()), periods, holidays, workdays, sources);
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            throw OmbudException.badRequest("CALENDAR_PERIOD_INVALID", "periods", "Not a time of day (HH:mm): {0}",
                    text);
        }
    }

    private static Map<LocalDate, String> map(List<CalendarDayInput> days, String field) {
        Map<LocalDate, String> map = new LinkedHashMap<>();
        if (days != null) {
            days.forEach(d -> {
                String name = TextInput.optional(d.name(), field, TextInput.Kind.NAME);
                map.put(d.date(), name == null ? "" : name);
            });
        }
        return map;
    }

    private static List<CalendarDayView> days(Map<LocalDate, String> days) {
        return days.entrySet().stream().map(e -> new CalendarDayView(e.getKey(), e.getValue())).toList();
    }

    private static int nonNegative(int value, String field) {
        if (value < 0 || value > 100_000) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", field, "{0} must be between {1} and {2}", field, 0,
                    100_000);
        }
        return value;
    }
}
