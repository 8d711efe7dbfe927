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
 * its run has been quiet for the lockout time plus a minute: the account counts wrong passwords
 * in a row while each comes within the lockout time of the last, so the address's count always
 * runs out after the account's does.</li>
 * <li><b>address</b>: at most {@code per-address.max-failures} unsuccessful attempts at any
 * logins within {@code per-address.window} from the first: nobody tries many logins or passwords
 * from one address. A window, not a quiet spell, so that the successful logins of an office
 * behind one address do not keep its count of typos alive all day.</li>
 * </ul>
 * An attempt is admitted before its password is checked, by a conditional increment that only
 * succeeds below the limit, so parallel attempts cannot slip past it; a successful sign-in gives
 * its own attempt back (failures stay counted) and clears its login's count. No transactions:
 * each step is one atomic single-document update (DESIGN.md §3).
 * <p>
 * The address is the request's remote address: a proxy's {@code X-Forwarded-For} counts only
 * when the operator trusts the proxy ({@code server.forward-headers-strategy}), so a client cannot
 * pick a new address for every attempt.
 */
@Component
class LoginThrottle {

    /** Settings under {@code ombud.security.login.per-address}; {@code max-failures} 0 switches this limit off. */
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
    record Counter(@Id String id, int attempts, Instant startedAt, Instant lastAttemptAt, boolean refusalRecorded,
            @Indexed(expireAfter = "0s") Instant expiresAt) {
    }

    /**
     * One of the two counters: how many unsuccessful attempts over what time, counted from the
     * run's first attempt (a window) or from its last (a quiet spell).
     */
    private record Limit(int max, Duration time, boolean fromLastAttempt) {
        String since() {
            return fromLastAttempt ? "lastAttemptAt" : "startedAt";
        }

        Instant heldUntil(Counter counter) {
            return (fromLastAttempt ? counter.lastAttemptAt() : counter.startedAt()).plus(time);
        }
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
    private final Limit perAddress;
    private final Limit perLogin;
    private final Clock clock;

    LoginThrottle(MongoTemplate mongo, OmbudSecurityProperties security, Settings settings, Clock clock) {
        this.mongo = mongo;
        this.perAddress = new Limit(settings.maxFailures(), settings.window(), false);
        this.perLogin = new Limit(Math.max(1, security.login().maxFailures() - 1),
                security.login().lockout().plus(MARGIN), true);
        this.clock = clock;
    }

    /** Asks to try a password from this address, for this login when the directory knows it (else null). */
    Admission admit(String address, String knownLogin) {
        Instant now = clock.instant();
        Admission byAddress = perAddress.max() == 0 ? new Admitted() : admit(addressKey(address), perAddress, now);
        if (byAddress instanceof Held || knownLogin == null) {
            return byAddress;
        }
        Admission byLogin = admit(loginKey(address, knownLogin), perLogin, now);
        if (byLogin instanceof Held && perAddress.max() > 0) {
            giveBack(addressKey(address));
        }
        return byLogin;
    }

    /** A sign-in succeeded: its attempt does not count against the address, and its login starts afresh. */
    void succeeded(String address, String login) {
        if (perAddress.max() > 0) {
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
        Instant byAddress = perAddress.max() == 0 ? null : heldUntil(addressKey(address), perAddress, now);
        Instant byLogin = knownLogin == null ? null : heldUntil(loginKey(address, knownLogin), perLogin, now);
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

    private Admission admit(String key, Limit limit, Instant now) {
        Instant stale = now.minus(limit.time());
        Update start = new Update().set("attempts", 1).set("startedAt", now).set("lastAttemptAt", now)
                .set("refusalRecorded", false).set("expiresAt", now.plus(limit.time()));
        for (int round = 0; round < 5; round++) {
            // a run still going and below its limit takes one more attempt ...
            var continued = mongo.findAndModify(Query.query(Criteria.where("_id").is(key)
                            .and(limit.since()).gt(stale).and("attempts").lt(limit.max())),
                    new Update().inc("attempts", 1).set("lastAttemptAt", now).set("expiresAt", now.plus(limit.time())),
                    FindAndModifyOptions.options().returnNew(true), Counter.class);
            if (continued != null) {
                return new Admitted();
            }
            // ... once its time is over (or at the first attempt) a new run starts ...
            try {
                mongo.upsert(Query.query(Criteria.where("_id").is(key).and(limit.since()).lte(stale)), start,
                        Counter.class);
                return new Admitted();
            } catch (DuplicateKeyException runGoesOn) {
                // ... else the run goes on: at its limit, or another attempt moved it meanwhile
            }
            Counter current = mongo.findById(key, Counter.class);
            if (current != null && current.attempts() >= limit.max() && limit.heldUntil(current).isAfter(now)) {
                var noticed = mongo.findAndModify(
                        Query.query(Criteria.where("_id").is(key).and("refusalRecorded").is(false)),
                        new Update().set("refusalRecorded", true), Counter.class);
                return new Held(limit.heldUntil(current), noticed != null);
            }
        }
        // contended beyond reason: refuse rather than let an attempt past the count
        return new Held(now.plus(limit.time()), false);
    }

    private Instant heldUntil(String key, Limit limit, Instant now) {
        Counter counter = mongo.findById(key, Counter.class);
        if (counter == null || counter.attempts() < limit.max()) {
            return null;
        }
        Instant until = limit.heldUntil(counter);
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
