package app.ombud.directory;

import app.ombud.directory.internal.PersonAccounts;
import app.ombud.directory.internal.PersonDocument;
import app.ombud.directory.internal.PersonRepository;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.OmbudException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Portal accounts of people: an admin sets a one-time password (the person must choose their
 * own at first login) or unlocks a locked account; everyone changes their own password.
 */
@Service
public class AccountService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final PersonRepository people;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;

    AccountService(PersonRepository people, PasswordEncoder passwords, AuditTrail audit, Clock clock) {
        this.people = people;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** A person after a password reset, with the one-time password to hand over (shown once). */
    public record PasswordReset(Person person, String oneTimePassword) {
    }

    /** Gives the person a new one-time password, shown to the admin once. */
    @PreAuthorize("hasRole('ADMIN')")
    public String resetPassword(UUID personId, Long expectedVersion) {
        return reset(personId, expectedVersion).oneTimePassword();
    }

    /** Like {@link #resetPassword}, returning the person after the reset as well. */
    @PreAuthorize("hasRole('ADMIN')")
    public PasswordReset reset(UUID personId, Long expectedVersion) {
        var person = find(personId);
        if (expectedVersion != null && !expectedVersion.equals(person.version())) {
            throw OmbudException.concurrentUpdate();
        }
        String password = oneTimePassword();
        person.setPassword(passwords.encode(password), true, clock.instant());
        PersonDocument saved;
        try {
            saved = people.save(person);
        } catch (OptimisticLockingFailureException e) {
            throw OmbudException.concurrentUpdate();
        }
        audit.record("person.password-reset", "Person", person.employeeId(), Map.of());
        return new PasswordReset(saved.view(), password);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Person unlock(UUID personId) {
        var person = find(personId);
        person.unlock();
        var saved = people.save(person);
        audit.record("person.unlocked", "Person", person.employeeId(), Map.of());
        return saved.view();
    }

    /** The signed-in person changes their own password, proving the current one. */
    @PreAuthorize("isAuthenticated()")
    public void changeOwnPassword(String currentPassword, String newPassword) {
        var actor = CurrentActor.required();
        var person = people.findByEmployeeId(actor.subject()).orElseThrow(() -> OmbudException.badRequest(
                "NO_LOCAL_ACCOUNT", null, "Your account's password is not managed by Ombud"));
        var credentials = person.credentials();
        if (credentials == null || currentPassword == null
                || !passwords.matches(currentPassword, credentials.passwordHash())) {
            throw OmbudException.badRequest("PASSWORD_WRONG", "currentPassword", "The current password is wrong");
        }
        PersonAccounts.checkStrength(newPassword, person.employeeId());
        if (passwords.matches(newPassword, credentials.passwordHash())) {
            throw OmbudException.badRequest("PASSWORD_UNCHANGED", "newPassword",
                    "Choose a password different from the current one");
        }
        person.setPassword(passwords.encode(newPassword), false, clock.instant());
        people.save(person);
        audit.record("person.password-changed", "Person", person.employeeId(), Map.of());
    }

    /**
     * Sets a known password without forcing a change: only for the demo data, whose logins
     * share one password printed at start. Admin only, like every password reset.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public void setPasswordForDemo(UUID personId, String password) {
        var person = find(personId);
        person.setPassword(passwords.encode(password), false, clock.instant());
        people.save(person);
        audit.record("person.password-reset", "Person", person.employeeId(), Map.of("source", "demo data"));
    }

    private PersonDocument find(UUID personId) {
        return people.findById(personId).orElseThrow(() -> OmbudException.notFound("PERSON_NOT_FOUND",
                "No person with ID {0}", personId));
    }

    private static String oneTimePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
