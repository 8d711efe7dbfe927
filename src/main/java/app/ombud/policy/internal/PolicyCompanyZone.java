package app.ombud.policy.internal;

import app.ombud.platform.CompanyZone;
import app.ombud.platform.OmbudException;
import app.ombud.policy.PolicyService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * The company zone is the zone of the policy's working calendar. It is read again at most once a
 * minute (the portal asks for it for every time it shows), so a changed calendar reaches every
 * instance within a minute.
 */
@Component
class PolicyCompanyZone implements CompanyZone {

    private static final Duration FRESH = Duration.ofMinutes(1);

    private record Known(ZoneId zone, Instant readAt) {
    }

    private final PolicyService policy;
    private final Clock clock;
    private volatile Known known;

    PolicyCompanyZone(PolicyService policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public ZoneId zone() {
        Instant now = clock.instant();
        Known read = known;
        if (read != null && read.readAt().plus(FRESH).isAfter(now)) {
            return read.zone();
        }
        ZoneId zone;
        try {
            zone = policy.calendar().zone();
        } catch (OmbudException noPolicyYet) {
            return DEFAULT;
        }
        known = new Known(zone, now);
        return zone;
    }
}
