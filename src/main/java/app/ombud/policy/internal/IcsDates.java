package app.ombud.policy.internal;

import app.ombud.platform.OmbudException;
import app.ombud.policy.CalendarDates;
import app.ombud.policy.HolidaySource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Reads holidays and swapped working days from an iCalendar file (a public holiday feed or an
 * export from Outlook): every day an event covers becomes a holiday, except events whose title
 * says it is a working day (补班, 上班, 调休上班, "workday"), which become swapped working days.
 * The calendar's name ({@code X-WR-CALNAME}) and Ombud's properties {@code X-OMBUD-SOURCE-NUMBER},
 * {@code X-OMBUD-SOURCE-PUBLISHED} (yyyy-MM-dd) and {@code X-OMBUD-SOURCE-URL} name the source,
 * as the shipped holiday packs do.
 */
public final class IcsDates {

    private static final int MAX_DAYS_PER_EVENT = 60;
    private static final int MAX_DAYS = 2000;

    private IcsDates() {
    }

    public static CalendarDates read(byte[] content, ZoneId zone) {
        net.fortuna.ical4j.model.Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new ByteArrayInputStream(content));
        } catch (ParserException e) {
            throw OmbudException.badRequest("ICS_UNREADABLE", "file", "Not an iCalendar file (line {0}): {1}",
                    e.getLineNo(), String.valueOf(e.getMessage()));
        } catch (IOException | RuntimeException e) {
            throw OmbudException.badRequest("ICS_UNREADABLE", "file", "Not an iCalendar file (line {0}): {1}",
                    0, String.valueOf(e.getMessage()));
        }
        Map<LocalDate, String> holidays = new TreeMap<>();
        Map<LocalDate, String> workdays = new TreeMap<>();
        for (var component : calendar.getComponents()) {
            if (!(component instanceof VEvent event) || !Component.VEVENT.equals(component.getName())) {
                continue;
            }
            String title = event.getProperty(Property.SUMMARY).map(Property::getValue).orElse("").strip();
            LocalDate start = event.getStartDate().map(d -> date((Temporal) d.getDate(), zone))
                    .orElseThrow(() -> OmbudException.badRequest("ICS_EVENT_WITHOUT_DATE", "file",
                            "An event has no start date: {0}", title));
            boolean allDay = event.getStartDate().map(d -> d.getDate() instanceof LocalDate).orElse(false);
            LocalDate endExclusive = event.getEndDate().map(d -> date((Temporal) d.getDate(), zone))
                    .map(end -> allDay ? end : end.plusDays(1))
                    .orElse(start.plusDays(1));
            if (!endExclusive.isAfter(start)) {
                endExclusive = start.plusDays(1);
            }
            if (start.plusDays(MAX_DAYS_PER_EVENT).isBefore(endExclusive)) {
                throw OmbudException.badRequest("ICS_EVENT_TOO_LONG", "file",
                        "The event {0} lasts more than {1} days", title, MAX_DAYS_PER_EVENT);
            }
            var target = isWorkday(title) ? workdays : holidays;
            for (LocalDate day = start; day.isBefore(endExclusive); day = day.plusDays(1)) {
                target.put(day, title);
            }
            if (holidays.size() + workdays.size() > MAX_DAYS) {
                throw OmbudException.badRequest("ICS_TOO_MANY_DAYS", "file", "The file names more than {0} days",
                        MAX_DAYS);
            }
        }
        if (holidays.isEmpty() && workdays.isEmpty()) {
            throw OmbudException.badRequest("ICS_EMPTY", "file", "The file has no events");
        }
        var dates = new CalendarDates(holidays, workdays, null);
        return dates.withSource(source(calendar, dates.mainYear()));
    }

    /** The source the file names, or null when it names no title. */
    private static HolidaySource source(net.fortuna.ical4j.model.Calendar calendar, int year) {
        String title = text(calendar, "X-WR-CALNAME");
        if (title == null) {
            return null;
        }
        String published = text(calendar, "X-OMBUD-SOURCE-PUBLISHED");
        LocalDate day;
        try {
            day = published == null ? null : LocalDate.parse(published);
        } catch (java.time.format.DateTimeParseException e) {
            throw OmbudException.badRequest("ICS_UNREADABLE", "file", "Not an iCalendar file (line {0}): {1}", 0,
                    "X-OMBUD-SOURCE-PUBLISHED " + published);
        }
        return new HolidaySource(year, title, text(calendar, "X-OMBUD-SOURCE-NUMBER"), day,
                text(calendar, "X-OMBUD-SOURCE-URL"));
    }

    private static String text(net.fortuna.ical4j.model.Calendar calendar, String property) {
        return calendar.getProperty(property).map(Property::getValue).map(String::strip)
                .filter(value -> !value.isEmpty()).orElse(null);
    }

    static boolean isWorkday(String title) {
        String t = title.toLowerCase(Locale.ROOT);
        return t.contains("补班") || t.contains("上班") || t.contains("workday") || t.contains("working day");
    }

    private static LocalDate date(Temporal temporal, ZoneId zone) {
        return switch (temporal) {
            case LocalDate d -> d;
            case LocalDateTime dt -> dt.toLocalDate();
            case ZonedDateTime z -> z.withZoneSameInstant(zone).toLocalDate();
            case OffsetDateTime o -> o.atZoneSameInstant(zone).toLocalDate();
            case java.time.Instant i -> i.atZone(zone).toLocalDate();
            default -> throw OmbudException.badRequest("ICS_UNREADABLE", "file", "Unsupported date {0}", temporal);
        };
    }
}
