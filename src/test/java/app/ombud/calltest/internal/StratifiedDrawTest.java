package app.ombud.calltest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.calltest.CallChannel;
import app.ombud.calltest.Stratum;
import app.ombud.policy.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The draw's sampling and the month's working time slots, without Spring. */
class StratifiedDrawTest {

    static final UUID TEAM_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID TEAM_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final List<Stratum> STRATA = List.of(
            new Stratum(TEAM_A, CallChannel.PHONE, 3, List.of("A1", "A2", "A3", "A4", "A5")),
            new Stratum(TEAM_A, CallChannel.ONLINE, 2, List.of("A1", "A2", "A3", "A4", "A5")),
            new Stratum(TEAM_B, CallChannel.PHONE, 4, List.of("B1", "B2")));

    static List<Instant> times() {
        return WorkingSlots.of(WorkingCalendar.chinaDefault(), YearMonth.of(2027, 3), Instant.EPOCH);
    }

    @Test
    void theSameSeedOnTheSameListsGivesTheSameSlots() {
        UUID draw = UUID.randomUUID();
        var first = StratifiedDraw.draw(draw, 20270301L, STRATA, times());
        var again = StratifiedDraw.draw(draw, 20270301L, STRATA, times());
        assertThat(again).isEqualTo(first).hasSize(9);
        var other = StratifiedDraw.draw(draw, 20270302L, STRATA, times());
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void eachStratumGetsItsQuotaFromItsOwnAgentsWithoutRepeatsUntilThereAreTooFew() {
        var picks = StratifiedDraw.draw(UUID.randomUUID(), 7L, STRATA, times());
        Map<Integer, List<StratifiedDraw.Pick>> byStratum = picks.stream()
                .collect(Collectors.groupingBy(StratifiedDraw.Pick::stratum));
        assertThat(byStratum.get(0)).hasSize(3).extracting(StratifiedDraw.Pick::agentEmployeeId)
                .doesNotHaveDuplicates().allMatch(a -> a.startsWith("A"));
        assertThat(byStratum.get(1)).hasSize(2);
        // four calls on two agents: each agent twice
        assertThat(byStratum.get(2)).extracting(StratifiedDraw.Pick::agentEmployeeId)
                .containsOnly("B1", "B2").filteredOn("B1"::equals).hasSize(2);
        assertThat(byStratum.get(2)).extracting(StratifiedDraw.Pick::at).doesNotHaveDuplicates()
                .allMatch(times()::contains);
        assertThat(picks).extracting(StratifiedDraw.Pick::id).doesNotHaveDuplicates();
    }

    @Test
    void timeSlotsLieInTheWorkingPeriodsOfWorkingDays() {
        var calendar = WorkingCalendar.chinaDefault();
        var slots = times();
        ZoneId zone = calendar.zone();
        assertThat(slots).isNotEmpty().allSatisfy(at -> {
            var local = at.atZone(zone);
            assertThat(calendar.isWorkingDay(local.toLocalDate())).isTrue();
            assertThat(calendar.periods()).anySatisfy(p -> {
                assertThat(local.toLocalTime()).isBetween(p.start(), p.end().minusMinutes(WorkingSlots.SLOT_MINUTES));
            });
        });
        // Mon–Fri 09:00–12:00 and 13:30–18:00: 6 + 9 half hours a working day
        long days = slots.stream().map(at -> LocalDate.ofInstant(at, zone)).distinct().count();
        assertThat(slots).hasSize((int) days * 15);
        var later = WorkingSlots.of(calendar, YearMonth.of(2027, 3), Instant.parse("2027-03-15T00:00:00Z"));
        assertThat(later).isNotEmpty().allMatch(at -> !at.isBefore(Instant.parse("2027-03-15T00:00:00Z")));
    }
}
