package app.ombud.calltest;

import app.ombud.calltest.internal.DrawRecord;
import app.ombud.calltest.internal.PlanDocument;
import app.ombud.calltest.internal.PlanFields;
import app.ombud.calltest.internal.PlanStore;
import app.ombud.calltest.internal.StratifiedDraw;
import app.ombud.calltest.internal.WorkingSlots;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.directory.PersonFilter;
import app.ombud.improvement.ImprovementService;
import app.ombud.improvement.PendingRetest;
import app.ombud.platform.Actor;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.platform.TextInput;
import app.ombud.platform.TextInput.Kind;
import app.ombud.policy.PolicyService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.stereotype.Service;

/**
 * The draw of a plan's month and the spot checks (SPEC §4), and the slots a test call is made on.
 *
 * <p>A draw samples each stratum team × channel of the month's quota: {@code quota} slots, each
 * an agent (the team's active people with role AGENT) at a time slot in the working hours of the
 * policy's calendar ({@link WorkingSlots}), by {@link StratifiedDraw} from a fresh random 64-bit
 * seed. The seed, the eligible agents of each stratum and the eligible times are stored with the
 * slots, in the plan's one document, so the draw is shown and reproduced as it was made. One draw
 * per month until it is cancelled; a stratum without an eligible agent refuses the whole draw.
 *
 * <p><b>Re-tests</b> (SPEC §4: the loop closes with a re-test): each open improvement action
 * waiting for a re-test ({@link ImprovementService#pendingRetests}) of one of the plan's scenarios
 * (by its number) on a team of the scope, on a channel of the scope, adds one stratum of quota 1
 * after the quota's strata, flagged {@link RetestOf}, in the order of the actions' numbers. The
 * same sampling draws them after the quota's slots, so the quota's slots are those the seed gives
 * without them, and the stored strata reproduce both. An action whose team has no active agent
 * waits for a later draw.
 *
 * <p>For the test calls: {@link #slot} finds a slot, {@link #markSlotDone} marks it done.
 */
@Service
public class Draws {

    private static final int AGENT_PAGE = 100;

    private final PlanFields fields;
    private final PlanStore store;
    private final DirectoryService directory;
    private final PolicyService policy;
    private final Scenarios scenarios;
    private final ImprovementService improvements;
    private final Clock clock;
    private final SecureRandom seeds = new SecureRandom();

    Draws(PlanFields fields, PlanStore store, DirectoryService directory, PolicyService policy, Scenarios scenarios,
            ImprovementService improvements, Clock clock) {
        this.fields = fields;
        this.store = store;
        this.directory = directory;
        this.policy = policy;
        this.scenarios = scenarios;
        this.improvements = improvements;
        this.clock = clock;
    }

    /** Draws the month's quota ({@code month}: 2027-01, a month of the plan's quarter not over yet). */
    @CallTestStaff
    public CallTestPlan draw(UUID planId, String month, Long expectedVersion) {
        CurrentActor.requirePerson();
        YearMonth wanted = Quarter.month(TextInput.required(month, "month", Kind.CODE), "month");
        var step = store.take(planId, PlanStep.DRAW, expectedVersion);
        var plan = step.plan();
        requireInQuarter(plan, wanted);
        Instant now = clock.instant();
        var calendar = policy.calendar();
        if (wanted.atEndOfMonth().plusDays(1).atStartOfDay(calendar.zone()).toInstant().isBefore(now)) {
            throw OmbudException.badRequest("DRAW_MONTH_OVER", "month", "Month {0} is over", wanted);
        }
        if (plan.currentDraw(wanted.toString()).isPresent()) {
            throw OmbudException.conflict("DRAW_EXISTS", "Month {0} is drawn already; cancel that draw first", wanted);
        }
        List<Instant> times = WorkingSlots.of(calendar, wanted, now);
        if (times.isEmpty()) {
            throw OmbudException.badRequest("DRAW_NO_WORKING_TIME", "month", "Month {0} has no working time left",
                    wanted);
        }
        List<Stratum> strata = strata(plan, wanted.toString());
        if (strata.isEmpty()) {
            throw OmbudException.badRequest("DRAW_NO_QUOTA", "month", "Month {0} has no quota", wanted);
        }
        strata.addAll(retests(plan));
        UUID drawId = UUID.randomUUID();
        long seed = seeds.nextLong();
        var picks = StratifiedDraw.draw(drawId, seed, strata, times);
        var slots = picks.stream().map(p -> new Slot(p.id(), plan.id(), wanted.toString(), drawId, false,
                strata.get(p.stratum()).teamId(), strata.get(p.stratum()).channel(), p.agentEmployeeId(), p.at(),
                SlotStatus.PLANNED, null, null, step.actor().key(), now, strata.get(p.stratum()).retestOf()))
                .toList();
        plan.draw(new DrawRecord(drawId, wanted.toString(), seed, StratifiedDraw.ALGORITHM, WorkingSlots.SLOT_MINUTES,
                times, strata, slots, step.actor().key(), now, false, null, null, null), step.actor(), now);
        return store.save(step, "calltest.draw.drawn", Map.of("month", wanted.toString(),
                "seed", Long.toString(seed), "slots", Integer.toString(slots.size()),
                "retests", Long.toString(slots.stream().filter(s -> s.retestOf() != null).count())));
    }

