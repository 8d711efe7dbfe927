package app.ombud.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tokens that name a person, under {@code ombud.security.person-tokens}: the public client Ombud
 * registers for scripts ({@code cliClientId}, empty for none), and the limits of personal access
 * tokens (longest lifetime, how many a person may hold at once).
 */
@ConfigurationProperties("ombud.security.person-tokens")
record PersonTokenProperties(String cliClientId, Duration patMaxLifetime, int patMaxPerPerson) {

    PersonTokenProperties {
        cliClientId = cliClientId == null ? "" : cliClientId.strip();
        if (patMaxLifetime == null || patMaxLifetime.isNegative() || patMaxLifetime.isZero()) {
            patMaxLifetime = Duration.ofDays(90);
        }
        if (patMaxPerPerson <= 0) {
            patMaxPerPerson = 20;
        }
    }
}
