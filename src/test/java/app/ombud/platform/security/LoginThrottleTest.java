package app.ombud.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.platform.OmbudSecurityProperties;
import app.ombud.support.MovableClock;
import app.ombud.support.OmbudIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The login throttle's counters in the store, driven directly: two throttles on one store stand
 * for two Ombud instances, a movable clock for the passing of time. (Through the login form:
 * {@code PortalLockoutTest}.)
 */
@OmbudIntegrationTest
class LoginThrottleTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OmbudSecurityProperties security;

    private final MovableClock clock = new MovableClock();

    @Test
    void parallelAttemptsOnTwoInstancesGetNoMoreThanMaxFailuresMinusOne() throws Exception {
        var one = throttle(20);
        var other = throttle(20);
        String address = newAddress();
        var start = new CountDownLatch(1);
        List<Callable<LoginThrottle.Admission>> attempts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            var instance = i % 2 == 0 ? one : other;
            attempts.add(() -> {
                start.await();
                return instance.admit(address, "E1001");
            });
        }
        try (var pool = Executors.newFixedThreadPool(16)) {
            List<Future<LoginThrottle.Admission>> results = attempts.stream().map(pool::submit).toList();
            start.countDown();
            long admitted = 0;
            for (var result : results) {
                if (result.get() instanceof LoginThrottle.Admitted) {
                    admitted++;
                }
            }
            assertThat(admitted).as("attempts at one login let through from one address")
                    .isEqualTo(security.login().maxFailures() - 1);
        }
        assertThat(one.heldUntil(address, "E1001")).isPresent();
        assertThat(one.heldUntil(address, "E2002")).as("another login from the same address").isEmpty();
    }

    @Test
    void aHoldEndsOnceTheRunHasBeenQuietForTheLockoutAndAMinuteAndTheCountStartsAgain() {
        var throttle = throttle(20);
        String address = newAddress();
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.admit(address, "E1001")).isInstanceOf(LoginThrottle.Admitted.class);
        }
        Instant lastAttempt = clock.instant();
        var held = throttle.admit(address, "E1001");
        assertThat(held).isInstanceOfSatisfying(LoginThrottle.Held.class, h -> {
            assertThat(h.until()).isBetween(lastAttempt.plus(Duration.ofMinutes(16)).minusSeconds(5),
                    lastAttempt.plus(Duration.ofMinutes(16)).plusSeconds(5));
            assertThat(h.firstRefusal()).isTrue();
        });
        assertThat(throttle.admit(address, "E1001")).isInstanceOfSatisfying(LoginThrottle.Held.class,
                h -> assertThat(h.firstRefusal()).as("recorded once per hold").isFalse());

        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.admit(address, "E1001")).as("after the lockout alone").isInstanceOf(LoginThrottle.Held.class);
        clock.advance(Duration.ofMinutes(1).plusSeconds(10));
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.admit(address, "E1001")).as("new run, attempt %d", i + 1)
                    .isInstanceOf(LoginThrottle.Admitted.class);
        }
        assertThat(throttle.admit(address, "E1001")).isInstanceOfSatisfying(LoginThrottle.Held.class,
                h -> assertThat(h.firstRefusal()).as("a new hold is recorded again").isTrue());
    }

    @Test
    void successesGiveTheirAttemptBackSoOneAddressMaySignInOftenButFailOnlySoOften() {
        var throttle = throttle(3);
        String address = newAddress();
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.admit(address, "E" + i)).isInstanceOf(LoginThrottle.Admitted.class);
            throttle.succeeded(address, "E" + i);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.admit(address, null)).as("failure %d at unknown logins", i + 1)
                    .isInstanceOf(LoginThrottle.Admitted.class);
        }
        assertThat(throttle.admit(address, "E1")).as("the address is held back for every login")
                .isInstanceOf(LoginThrottle.Held.class);
        assertThat(throttle.admit(newAddress(), "E1")).isInstanceOf(LoginThrottle.Admitted.class);
    }

    /** An office behind one address: its sign-ins do not keep its window of typos open all day. */
    @Test
    void anAddresssWindowRunsFromItsFirstFailureSoSuccessesDoNotProlongIt() {
        var throttle = throttle(3);
        String address = newAddress();
        throttle.admit(address, null);
        throttle.admit(address, null);
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(throttle.admit(address, "E" + i)).isInstanceOf(LoginThrottle.Admitted.class);
            throttle.succeeded(address, "E" + i);
        }
        throttle.admit(address, null);
        assertThat(throttle.admit(address, null)).as("three failures within the window")
                .isInstanceOf(LoginThrottle.Held.class);

        clock.advance(Duration.ofMinutes(5).plusSeconds(10));
        assertThat(throttle.admit(address, null)).as("15 minutes after the first failure, however busy")
                .isInstanceOf(LoginThrottle.Admitted.class);
    }

    @Test
    void runsLongOverAreRemoved() {
        var throttle = throttle(20);
        String address = newAddress();
        throttle.admit(address, "E1001");
        throttle.admit(address, null);
        Query ofThisAddress = Query.query(Criteria.where("_id").regex(java.util.regex.Pattern.quote(address)));
        assertThat(mongo.count(ofThisAddress, LoginThrottle.Counter.class)).isEqualTo(2);

        clock.advance(Duration.ofMinutes(17));
        throttle.removeExpired();

        assertThat(mongo.count(ofThisAddress, LoginThrottle.Counter.class)).isZero();
    }

    private LoginThrottle throttle(int perAddress) {
        return new LoginThrottle(mongo, security, new LoginThrottle.Settings(perAddress, Duration.ofMinutes(15)),
                clock);
    }

    private static String newAddress() {
        return "198.51.100." + System.nanoTime() % 100_000;
    }
}
