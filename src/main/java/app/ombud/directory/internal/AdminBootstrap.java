package app.ombud.directory.internal;

import app.ombud.platform.Actor;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.Bootstrap;
import app.ombud.platform.Role;
import app.ombud.platform.OmbudSecurityProperties;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On a store with no administrator, creates the login {@code admin}: its password comes from
 * OMBUD_ADMIN_PASSWORD, or is generated and printed once (and must be changed at first login).
 * Never a fixed default.
 */
@Component
class AdminBootstrap {

    static final String ADMIN_LOGIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final PasswordEncoder passwords;
    private final OmbudSecurityProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    AdminBootstrap(MongoTemplate mongo, PasswordEncoder passwords, OmbudSecurityProperties properties,
            AuditTrail audit, Clock clock) {
        this.mongo = mongo;
        this.passwords = passwords;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener(Bootstrap.class)
    @org.springframework.core.annotation.Order(Bootstrap.Step.ADMIN)
    void ensureAdmin() {
        boolean hasAdmin = mongo.exists(Query.query(Criteria.where("roles").is(Role.ADMIN).and("active").is(true)
                .and("credentials").ne(null)), PersonDocument.class);
        if (hasAdmin) {
            return;
        }
        String configured = properties.adminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? generate() : configured;
        var admin = PersonDocument.create(java.util.UUID.randomUUID(), new ValidPerson(ADMIN_LOGIN, "系统管理员", null, null,
                EnumSet.of(Role.ADMIN), true, null, null));
        admin.setPassword(passwords.encode(password), generated, clock.instant());
        try {
            mongo.insert(admin);
        } catch (DuplicateKeyException e) {
            log.warn("A person with employee ID '{}' exists but no active admin can log in; "
                    + "give someone the ADMIN role and a password", ADMIN_LOGIN);
            return;
        }
        audit.record(Actor.SYSTEM, "person.created", "Person", ADMIN_LOGIN, Map.of("roles", "ADMIN",
                "source", "first start"));
        if (generated) {
            String banner = "=".repeat(72);
            System.out.println(banner + "\n  Ombud first start: log in to the portal as '" + ADMIN_LOGIN
                    + "' with the password\n\n      " + password
                    + "\n\n  It is shown this once; you will be asked to choose your own.\n" + banner);
        } else {
            log.info("Created the portal login '{}' with the password from OMBUD_ADMIN_PASSWORD", ADMIN_LOGIN);
        }
    }

    private static String generate() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