    /** Cancels the month's draw with a reason (refused once a test call was made on one of its slots). */
    @CallTestStaff
    public CallTestPlan cancelDraw(UUID planId, String month, String reason, Long expectedVersion) {
        CurrentActor.requirePerson();
        String monthText = TextInput.required(month, "month", Kind.CODE);
        String why = TextInput.required(reason, "reason", Kind.NOTE);
        YearMonth wanted = Quarter.month(monthText, "month");
        var step = store.take(planId, PlanStep.CANCEL_DRAW, expectedVersion);
        step.plan().cancelDraw(wanted.toString(), why, step.actor(), clock.instant());
        return store.save(step, "calltest.draw.cancelled", Map.of("month", wanted.toString()));
    }

    /** Adds a spot check: an active agent of a team of the scope, a channel of the scope, a time in the quarter. */
    @CallTestStaff
    public CallTestPlan addSpotCheck(UUID planId, SpotCheckInput input, Long expectedVersion) {
        CurrentActor.requirePerson();
        if (input == null) {
            throw OmbudException.badRequest("REQUIRED", "input", "{0} is required", "input");
        }
        String agent = TextInput.required(input.agentEmployeeId(), "agentEmployeeId", Kind.EMPLOYEE_ID);
        String note = TextInput.optional(input.note(), "note", Kind.NOTE);
        if (input.at() == null) {
            throw OmbudException.badRequest("REQUIRED", "at", "{0} is required", "at");
        }
        var step = store.take(planId, PlanStep.ADD_SPOT_CHECK, expectedVersion);
        var plan = step.plan();
        var content = plan.content();
        if (input.teamId() == null || !content.teamIds().contains(input.teamId())) {
            throw OmbudException.badRequest("QUOTA_TEAM_OUT_OF_SCOPE", "teamId", "Team {0} is not in the plan's scope",
                    input.teamId());
        }
        if (input.channel() == null || !content.channels().contains(input.channel())) {
            throw OmbudException.badRequest("QUOTA_CHANNEL_OUT_OF_SCOPE", "channel",
                    "Channel {0} is not in the plan's scope", input.channel());
        }
        var zone = policy.calendar().zone();
        YearMonth month = YearMonth.from(input.at().atZone(zone));
        if (!Quarter.parse(content.quarter(), "quarter").contains(month)) {
            throw OmbudException.badRequest("SPOT_CHECK_OUTSIDE_QUARTER", "at", "The time is not in quarter {0}",
                    content.quarter());
        }
        Person person = directory.personByEmployeeId(agent).filter(Person::active).orElseThrow(() ->
                OmbudException.badRequest("PERSON_NOT_FOUND", "agentEmployeeId", "No active person {0}", agent));
        if (!person.roles().contains(Role.AGENT) || !input.teamId().equals(person.teamId())) {
            throw OmbudException.badRequest("SPOT_CHECK_AGENT_NOT_IN_TEAM", "agentEmployeeId",
                    "{0} is not an agent of the team", agent);
        }
        Instant now = clock.instant();
        plan.addSpotCheck(new Slot(UUID.randomUUID(), plan.id(), month.toString(), null, true, input.teamId(),
                input.channel(), agent, input.at(), SlotStatus.PLANNED, null, note, step.actor().key(), now),
                step.actor(), now);
        return store.save(step, "calltest.spot-check.added", Map.of("month", month.toString()));
    }

    /** Cancels a planned slot or spot check, with a reason. */
    @CallTestStaff
    public CallTestPlan cancelSlot(UUID planId, UUID slotId, String reason, Long expectedVersion) {
        CurrentActor.requirePerson();
        String why = TextInput.required(reason, "reason", Kind.NOTE);
        var step = store.take(planId, PlanStep.CANCEL_SLOT, expectedVersion);
        step.plan().cancelSlot(slotId, why, step.actor(), clock.instant());
        return store.save(step, "calltest.slot.cancelled", Map.of("slot", String.valueOf(slotId)));
    }

    /** A slot (drawn or a spot check) by its ID, as a test call is recorded against it. */
    @CallTestStaff
    public Slot slot(UUID slotId) {
        return fields.bySlot(slotId).flatMap(p -> p.slot(slotId)).orElseThrow(() ->
                OmbudException.notFound("SLOT_NOT_FOUND", "No slot {0}", slotId));
    }

