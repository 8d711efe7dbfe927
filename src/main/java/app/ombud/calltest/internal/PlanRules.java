package app.ombud.calltest.internal;

import app.ombud.calltest.CallChannel;
import app.ombud.calltest.MonthlyQuota;
import app.ombud.calltest.PlanInput;
import app.ombud.calltest.Quarter;
import app.ombud.calltest.ScenarioRef;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.platform.TextInput;
import app.ombud.platform.TextInput.Kind;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The checks of a plan's content: texts first (before any lookup), then the quarter (not past,
 * at most two years ahead), the scope's teams (of the directory), the scenarios (not retired; the
 * current revision is kept), the executors (active CALLTEST_STAFF people) and the quotas (a month
 * of the quarter, a team and channel of the scope, 0 to {@link #MAX_QUOTA}, each stratum once).
 */
@Component
public class PlanRules {

    public static final int MAX_QUOTA = 200;
    public static final int MAX_LIST = 100;
    private static final int MAX_QUARTERS_AHEAD = 8;

    private final DirectoryService directory;
    private final ScenarioFields scenarios;

    PlanRules(DirectoryService directory, ScenarioFields scenarios) {
        this.directory = directory;
        this.scenarios = scenarios;
    }

    /** The content the input makes, checked against today's date in the company's zone. */
    public PlanContent content(PlanInput input, LocalDate today) {
        if (input == null) {
            throw OmbudException.badRequest("REQUIRED", "input", "{0} is required", "input");
        }
        String quarterText = TextInput.required(input.quarter(), "quarter", Kind.CODE);
        String purpose = TextInput.required(input.purpose(), "purpose", Kind.NOTE);
        String schedule = TextInput.optional(input.schedule(), "schedule", Kind.NOTE);
        List<String> lines = distinct(input.lines(), "lines", Kind.CODE);
        List<String> executors = distinct(input.executorEmployeeIds(), "executorEmployeeIds", Kind.EMPLOYEE_ID);
        List<MonthlyQuota> quotas = input.quotas() == null ? List.of() : input.quotas();
        for (var quota : quotas) {
            TextInput.required(quota == null ? null : quota.month(), "quotas.month", Kind.CODE);
        }

        Quarter quarter = Quarter.parse(quarterText, "quarter");
        Quarter now = Quarter.of(today);
        if (quarter.isBefore(now)) {
            throw OmbudException.badRequest("PLAN_QUARTER_PAST", "quarter", "Quarter {0} is over", quarter);
        }
        if ((quarter.year() - now.year()) * 4 + quarter.number() - now.number() > MAX_QUARTERS_AHEAD) {
            throw OmbudException.badRequest("PLAN_QUARTER_TOO_FAR", "quarter",
                    "Quarter {0} is more than two years ahead", quarter);
        }
        List<UUID> teams = List.copyOf(new LinkedHashSet<>(input.teamIds() == null ? List.of() : input.teamIds()));
        if (teams.isEmpty()) {
            throw OmbudException.badRequest("REQUIRED", "teamIds", "{0} is required", "teamIds");
        }
        size(teams.size(), "teamIds");
        var known = directory.teamsByIds(teams);
        for (UUID team : teams) {
            if (!known.containsKey(team)) {
                throw OmbudException.badRequest("TEAM_NOT_FOUND", "teamIds", "No team {0}", team);
            }
        }
        List<CallChannel> channels = List.copyOf(new LinkedHashSet<>(
                input.channels() == null ? List.of() : input.channels()));
        if (channels.isEmpty()) {
            throw OmbudException.badRequest("REQUIRED", "channels", "{0} is required", "channels");
        }
        return new PlanContent(quarter.toString(), purpose, teams, lines, channels, schedule,
                scenarios(input.scenarioIds()), executors(executors), quotas(quotas, quarter, teams, channels));
    }

    /** What a plan needs before it is submitted: scenarios, executors and some quota. */
    public void requireComplete(PlanContent content) {
        String missing = content.scenarios().isEmpty() ? "scenarioIds"
                : content.executorEmployeeIds().isEmpty() ? "executorEmployeeIds"
                        : content.quotas().stream().allMatch(q -> q.count() == 0) ? "quotas" : null;
        if (missing != null) {
            throw OmbudException.badRequest("PLAN_INCOMPLETE", missing, "The plan needs {0} before it is submitted",
                    missing);
        }
    }

    private List<ScenarioRef> scenarios(List<UUID> ids) {
        List<UUID> wanted = List.copyOf(new LinkedHashSet<>(ids == null ? List.of() : ids));
        size(wanted.size(), "scenarioIds");
        Map<UUID, ScenarioDocument> found = new java.util.HashMap<>();
        scenarios.byIds(wanted).forEach(s -> found.put(s.id(), s));
        List<ScenarioRef> refs = new ArrayList<>();
        for (UUID id : wanted) {
            var scenario = found.get(id);
            if (scenario == null) {
                throw OmbudException.badRequest("SCENARIO_NOT_FOUND", "scenarioIds", "No scenario {0}", id);
            }
            if (scenario.retired()) {
                throw OmbudException.badRequest("SCENARIO_RETIRED", "scenarioIds", "Scenario {0} is retired",
                        scenario.number());
            }
            refs.add(new ScenarioRef(id, scenario.current().revision()));
        }
        return List.copyOf(refs);
    }

    private List<String> executors(List<String> ids) {
        Map<String, Person> people = directory.peopleByEmployeeIds(ids);
        for (String id : ids) {
            Person person = people.get(id);
            if (person == null || !person.active()) {
                throw OmbudException.badRequest("PERSON_NOT_FOUND", "executorEmployeeIds", "No active person {0}", id);
            }
            if (!person.roles().contains(Role.CALLTEST_STAFF)) {
                throw OmbudException.badRequest("NOT_CALLTEST_STAFF", "executorEmployeeIds",
                        "{0} is not CALLTEST_STAFF", id);
            }
        }
        return ids;
    }

    private static List<MonthlyQuota> quotas(List<MonthlyQuota> quotas, Quarter quarter, List<UUID> teams,
            List<CallChannel> channels) {
        size(quotas.size(), "quotas");
        Set<String> seen = new HashSet<>();
        List<MonthlyQuota> clean = new ArrayList<>();
        for (var quota : quotas) {
            YearMonth month = Quarter.month(quota.month(), "quotas.month");
            if (!quarter.contains(month)) {
                throw OmbudException.badRequest("QUOTA_MONTH_OUTSIDE_QUARTER", "quotas.month",
                        "Month {0} is not in quarter {1}", month, quarter);
            }
            if (quota.teamId() == null || !teams.contains(quota.teamId())) {
                throw OmbudException.badRequest("QUOTA_TEAM_OUT_OF_SCOPE", "quotas.teamId",
                        "Team {0} is not in the plan's scope", quota.teamId());
            }
            if (quota.channel() == null || !channels.contains(quota.channel())) {
                throw OmbudException.badRequest("QUOTA_CHANNEL_OUT_OF_SCOPE", "quotas.channel",
                        "Channel {0} is not in the plan's scope", quota.channel());
            }
            if (quota.count() < 0 || quota.count() > MAX_QUOTA) {
                throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", "quotas.count",
                        "{0} must be between {1} and {2}", "quotas.count", 0, MAX_QUOTA);
            }
            if (!seen.add(month + "/" + quota.teamId() + "/" + quota.channel())) {
                throw OmbudException.badRequest("QUOTA_TWICE", "quotas", "The quota of {0} is given twice", month);
            }
            clean.add(new MonthlyQuota(month.toString(), quota.teamId(), quota.channel(), quota.count()));
        }
        return List.copyOf(clean);
    }

    private static List<String> distinct(List<String> values, String field, Kind kind) {
        Set<String> out = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            String clean = TextInput.optional(value, field, kind);
            if (clean != null) {
                out.add(clean);
            }
        }
        size(out.size(), field);
        return List.copyOf(out);
    }

    private static void size(int size, String field) {
        if (size > MAX_LIST) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", field, "{0} must be between {1} and {2}", field, 0,
                    MAX_LIST);
        }
    }
}
