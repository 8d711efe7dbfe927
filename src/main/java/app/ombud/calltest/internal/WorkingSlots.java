package app.ombud.calltest.internal;

import app.ombud.policy.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The times a test call of a month may be placed at: every {@link #SLOT_MINUTES}-minute start
 * inside a working period of a working day of the policy's calendar (holidays and 调休 days as the
 * calendar says), in the calendar's zone, whose slot ends within the period, and not before
 * {@code from} (a draw made during the month places no call in its past).
 */
public final class WorkingSlots {

    public static final int SLOT_MINUTES = 30;

    private WorkingSlots() {
    }

    public static List<Instant> of(WorkingCalendar calendar, YearMonth month, Instant from) {
        Duration step = Duration.ofMinutes(SLOT_MINUTES);
        List<Instant> slots = new ArrayList<>();
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            for (var period : calendar.periods()) {
                var start = day.atTime(period.start());
                var end = day.atTime(period.end());
                for (var t = start; !t.plus(step).isAfter(end); t = t.plus(step)) {
                    Instant at = t.atZone(calendar.zone()).toInstant();
                    if (!at.isBefore(from)) {
                        slots.add(at);
                    }
                }
            }
        }
        return slots;
    }
}
