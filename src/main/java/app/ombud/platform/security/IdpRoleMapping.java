package app.ombud.platform.security;

import app.ombud.platform.Role;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ombud.security.role-mapping.<IdP role name>=<OMBUD_ROLE>[,<OMBUD_ROLE>...]}: how the
 * company IdP's role names (keys, exactly as the IdP writes them) become Ombud roles. Empty: the
 * IdP must use Ombud's role names themselves, exactly. Not applied to the built-in issuer's tokens.
 */
@ConfigurationProperties("ombud.security")
record IdpRoleMapping(Map<String, Set<Role>> roleMapping) {

    IdpRoleMapping {
        roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
    }
}
