package app.ombud.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.platform.Actor;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.Role;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.PortalLogin;
import app.ombud.support.TestData;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.http.MediaType;

@OmbudIntegrationTest
class AuthenticationAuditorTest {

    @Autowired
    ApiAccess api;

    @Autowired
    DirectoryService directory;

    @Autowired
    AuditTrail audit;

    @Test
    void aWrongPasswordForAKnownLoginIsRecordedWithThatLogin() {
        String person = newPerson();
        var login = PortalLogin.fromNewAddress(api);

        String location = login.logIn(person, "not-the-password-1").location();

        assertThat(location).contains("login?error");
        assertThat(entries("auth.login-failed", person)).singleElement().satisfies(entry -> {
            assertThat(entry.actorKind()).isEqualTo(Actor.Kind.PERSON);
            assertThat(entry.targetId()).isEqualTo(person);
            assertThat(entry.details()).containsEntry("ip", login.address()).containsEntry("reason", "bad-credentials")
                    .containsEntry("method", "password");
        });
    }

    /**
     * People type their password into the user field now and then; the trail keeps every entry
     * forever, so a name that is nobody's login is not written down.
     */
    @Test
    void aFailedLoginWithANameThatIsNobodysLoginDoesNotRecordTheName() {
        var login = PortalLogin.fromNewAddress(api);
        String typed = "Secret-pass-" + Long.toHexString(System.nanoTime());

        assertThat(login.logIn(typed, "whatever-1").location()).contains("login?error");

        assertThat(entries("auth.login-failed", typed)).isEmpty();
        var failed = entries("auth.login-failed", "(unknown)").stream()
                .filter(e -> login.address().equals(e.details().get("ip"))).toList();
        assertThat(failed).singleElement().satisfies(entry -> {
            assertThat(entry.targetId()).isEqualTo("(unknown)");
            assertThat(entry.actorName()).isEqualTo("(unknown)");
            assertThat(entry.details()).containsEntry("reason", "bad-credentials");
            assertThat(entry.details().values()).noneMatch(value -> value.contains(typed));
        });
    }

    /** An address held back by the login throttle is recorded once, however often it comes back. */
    @Test
    void aThrottledAddressIsRecordedOncePerHold() {
        String person = newPerson();
        var login = PortalLogin.fromNewAddress(api);
        for (int i = 0; i < 4; i++) {
            login.logIn(person, "not-the-password-" + i);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(login.logIn(person, "not-the-password-again").throttled()).isTrue();
        }

        assertThat(entries("auth.login-failed", person)).extracting(e -> e.details().get("reason"))
                .containsExactly("throttled", "bad-credentials", "bad-credentials", "bad-credentials",
                        "bad-credentials");
    }

    @Test
    void aSuccessfulPortalLoginIsRecorded() {
        long before = TestData.asAdmin(() -> audit.count(new AuditTrail.Filter("auth.login", "admin", null, null, null)));

        var answer = PortalLogin.fromNewAddress(api).logIn("admin", TestData.ADMIN_PASSWORD);

        assertThat(answer.signedIn()).isTrue();
        long after = TestData.asAdmin(() -> audit.count(new AuditTrail.Filter("auth.login", "admin", null, null, null)));
        // the prefix filter also matches auth.login-failed; a success adds exactly one auth.login
        assertThat(after).isEqualTo(before + 1);
        assertThat(entries("auth.login", "admin").getFirst().action()).isEqualTo("auth.login");
    }

    @Test
    void issuedTokensAndRejectedClientsAreRecordedButApiCallsAreNot() {
        var client = api.newClient(EnumSet.of(Role.BI_READER));
        String clientId = client.client().clientId();

        String token = api.fetchToken(clientId, client.secret());
        api.http().post().uri("/oauth2/token")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((clientId + ":wrong-secret").getBytes()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("grant_type=client_credentials")
                .exchange().expectStatus().isUnauthorized();
        api.withToken(token).document("{ me { subject } }").execute().path("me.subject").entity(String.class)
                .isEqualTo(clientId);
        api.withToken(token).document("{ me { subject } }").execute().path("me.subject").entity(String.class)
                .isEqualTo(clientId);

        assertThat(entries("auth.token-issued", clientId)).singleElement().satisfies(entry -> {
            assertThat(entry.actorKind()).isEqualTo(Actor.Kind.CLIENT);
            assertThat(entry.targetId()).isEqualTo(clientId);
            assertThat(entry.details()).containsKey("expiresAt");
        });
        assertThat(entries("auth.client-failed", clientId)).singleElement()
                .satisfies(entry -> assertThat(entry.details()).containsEntry("reason", "invalid_client"));
        assertThat(entries("auth.", clientId)).extracting(AuditTrail.Entry::action)
                .containsExactlyInAnyOrder("auth.token-issued", "auth.client-failed");
    }

    private List<AuditTrail.Entry> entries(String action, String actor) {
        return TestData.asAdmin(() -> audit.page(new AuditTrail.Filter(action, actor, null, null, null),
                ScrollPosition.keyset(), 100).getContent());
    }

    /** A person known to the directory (no password needed: any typed password is wrong). */
    private String newPerson() {
        String employeeId = "audit" + Long.toHexString(System.nanoTime());
        TestData.asAdmin(() -> directory.createPerson(new PersonInput(employeeId, "Audit Test", null, null,
                Set.of(Role.AGENT), true, null, null)));
        return employeeId;
    }
}
