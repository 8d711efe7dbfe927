package app.ombud.support;

import app.ombud.platform.PortalUser;
import app.ombud.platform.Role;
import java.util.Arrays;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Shared test constants and a way to call services as a given person. */
public final class TestData {

    public static final String ADMIN_PASSWORD = "Admin-pass-2026";
    /** The tests' ballot key (32 bytes, Base64); a real installation generates its own. */
    public static final String BALLOT_KEY = "dGVzdC1iYWxsb3Qta2V5LTMyLWJ5dGVzLWxvbmctLS0=";

    private TestData() {
    }

    /** Runs the work with a portal user of the given roles in the security context. */
    public static <T> T as(String employeeId, Supplier<T> work, Role... roles) {
        return asPerson(employeeId, employeeId, work, roles);
    }

    /** Runs the work as a portal user signed in under this name, as the login page gives it. */
    public static <T> T asPerson(String employeeId, String name, Supplier<T> work, Role... roles) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        var authorities = Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        var user = new PortalUser(employeeId, "", true, true, authorities, name, employeeId, false);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    public static <T> T asAdmin(Supplier<T> work) {
        return as("test-admin", work, Role.ADMIN);
    }

    public static void asAdmin(Runnable work) {
        asAdmin(() -> {
            work.run();
            return null;
        });
    }
}
