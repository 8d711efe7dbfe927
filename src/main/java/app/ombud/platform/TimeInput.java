package app.ombud.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The range of time Ombud takes at all, and the checks of instants that saves share: a moment
 * that has happened (not in the future beyond a small clock skew, not absurdly long ago) and a
 * moment still to come (after now, not absurdly far ahead).
 */
public final class TimeInput {

    /** The first date any input may name: the API's DateTime and Date scalars refuse earlier ones. */
    public static final LocalDate FIRST_DATE = LocalDate.of(1970, 1, 1);
    /** The last date any input may name. */
    public static final LocalDate LAST_DATE = LocalDate.of(2200, 12, 31);
    /** The first instant any input may name. */
    public static final Instant EARLIEST = FIRST_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
    /** The first instant after the range. */
    public static final Instant END = LAST_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    /** How far a client's clock may be ahead of Ombud's for a moment that "has happened". */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private TimeInput() {
    }

    /** Whether an instant is within the range inputs may name (1970 to 2200, UTC). */
    public static boolean inRange(Instant at) {
        return !at.isBefore(EARLIEST) && at.isBefore(END);
    }

    /** Whether a date is within the range inputs may name. */
    public static boolean inRange(LocalDate date) {
        return !date.isBefore(FIRST_DATE) && !date.isAfter(LAST_DATE);
    }

    /** The date, or TIME_OUT_OF_RANGE when it is not within the range inputs may name. */
    public static LocalDate checkRange(LocalDate date, String field) {
        if (date != null && !inRange(date)) {
            throw OmbudException.badRequest("TIME_OUT_OF_RANGE", field, "{0} must lie between {1} and {2}: {3}", field,
                    FIRST_DATE.toString(), LAST_DATE.toString(), date.toString());
        }
        return date;
    }

    /**
     * A moment that has happened (null stays null): TIME_IN_FUTURE after now plus the clock skew,
     * TIME_TOO_OLD before {@code maxAge} ago.
     */
    public static Instant past(Instant at, String field, Instant now, Duration maxAge) {
        if (at == null) {
            return null;
        }
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw OmbudException.badRequest("TIME_IN_FUTURE", field, "{0} cannot be in the future", field);
        }
        if (at.isBefore(now.minus(maxAge))) {
            throw OmbudException.badRequest("TIME_TOO_OLD", field, "{0} is more than {1} days ago", field,
                    maxAge.toDays());
        }
        return at;
    }

    /**
     * A moment still to come (null stays null): TIME_NOT_IN_FUTURE when not after now,
     * TIME_TOO_FAR_AHEAD after {@code maxAhead} from now.
     */
    public static Instant future(Instant at, String field, Instant now, Duration maxAhead) {
        if (at == null) {
            return null;
        }
        if (!at.isAfter(now)) {
            throw OmbudException.badRequest("TIME_NOT_IN_FUTURE", field, "{0} must be in the future", field);
        }
        if (at.isAfter(now.plus(maxAhead))) {
            throw OmbudException.badRequest("TIME_TOO_FAR_AHEAD", field, "{0} is more than {1} days ahead", field,
                    maxAhead.toDays());
        }
        return at;
    }
}
