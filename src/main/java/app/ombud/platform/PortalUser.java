package app.ombud.platform;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A person logged in to the portal, with what the audit trail and the views need to know. */
public class PortalUser extends User {

    private final String displayName;
    private final String employeeId;
    private final boolean passwordChangeRequired;

    public PortalUser(String username, String password, boolean enabled, boolean accountNonLocked,
            Collection<? extends GrantedAuthority> authorities, String displayName, String employeeId,
            boolean passwordChangeRequired) {
        super(username, password, enabled, true, true, accountNonLocked, authorities);
        this.displayName = displayName;
        this.employeeId = employeeId;
        this.passwordChangeRequired = passwordChangeRequired;
    }

    public String displayName() {
        return displayName;
    }

    public String employeeId() {
        return employeeId;
    }

    public boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }
}
