package app.ombud.policy.internal;

import app.ombud.platform.OmbudException;
import app.ombud.policy.CalendarDates;
import app.ombud.policy.WorkingCalendar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The holiday packs Ombud ships: one iCalendar file per year in
 * {@code app/ombud/policy/holidays/cn-<year>.ics}, each the State Council's published schedule of
 * that year (holidays and 调休 working days) with its source named. They are read with the same
 * reader an admin's import uses.
 */
public final class HolidayPacks {

    static final String LOCATION = "classpath*:app/ombud/policy/holidays/cn-*.ics";

    private HolidayPacks() {
    }

    /** The packs, oldest year first. */
    public static List<CalendarDates> all() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver(HolidayPacks.class.getClassLoader())
                    .getResources(LOCATION);
            return Arrays.stream(found).map(HolidayPacks::read)
                    .sorted(java.util.Comparator.comparingInt(CalendarDates::mainYear)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The calendar with every pack applied, each replacing its year. */
    public static WorkingCalendar applyAll(WorkingCalendar calendar) {
        WorkingCalendar result = calendar;
        for (CalendarDates pack : all()) {
            result = result.withYear(pack.mainYear(), pack, pack.source());
        }
        return result;
    }

    private static CalendarDates read(Resource resource) {
        try (var in = resource.getInputStream()) {
            CalendarDates dates = IcsDates.read(in.readAllBytes(), app.ombud.platform.CompanyZone.DEFAULT);
            if (dates.source() == null) {
                throw OmbudException.badRequest("CALENDAR_SOURCE_MISSING", "file",
                        "The holiday pack {0} names no source", resource.getFilename());
            }
            return dates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
