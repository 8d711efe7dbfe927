package app.ombud.platform;

import java.time.ZoneId;

/**
 * The company's time zone: the zone of the policy's working calendar, in which days are counted,
 * numbers are dated and the portal shows and reads times. The policy module provides it; until a
 * policy exists (and for a store without one) it is {@link #DEFAULT}.
 */
public interface CompanyZone {

    /** The zone of a fresh policy. */
    ZoneId DEFAULT = ZoneId.of("Asia/Shanghai");

    ZoneId zone();
}
