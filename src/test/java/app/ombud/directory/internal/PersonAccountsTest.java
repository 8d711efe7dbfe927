package app.ombud.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.AccountService;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.platform.OmbudSecurityProperties;
import app.ombud.platform.Role;
import app.ombud.support.MovableClock;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;

/**
 * The account lockout's count of wrong passwords in a row, with a movable clock: a quiet spell as
 * long as the lockout starts it again, so the login throttle (which holds an address back for as
 * long) can keep a single address from ever reaching the lock.
 */
@OmbudIntegrationTest
class PersonAccountsTest {

    @Autowired
    PersonRepository people;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OmbudSecurityProperties properties;

    @Autowired
    DirectoryService directory;

    @Autowired
    AccountService passwords;

    private final MovableClock clock = new MovableClock();

    @Test
    void wrongPasswordsCountInARowOnlyWhileEachComesWithinTheLockoutOfTheLast() {
        var accounts = new PersonAccounts(people, mongo, properties, clock,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        String login = newPersonWithPassword();

        for (int i = 0; i < 4; i++) {
            accounts.onFailure(wrongPassword(login));
        }
        clock.advance(Duration.ofMinutes(15));
        accounts.onFailure(wrongPassword(login));

        assertThat(credentials(login).failedAttempts()).as("a new run after a quiet spell").isEqualTo(1);
        assertThat(credentials(login).lockedUntil()).isNull();

        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(14));
            accounts.onFailure(wrongPassword(login));
        }
        assertThat(credentials(login).lockedUntil()).as("five in a row, each within 15 minutes of the last")
                .isNotNull();
    }

    private PersonDocument.Credentials credentials(String login) {
        return people.findByEmployeeId(login).orElseThrow().credentials();
    }

    private static AuthenticationFailureBadCredentialsEvent wrongPassword(String login) {
        return new AuthenticationFailureBadCredentialsEvent(
                UsernamePasswordAuthenticationToken.unauthenticated(login, "wrong"), new BadCredentialsException("wrong"));
    }

    private String newPersonWithPassword() {
        String login = "run" + Long.toHexString(System.nanoTime());
        TestData.asAdmin(() -> {
            var person = directory.createPerson(new PersonInput(login, "Run Test", null, null, Set.of(Role.AGENT),
                    true, null, null));
            return passwords.resetPassword(person.id(), null);
        });
        return login;
    }
}
