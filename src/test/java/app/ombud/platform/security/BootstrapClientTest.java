package app.ombud.platform.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import app.ombud.platform.OmbudSecurityProperties;
import app.ombud.platform.Role;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;

/** How OMBUD_API_CLIENT_ID/SECRET/ROLES are read at start; no Spring context needed. */
class BootstrapClientTest {

    private final ApiClientService clients = mock(ApiClientService.class);

    private BuiltInIssuerConfiguration.BootstrapClient configured(String id, String secret, String roles) {
        return configured(id, secret, roles, "");
    }

    private BuiltInIssuerConfiguration.BootstrapClient configured(String id, String secret, String roles,
            String cliClientId) {
        var properties = new OmbudSecurityProperties("http://ombud.test", "roles", Duration.ofHours(1), null,
                new OmbudSecurityProperties.ApiClient(id, secret, roles), null);
        return new BuiltInIssuerConfiguration.BootstrapClient(clients, properties,
                new PersonTokenProperties(cliClientId, null, 0));
    }

    @Test
    void rolesAreReadCaseInsensitivelyAndSeparatedByCommasOrBlanks() {
        configured(" bi-tool ", "s3cret-value", "bi_reader, admin  agent").register();
        verify(clients).bootstrap("bi-tool", "s3cret-value", EnumSet.of(Role.BI_READER, Role.ADMIN, Role.AGENT));
    }

    @Test
    void noRolesMeansBiReaderOnly() {
        configured("bi-tool", "s3cret-value", " ").register();
        verify(clients).bootstrap("bi-tool", "s3cret-value", EnumSet.of(Role.BI_READER));
    }

    @Test
    void anUnknownRoleStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> configured("bi-tool", "s3cret-value", "BI_READER,SUPERUSER").register())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OMBUD_API_CLIENT_ROLES")
                .hasMessageContaining("SUPERUSER")
                .hasMessageContaining("BI_READER");
        verify(clients, never()).bootstrap(eq("bi-tool"), ArgumentMatchers.any(), ArgumentMatchers.any());
    }

    @Test
    void thePublicClientForScriptsIsRegisteredWithLoopbackRedirectsOnly() {
        configured(null, null, null, " ombud-cli ").register();
        verify(clients).bootstrapPublic("ombud-cli", "Scripts and tools (sign-in with PKCE)",
                List.of("http://127.0.0.1/callback", "http://[::1]/callback"));
    }

    @Test
    void withoutIdOrSecretNothingIsRegistered() {
        configured("", "s3cret-value", "ADMIN").register();
        configured("bi-tool", "", "ADMIN").register();
        configured(null, null, null).register();
        verifyNoInteractions(clients);
    }
}