    /**
     * Marks a planned slot done by the test call made on it; the same call again changes nothing,
     * another call on a done slot is SLOT_NOT_PLANNED. Retries a save that met a person's step.
     */
    @CallTestStaff
    public Slot markSlotDone(UUID slotId, UUID testCallId) {
        if (testCallId == null) {
            throw OmbudException.badRequest("REQUIRED", "testCallId", "{0} is required", "testCallId");
        }
        Actor actor = CurrentActor.required();
        for (int attempt = 1;; attempt++) {
            PlanDocument plan = fields.bySlot(slotId).orElseThrow(() ->
                    OmbudException.notFound("SLOT_NOT_FOUND", "No slot {0}", slotId));
            if (!plan.markDone(slotId, testCallId, actor, clock.instant())) {
                return plan.slot(slotId).orElseThrow();
            }
            try {
                return fields.save(plan).slot(slotId).orElseThrow();
            } catch (OmbudException e) {
                if (!e.isConcurrentUpdate() || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** The test call on a done slot was voided: the slot is planned again; the same call again changes nothing. */
    @CallTestStaff
    public Slot reopenSlot(UUID slotId, UUID testCallId) {
        Actor actor = CurrentActor.required();
        for (int attempt = 1;; attempt++) {
            PlanDocument plan = fields.bySlot(slotId).orElseThrow(() ->
                    OmbudException.notFound("SLOT_NOT_FOUND", "No slot {0}", slotId));
            if (!plan.reopen(slotId, testCallId, actor, clock.instant())) {
                return plan.slot(slotId).orElseThrow();
            }
            try {
                return fields.save(plan).slot(slotId).orElseThrow();
            } catch (OmbudException e) {
                if (!e.isConcurrentUpdate() || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static void requireInQuarter(PlanDocument plan, YearMonth month) {
        if (!Quarter.parse(plan.content().quarter(), "quarter").contains(month)) {
            throw OmbudException.badRequest("DRAW_MONTH_OUTSIDE_QUARTER", "month", "Month {0} is not in quarter {1}",
                    month, plan.content().quarter());
        }
    }

    /** The month's strata with a quota, by team ID then channel, each with its eligible agents sorted. */
    private List<Stratum> strata(PlanDocument plan, String month) {
        var content = plan.content();
        List<Stratum> strata = new ArrayList<>();
        var teams = directory.teamsByIds(content.teamIds());
        for (UUID team : content.teamIds().stream().sorted(Comparator.comparing(UUID::toString)).toList()) {
            List<String> agents = null;
            for (CallChannel channel : content.channels().stream().sorted().toList()) {
                int quota = content.quota(month, team, channel);
                if (quota == 0) {
                    continue;
                }
                if (agents == null) {
                    agents = agents(team);
                }
                if (agents.isEmpty()) {
                    var known = teams.get(team);
                    throw OmbudException.conflict("DRAW_NO_ELIGIBLE_AGENTS",
                            "Team {0} has no active agent to draw", known == null ? team.toString() : known.name());
                }
                strata.add(new Stratum(team, channel, quota, agents));
            }
        }
        return strata;
    }

    /** A stratum of quota 1 per pending re-test of a scenario of the plan on a team and channel of its scope. */
    private List<Stratum> retests(PlanDocument plan) {
        var content = plan.content();
        Map<String, Scenario> byNumber = new java.util.HashMap<>();
        for (ScenarioRef ref : content.scenarios()) {
            Scenario scenario = scenarios.get(ref.scenarioId());
            byNumber.put(scenario.number(), scenario);
        }
        List<Stratum> strata = new ArrayList<>();
        Map<UUID, List<String>> agents = new java.util.HashMap<>();
        for (PendingRetest retest : improvements.pendingRetests().stream()
                .sorted(Comparator.comparing(PendingRetest::number)).toList()) {
            Scenario scenario = byNumber.get(retest.scenarioRef());
            if (scenario == null || !content.teamIds().contains(retest.teamId())
                    || !content.channels().contains(scenario.current().channel())) {
                continue;
            }
            List<String> eligible = agents.computeIfAbsent(retest.teamId(), this::agents);
            if (!eligible.isEmpty()) {
                strata.add(new Stratum(retest.teamId(), scenario.current().channel(), 1, eligible,
                        new RetestOf(retest.actionId(), retest.number(), scenario.id())));
            }
        }
        return strata;
    }

    private List<String> agents(UUID team) {
        List<String> agents = new ArrayList<>();
        ScrollPosition position = ScrollPosition.keyset();
        while (true) {
            var page = directory.people(new PersonFilter(null, null, team, Role.AGENT, true), position, AGENT_PAGE);
            page.forEach(p -> agents.add(p.employeeId()));
            if (!page.hasNext() || page.isEmpty()) {
                return agents.stream().sorted().toList();
            }
            position = page.positionAt(page.size() - 1);
        }
    }
}
