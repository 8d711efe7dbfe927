package app.ombud.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import app.ombud.platform.CompanyZone;
import app.ombud.platform.OmbudException;
import app.ombud.policy.PolicyService;
import app.ombud.policy.WorkingCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The portal's company zone follows the policy's calendar. */
class PolicyCompanyZoneTest {

    private final PolicyService policy = mock(PolicyService.class);
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private static WorkingCalendar in(String zone) {
        var china = WorkingCalendar.chinaDefault();
        return new WorkingCalendar(ZoneId.of(zone), china.workingDays(), china.periods(), china.holidays(),
                china.workdays(), china.sources());
    }

    @Test
    void isTheCalendarsZoneAndFollowsAChangeWithinAMinute() {
        when(policy.calendar()).thenReturn(in("Asia/Urumqi"));
        var zone = new PolicyCompanyZone(policy, clock);
        assertThat(zone.zone()).isEqualTo(ZoneId.of("Asia/Urumqi"));

        when(policy.calendar()).thenReturn(in("Asia/Hong_Kong"));
        assertThat(zone.zone()).as("read again at most once a minute").isEqualTo(ZoneId.of("Asia/Urumqi"));
        now.set(now.get().plus(Duration.ofSeconds(61)));
        assertThat(zone.zone()).isEqualTo(ZoneId.of("Asia/Hong_Kong"));
    }

    @Test
    void isTheDefaultBeforeAnyPolicyExists() {
        when(policy.calendar()).thenThrow(OmbudException.notFound("POLICY_MISSING", "none"));
        assertThat(new PolicyCompanyZone(policy, clock).zone()).isEqualTo(CompanyZone.DEFAULT);
    }
}
