package app.ombud.platform.ui;

import app.ombud.platform.CompanyZone;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The company's time zone for the portal, from the policy ({@link CompanyZone}): every view shows
 * and reads times in it, so changing the calendar's zone in the policy changes the portal too.
 */
@Component
public class CompanyTime {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static volatile CompanyZone source;

    CompanyTime(ObjectProvider<CompanyZone> zones) {
        source = zones.getIfAvailable(() -> () -> CompanyZone.DEFAULT);
    }

    /** The company's zone now. */
    public static ZoneId zone() {
        CompanyZone known = source;
        return known == null ? CompanyZone.DEFAULT : known.zone();
    }

    /** An instant as company-local date and time to the second, or an empty text. */
    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone()));
    }

    /** An instant as company-local date and time to the minute, or an empty text. */
    public static String minute(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant.atZone(zone()));
    }
}
