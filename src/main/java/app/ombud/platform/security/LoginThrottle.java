package app.ombud.platform.security;

import app.ombud.platform.OmbudSecurityProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Limits password attempts per client address, in front of the per-account lockout
 * ({@code ombud.security.login.max-failures} wrong passwords in a row lock a login for
 * {@code lockout}). Two counters, each one document in the store, shared by every instance:
 * <ul>
 * <li><b>address and login</b> (only for logins the directory knows): an address gets at most
 * {@code max-failures - 1} unsuccessful attempts at one login, so an address alone can never
 * lock a person; the person can still sign in from their own computer. It is held back until
 * its run has been quiet for the lockout time plus a minute, so its count always runs out after
 * the account's does.</li>
 * <li><b>address</b>: at most {@code per-address.max-failures} unsuccessful attempts at any
 * logins, held back until its run has been quiet for {@code per-address.window}: nobody tries
 * many logins or passwords from one address.</li>
 * </ul>
 * An attempt is admitted before its password is checked, by a conditional increment that only
 * succeeds below the limit, so parallel attempts cannot slip past it; a successful sign-in gives
 * its attempt back. A run whose last attempt is older than its window starts again at one. No
 * transactions: each step is one atomic single-document update (DESIGN.md §3).
 * <p>
 * The address is the request's remote address: a proxy's {@code X-Forwarded-For} counts only
 * when the operator trusts the proxy ({@code server.forward-headers-strategy}), so a client cannot
 * pick a new address for every attempt.
 */
@Component
class LoginThrottle {

    /** Settings under {@code ombud.security.login.per-address}; {@code max-failures} 0 switches the address limit off. */
    @ConfigurationProperties("ombud.security.login.per-address")
    record Settings(Integer maxFailures, Duration window) {
        Settings {
            if (maxFailures == null || maxFailures < 0) {
                maxFailures = 20;
            }
            if (window == null || window.isNegative() || window.isZero()) {
                window = Duration.ofMinutes(15);
            }
        }
    }

    /** One run of unsuccessful attempts; {@code expiresAt} lets MongoDB drop it (a TTL index). */
    @Document("login_throttle")
    record Counter(@Id String id, int attempts, Instant lastAttemptAt, boolean refusalRecorded,
            @Indexed(expireAfter = "0s") Instant expiresAt) {
    }

    /** The outcome of asking to try a password. */
    sealed interface Admission {
    }

    /** Go ahead; report a success with {@link #succeeded}. */
    record Admitted() implements Admission {
    }

    /**
     * Refused until then; {@code firstRefusal} is true once per hold, so the audit gets one entry
     * however often a held address tries again.
     */
    record Held(Instant until, boolean firstRefusal) implements Admission {
    }

    /** Margin of the address-and-login run over the account's (clocks, the time a password check takes). */
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final Settings settings;
    private final int perLoginLimit;
    private final Duration perLoginWindow;
    private final Clock clock;

    LoginThrottle(MongoTemplate mongo, OmbudSecurityProperties security, Settings settings, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.perLoginLimit = Math.max(1, security.login().maxFailures() - 1);
        this.perLoginWindow = security.login().lockout().plus(MARGIN);
        this.clock = clock;
    }

    /** Asks to try a password from this address, for this login when the directory knows it (else null). */
    Admission admit(String address, String knownLogin) {
        Instant now = clock.instant();
        Admission byAddress = settings.maxFailures() == 0 ? new Admitted()
                : admit(addressKey(address), settings.maxFailures(), settings.window(), now);
        if (byAddress instanceof Held || knownLogin == null) {
            return byAddress;
        }
        Admission byLogin = admit(loginKey(address, knownLogin), perLoginLimit, perLoginWindow, now);
        if (byLogin instanceof Held && settings.maxFailures() > 0) {
            giveBack(addressKey(address));
        }
        return byLogin;
    }

    /** A sign-in succeeded: its attempt does not count against the address, and its login starts afresh. */
    void succeeded(String address, String login) {
        if (settings.maxFailures() > 0) {
            giveBack(addressKey(address));
        }
        mongo.remove(Query.query(Criteria.where("_id").is(loginKey(address, login))), Counter.class);
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken password
                && password.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null) {
            succeeded(web.getRemoteAddress(), password.getName());
        }
    }

    /** Until when the address is held back for this login (or at all), for tests and the login page. */
    Optional<Instant> heldUntil(String address, String knownLogin) {
        Instant now = clock.instant();
        Instant byAddress = settings.maxFailures() == 0 ? null
                : heldUntil(addressKey(address), settings.maxFailures(), settings.window(), now);
        Instant byLogin = knownLogin == null ? null
                : heldUntil(loginKey(address, knownLogin), perLoginLimit, perLoginWindow, now);
        return Optional.ofNullable(byAddress == null ? byLogin
                : byLogin == null || byAddress.isAfter(byLogin) ? byAddress : byLogin);
    }

    /**
     * Runs long over are removed: MongoDB does it by the TTL index, the embedded store needs this.
     * Harmless on several instances at once, so it takes no lock.
     */
    @Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT5M")
    public void removeExpired() {
        mongo.remove(Query.query(Criteria.where("expiresAt").lt(clock.instant())), Counter.class);
    }

    private Admission admit(String key, int limit, Duration window, Instant now) {
        Instant quiet = now.minus(window);
        Update start = new Update().set("attempts", 1).set("lastAttemptAt", now).set("refusalRecorded", false)
                .set("expiresAt", now.plus(window));
        for (int round = 0; round < 5; round++) {
            // a run still going and below its limit takes one more attempt ...
            var continued = mongo.findAndModify(Query.query(Criteria.where("_id").is(key)
                            .and("lastAttemptAt").gt(quiet).and("attempts").lt(limit)),
                    new Update().inc("attempts", 1).set("lastAttemptAt", now).set("expiresAt", now.plus(window)),
                    FindAndModifyOptions.options().returnNew(true), Counter.class);
            if (continued != null) {
                return new Admitted();
            }
            // ... after a quiet spell (or at the first attempt) a new run starts ...
            try {
                mongo.upsert(Query.query(Criteria.where("_id").is(key).and("lastAttemptAt").lte(quiet)), start,
                        Counter.class);
                return new Admitted();
            } catch (DuplicateKeyException runGoesOn) {
                // ... else the run goes on: at its limit, or another attempt moved it meanwhile
            }
            Counter current = mongo.findById(key, Counter.class);
            if (current != null && current.attempts() >= limit && current.lastAttemptAt().isAfter(quiet)) {
                var noticed = mongo.findAndModify(
                        Query.query(Criteria.where("_id").is(key).and("refusalRecorded").is(false)),
                        new Update().set("refusalRecorded", true), Counter.class);
                return new Held(current.lastAttemptAt().plus(window), noticed != null);
            }
        }
        // contended beyond reason: refuse rather than let an attempt past the count
        return new Held(now.plus(window), false);
    }

    private Instant heldUntil(String key, int limit, Duration window, Instant now) {
        Counter counter = mongo.findById(key, Counter.class);
        if (counter == null || counter.attempts() < limit) {
            return null;
        }
        Instant until = counter.lastAttemptAt().plus(window);
        return until.isAfter(now) ? until : null;
    }

    private void giveBack(String key) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("attempts").gt(0)),
                new Update().inc("attempts", -1), Counter.class);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private static String loginKey(String address, String login) {
        return "login:" + address + ":" + login;
    }
}
