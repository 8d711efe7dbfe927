package app.ombud.platform;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The roles of DESIGN.md §4. Spring Security sees each as the authority {@code ROLE_<name>}.
 * Panel membership is not a role: it is checked per panel.
 */
public enum Role {
    ADMIN, AGENT, TEAM_LEAD, REVIEWER, WHITELIST_OWNER, DEPT_HEAD, SUPERIOR, LEADERSHIP,
    SITE_MANAGER, CALLTEST_STAFF, BI_READER;

    public static final String AUTHORITY_PREFIX = "ROLE_";

    public String authority() {
        return AUTHORITY_PREFIX + name();
    }

    /** The i18n key of this role's display name. */
    public String labelKey() {
        return "role." + name();
    }

    /**
     * Reads a role name as people write it in Ombud's own configuration: case and surrounding
     * blanks ignored. Tokens are not read with it: an IdP's role names are matched exactly.
     */
    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }

    /** Roles from authority strings, ignoring anything that is not one of ours. */
    public static Set<Role> fromAuthorities(Collection<String> authorities) {
        return authorities.stream()
                .filter(a -> a.startsWith(AUTHORITY_PREFIX))
                .map(a -> parse(a.substring(AUTHORITY_PREFIX.length())))
                .flatMap(Optional::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
