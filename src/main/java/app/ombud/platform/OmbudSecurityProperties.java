package app.ombud.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Security settings under {@code ombud.security}; see README.md for the environment variables. */
@ConfigurationProperties("ombud.security")
public record OmbudSecurityProperties(String issuer, String rolesClaim, Duration accessTokenTtl,
        String adminPassword, ApiClient apiClient, Login login) {

    public OmbudSecurityProperties {
        if (issuer == null || issuer.isBlank()) {
            issuer = "http://localhost:8080";
        }
        if (rolesClaim == null || rolesClaim.isBlank()) {
            rolesClaim = "roles";
        }
        if (accessTokenTtl == null) {
            accessTokenTtl = Duration.ofHours(1);
        }
        if (apiClient == null) {
            apiClient = new ApiClient(null, null, null);
        }
        if (login == null) {
            login = new Login(5, Duration.ofMinutes(15));
        }
    }

    /** A client to register at start, so scripts and BI tools work on a fresh store. */
    public record ApiClient(String id, String secret, String roles) {
        public boolean configured() {
            return id != null && !id.isBlank() && secret != null && !secret.isBlank();
        }
    }

    /** Portal lockout: after {@code maxFailures} wrong passwords in a row, locked for {@code lockout}. */
    public record Login(int maxFailures, Duration lockout) {
    }
}
