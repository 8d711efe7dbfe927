package app.ombud.directory.internal;

import app.ombud.platform.OmbudException;
import app.ombud.platform.PortalAccounts;
import app.ombud.platform.PortalUser;
import app.ombud.platform.Role;
import app.ombud.platform.OmbudSecurityProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Portal logins against the directory: the login is the employee ID, the roles are the
 * person's. Wrong passwords in a row are counted with atomic updates, each failure within the
 * lockout time of the one before (a quiet spell that long starts the count again); at the limit
 * the account is locked for the lockout time, and a successful login clears the count.
 */
@Component
public class PersonAccounts implements UserDetailsService, PortalAccounts {

    private static final Logger log = LoggerFactory.getLogger(PersonAccounts.class);
    private static final String COLLECTION = "people";

    private final PersonRepository people;
    private final MongoTemplate mongo;
    private final OmbudSecurityProperties properties;
    private final Clock clock;
    private final Counter lockouts;

    PersonAccounts(PersonRepository people, MongoTemplate mongo, OmbudSecurityProperties properties, Clock clock,
            MeterRegistry meters) {
        this.lockouts = Counter.builder("ombud.login.lockouts")
                .description("Portal accounts locked after too many failed logins").register(meters);
        this.people = people;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var person = people.findByEmployeeId(username == null ? "" : username.strip())
                .filter(p -> p.credentials() != null && p.credentials().passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("No portal account"));
        var credentials = person.credentials();
        Instant now = clock.instant();
        boolean locked = credentials.lockedUntil() != null && credentials.lockedUntil().isAfter(now);
        return new PortalUser(person.employeeId(), credentials.passwordHash(), person.active(), !locked,
                authorities(person), person.name(), person.employeeId(), credentials.changeRequired());
    }

    @Override
    public boolean isKnownLogin(String login) {
        return login != null && !login.isBlank() && people.findByEmployeeId(login.strip()).isPresent();
    }

    /** A person signed in through the company IdP: no password here, none to change. */
    @Override
    public Optional<PortalUser> findByEmployeeId(String employeeId) {
        return people.findByEmployeeId(employeeId).map(person -> new PortalUser(person.employeeId(), "",
                person.active(), true, authorities(person), person.name(), person.employeeId(), false));
    }

    private static java.util.List<SimpleGrantedAuthority> authorities(PersonDocument person) {
        return person.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList();
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token)) {
            return;
        }
        String employeeId = String.valueOf(token.getPrincipal()).strip();
        Instant now = clock.instant();
        var after = countFailure(employeeId, now);
        int failures = after == null ? 0
                : after.get("credentials", org.bson.Document.class).getInteger("failedAttempts", 0);
        if (after == null || failures < properties.login().maxFailures()) {
            return;
        }
        Instant until = now.plus(properties.login().lockout());
        mongo.updateFirst(account(employeeId), new Update().set("credentials.lockedUntil", until)
                .set("credentials.failedAttempts", 0).unset("credentials.lastFailedAt"), COLLECTION);
        lockouts.increment();
        log.warn("Portal account {} locked until {} after {} failed logins", employeeId, until,
                properties.login().maxFailures());
    }

    /**
     * One more wrong password: continues the run when the last one is more recent than the
     * lockout time, else starts a new run at 1. Both are conditional single-document updates, so
     * instances sharing the store count every failure once; when a concurrent failure moved the
     * run on between the two, the first is tried again. Null when there is no such account.
     */
    private org.bson.Document countFailure(String employeeId, Instant now) {
        Instant quiet = now.minus(properties.login().lockout());
        // by collection name: a login is not a change of the person, so @Version stays as it is
        var returnNew = FindAndModifyOptions.options().returnNew(true);
        for (int attempt = 0; attempt < 3; attempt++) {
            var continued = mongo.findAndModify(
                    Query.query(accountCriteria(employeeId).and("credentials.lastFailedAt").gt(quiet)),
                    new Update().inc("credentials.failedAttempts", 1).set("credentials.lastFailedAt", now),
                    returnNew, org.bson.Document.class, COLLECTION);
            if (continued != null) {
                return continued;
            }
            var started = mongo.findAndModify(
                    Query.query(accountCriteria(employeeId).orOperator(
                            Criteria.where("credentials.lastFailedAt").is(null),
                            Criteria.where("credentials.lastFailedAt").lte(quiet))),
                    new Update().set("credentials.failedAttempts", 1).set("credentials.lastFailedAt", now),
                    returnNew, org.bson.Document.class, COLLECTION);
            if (started != null || !mongo.exists(account(employeeId), COLLECTION)) {
                return started;
            }
        }
        return null;
    }

    private static Criteria accountCriteria(String employeeId) {
        return Criteria.where("employeeId").is(employeeId).and("credentials").ne(null);
    }

    private static Query account(String employeeId) {
        return Query.query(accountCriteria(employeeId));
    }

    /** A password login clears the count (a sign-in through the company IdP has no password here). */
    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken
                && event.getAuthentication().getPrincipal() instanceof PortalUser user) {
            mongo.updateFirst(Query.query(Criteria.where("employeeId").is(user.getUsername())),
                    new Update().set("credentials.failedAttempts", 0).unset("credentials.lockedUntil")
                            .unset("credentials.lastFailedAt").set("credentials.lastLoginAt", clock.instant()),
                    COLLECTION);
        }
    }

    /** At least 8 characters with a letter and a digit, and not the employee ID. */
    public static void checkStrength(String password, String employeeId) {
        if (password == null || password.length() < 8 || password.length() > 128
                || password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            throw OmbudException.badRequest("PASSWORD_WEAK", "newPassword",
                    "Use at least 8 characters with letters and digits");
        }
        if (password.equalsIgnoreCase(employeeId)) {
            throw OmbudException.badRequest("PASSWORD_WEAK", "newPassword",
                    "Use at least 8 characters with letters and digits");
        }
    }
}
