package app.ombud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.AccountService;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.PortalLogin;
import app.ombud.support.TestData;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The portal's login form over HTTP, as a browser posts it ({@link PortalLogin}), each "browser"
 * at its own address: the account lockout (5 wrong passwords in a row lock a login for 15
 * minutes), the per-address limit in front of it, and CSRF on the form itself.
 */
@OmbudIntegrationTest
class PortalLockoutTest {

    @Autowired
    ApiAccess api;

    @Autowired
    DirectoryService directory;

    @Autowired
    AccountService accounts;

    @Test
    void fiveWrongPasswordsFromSeveralAddressesLockTheAccountEvenForTheRightOne() {
        String login = newPerson();
        String password = resetPassword(login);
        var first = PortalLogin.fromNewAddress(api);
        var second = PortalLogin.fromNewAddress(api);
        var elsewhere = PortalLogin.fromNewAddress(api);

        for (int i = 0; i < 3; i++) {
            assertThat(first.logIn(login, "wrong-" + i).signedIn()).as("attempt %d", i + 1).isFalse();
        }
        for (int i = 3; i < 5; i++) {
            assertThat(second.logIn(login, "wrong-" + i).signedIn()).as("attempt %d", i + 1).isFalse();
        }
        var person = TestData.asAdmin(() -> directory.personByEmployeeId(login).orElseThrow());
        assertThat(person.lockedUntil()).as("locked for about 15 minutes")
                .isBetween(Instant.now().plusSeconds(14 * 60), Instant.now().plusSeconds(16 * 60));
        var refused = elsewhere.logIn(login, password);
        assertThat(refused.signedIn()).as("right password on a locked account").isFalse();
        assertThat(refused.location()).contains("login?error");

        // an admin's unlock lets the person in again
        TestData.asAdmin(() -> accounts.unlock(person.id()));
        assertThat(elsewhere.logIn(login, password).signedIn()).isTrue();
    }

    /** Guessing from one address stops one attempt short of the lock: the person is never locked out by it. */
    @Test
    void oneAddressIsHeldBackBeforeItCanLockAPerson() {
        String login = newPerson();
        String password = resetPassword(login);
        var guesser = PortalLogin.fromNewAddress(api);

        for (int i = 0; i < 4; i++) {
            assertThat(guesser.logIn(login, "guess-" + i).location()).as("attempt %d", i + 1).contains("login?error");
        }
        var fifth = guesser.logIn(login, "guess-4");
        assertThat(fifth.throttled()).as("fifth guess from the same address: %s", fifth.location()).isTrue();
        assertThat(fifth.location()).contains("throttled=16");
        assertThat(guesser.logIn(login, password).throttled())
                .as("held back whatever the password: the throttle is no oracle").isTrue();

        var person = TestData.asAdmin(() -> directory.personByEmployeeId(login).orElseThrow());
        assertThat(person.lockedUntil()).as("the person is not locked").isNull();
        assertThat(PortalLogin.fromNewAddress(api).logIn(login, password).signedIn())
                .as("the person signs in from their own computer").isTrue();
    }

    /** Many logins (here made-up ones) from one address: held back after 20 failures, whatever it claims to be. */
    @Test
    void oneAddressCannotTryManyLoginsAndAForgedForwardedForDoesNotHelp() {
        String login = newPerson();
        String password = resetPassword(login);
        var sprayer = PortalLogin.fromNewAddress(api);

        for (int i = 0; i < 20; i++) {
            sprayer.header("X-Forwarded-For", "203.0.113." + i);
            assertThat(sprayer.logIn("nobody-" + i, "Winter2026!").location()).as("attempt %d", i + 1)
                    .contains("login?error");
        }
        sprayer.header("X-Forwarded-For", "203.0.113.200");
        assertThat(sprayer.logIn(login, password).throttled()).as("21st attempt, a right password").isTrue();
        assertThat(PortalLogin.fromNewAddress(api).logIn(login, password).signedIn())
                .as("another address is not affected").isTrue();
    }

    @Test
    void aSuccessfulLoginClearsTheCount() {
        String login = newPerson();
        String password = resetPassword(login);
        var own = PortalLogin.fromNewAddress(api);

        for (int i = 0; i < 4; i++) {
            assertThat(PortalLogin.fromNewAddress(api).logIn(login, "wrong-" + i).signedIn()).isFalse();
        }
        assertThat(own.logIn(login, password).signedIn()).isTrue();
        for (int i = 0; i < 4; i++) {
            assertThat(PortalLogin.fromNewAddress(api).logIn(login, "wrong-again-" + i).signedIn()).isFalse();
        }
        assertThat(own.logIn(login, password).signedIn()).as("8 failures in all, but never 5 in a row").isTrue();
        var person = TestData.asAdmin(() -> directory.personByEmployeeId(login).orElseThrow());
        assertThat(person.lockedUntil()).isNull();
        assertThat(person.lastLoginAt()).isNotNull();
    }

    /**
     * Login CSRF: a foreign page that posts the login form with the attacker's name and password
     * must not sign the victim's browser in to the attacker's account. Without the token of the
     * victim's own session the form is refused (Vaadin's configurer exempts it; we do not).
     */
    @Test
    void theLoginFormWithoutItsCsrfTokenSignsNobodyIn() {
        String login = newPerson();
        String password = resetPassword(login);

        var forged = PortalLogin.fromNewAddress(api).postWithoutToken(login, password);

        assertThat(forged.signedIn()).as("POST /login without the CSRF token: %s", forged.location()).isFalse();
        assertThat(forged.location()).as("back to a fresh login page").endsWith("/login?expired");
        api.http().post().uri("/ombud/styles/ombud.css").exchange().expectStatus().isForbidden();
        assertThat(PortalLogin.fromNewAddress(api).logIn(login, password).signedIn())
                .as("with its token the same form signs in").isTrue();
    }

    private String newPerson() {
        String login = "lock" + Long.toHexString(System.nanoTime());
        TestData.asAdmin(() -> directory.createPerson(new PersonInput(login, "Lockout Test", null, null,
                Set.of(Role.AGENT), true, null, null)));
        return login;
    }

    private String resetPassword(String login) {
        return TestData.asAdmin(() -> accounts.resetPassword(
                directory.personByEmployeeId(login).orElseThrow().id(), null));
    }
}
