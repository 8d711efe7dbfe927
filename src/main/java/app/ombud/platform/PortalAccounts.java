package app.ombud.platform;

import java.util.Optional;

/**
 * The directory's answers to the platform's sign-in machinery (login throttle, audit, single
 * sign-on), so the platform never reads people itself. Implemented by the directory module.
 */
public interface PortalAccounts {

    /**
     * Whether this is someone's login (an employee ID in the directory). Only then may a failed
     * attempt name it: what people type into the user field is sometimes their password.
     */
    boolean isKnownLogin(String login);

    /**
     * The person with this employee ID, as signed in through the company's identity provider:
     * their directory roles, {@link PortalUser#isEnabled()} false when deactivated; empty when
     * the directory does not know them.
     */
    Optional<PortalUser> findByEmployeeId(String employeeId);
}
