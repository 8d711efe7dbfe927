package app.ombud.platform.security;

import java.time.Instant;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * A login attempt refused by the {@link LoginThrottle} before its password was checked, published
 * once per hold so the audit trail records it like any failed login (reason {@code throttled}).
 * It is not a wrong password: the account's own lockout does not count it.
 */
public class LoginThrottledEvent extends AbstractAuthenticationFailureEvent {

    public LoginThrottledEvent(Authentication attempt, Instant until) {
        super(attempt, new Refused(until));
    }

    public Instant until() {
        return ((Refused) getException()).until;
    }

    static final class Refused extends AuthenticationException {
        private final transient Instant until;

        Refused(Instant until) {
            super("Too many failed logins from this address; held back until " + until);
            this.until = until;
        }
    }
}
