package app.ombud.platform;

import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Reads who is acting from the security context, the same way for the portal and the API. */
public final class CurrentActor {

    /** The claim that names the employee behind a token from the company's identity provider. */
    public static final String EMPLOYEE_ID_CLAIM = "employee_id";

    private CurrentActor() {
    }

    /** The actor of this request, or {@link Actor#SYSTEM} for work no person or client started. */
    public static Actor get() {
        return find().orElse(Actor.SYSTEM);
    }

    /** The actor of this request, or a NOT_AUTHENTICATED error. */
    public static Actor required() {
        return find().orElseThrow(() -> new OmbudException(OmbudException.Kind.UNAUTHORIZED,
                "NOT_AUTHENTICATED", null, "Authentication is required"));
    }

    /**
     * The person acting, or PERSON_REQUIRED: for the steps that make someone responsible or speak
     * for a person (security.md lists them). A portal login names its person; through the API
     * only a token naming the person ({@code employee_id}) does — an API client does not, even
     * with the right role, so no timeline names a client for such a step.
     */
    public static Actor requirePerson() {
        Actor actor = required();
        if (!actor.namesPerson()) {
            throw OmbudException.forbidden("PERSON_REQUIRED",
                    "This step is taken by a person: use a token that names you (employee_id), not an API client's");
        }
        return actor;
    }

    public static Optional<Actor> find() {
        return Optional.ofNullable(SecurityContextHolder.getContext().getAuthentication())
                .filter(Authentication::isAuthenticated)
                .filter(a -> !(a instanceof AnonymousAuthenticationToken))
                .map(CurrentActor::of);
    }

    /**
     * Runs work as Ombud itself (scheduled jobs): signed in, with no role, named "system" in
     * timelines and the audit trail. The caller's own context is restored afterwards.
     */
    public static <T> T runAsSystem(java.util.function.Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(SYSTEM_PRINCIPAL, null, java.util.List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static final String SYSTEM_PRINCIPAL = "system";

    public static Actor of(Authentication authentication) {
        if (SYSTEM_PRINCIPAL.equals(authentication.getPrincipal())) {
            return Actor.SYSTEM;
        }
        if (authentication.getPrincipal() instanceof Actor actor) {
            return actor; // a personal access token: the person as they act through it
        }
        var roles = Role.fromAuthorities(authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).toList());
        if (authentication.getPrincipal() instanceof PortalUser user) {
            return new Actor(Actor.Kind.PERSON, user.getUsername(), user.displayName(), user.employeeId(), roles);
        }
        if (authentication instanceof JwtAuthenticationToken jwt) {
            var token = jwt.getToken();
            String employeeId = token.getClaimAsString(EMPLOYEE_ID_CLAIM);
            String name = firstNonBlank(token.getClaimAsString("name"),
                    token.getClaimAsString("preferred_username"), token.getSubject());
            return new Actor(employeeId == null ? Actor.Kind.CLIENT : Actor.Kind.PERSON,
                    token.getSubject(), name, employeeId, roles);
        }
        return new Actor(Actor.Kind.PERSON, authentication.getName(), authentication.getName(), null, roles);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }
}
