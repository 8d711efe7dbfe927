package app.ombud.directory.internal;

import app.ombud.platform.OmbudException;
import app.ombud.platform.PortalUser;
import app.ombud.platform.Role;
import app.ombud.platform.OmbudSecurityProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
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
 * person's. Wrong passwords are counted with one atomic update each; at the limit the account
 * is locked for a while, and a successful login clears the count.
 */
@Component
public class PersonAccounts implements UserDetailsService {

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
        var authorities = person.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList();
        return new PortalUser(person.employeeId(), credentials.passwordHash(), person.active(), !locked, authorities,
                person.name(), person.employeeId(), credentials.changeRequired());
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token)) {
            return;
        }
        String employeeId = String.valueOf(token.getPrincipal()).strip();
        Query query = Query.query(Criteria.where("employeeId").is(employeeId).and("credentials").ne(null));
        // by collection name: a login is not a change of the person, so @Version stays as it is
        var after = mongo.findAndModify(query, new Update().inc("credentials.failedAttempts", 1),
                FindAndModifyOptions.options().returnNew(true), org.bson.Document.class, COLLECTION);
        int failures = after == null ? 0
                : after.get("credentials", org.bson.Document.class).getInteger("failedAttempts", 0);
        if (after == null || failures < properties.login().maxFailures()) {
            return;
        }
        Instant until = clock.instant().plus(properties.login().lockout());
        mongo.updateFirst(query, new Update().set("credentials.lockedUntil", until).set("credentials.failedAttempts", 0),
                COLLECTION);
        lockouts.increment();
        log.warn("Portal account {} locked until {} after {} failed logins", employeeId, until,
                properties.login().maxFailures());
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof PortalUser user) {
            mongo.updateFirst(Query.query(Criteria.where("employeeId").is(user.getUsername())),
                    new Update().set("credentials.failedAttempts", 0).unset("credentials.lockedUntil")
                            .set("credentials.lastLoginAt", clock.instant()),
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
