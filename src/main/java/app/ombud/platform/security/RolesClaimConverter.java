package app.ombud.platform.security;

import app.ombud.platform.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads Ombud roles from a configurable claim. The claim may be a list or a space/comma
 * separated string; nested claims use dots ({@code realm_access.roles} for Keycloak). Names are
 * matched exactly, never case-folded: without a mapping a name counts only when it is an Ombud
 * role's name as written ({@code TEAM_LEAD}, not {@code team_lead}); with a mapping only the
 * names in the mapping count, each giving the roles it maps to. Other names are ignored, so an
 * IdP's other groups do nothing here.
 */
final class RolesClaimConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

    private final String[] path;
    private final Map<String, Set<Role>> mapping;

    RolesClaimConverter(String claim, Map<String, Set<Role>> mapping) {
        this.path = claim.split("\\.");
        this.mapping = Map.copyOf(mapping);
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        Object value = jwt.getClaims().get(path[0]);
        for (int i = 1; i < path.length && value instanceof java.util.Map<?, ?> map; i++) {
            value = map.get(path[i]);
        }
        List<String> names = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(v -> names.add(String.valueOf(v)));
        } else if (value instanceof String text) {
            names.addAll(List.of(text.split("[\\s,]+")));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            if (!mapping.isEmpty()) {
                roles.addAll(mapping.getOrDefault(name, Set.of()));
            } else {
                Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).forEach(roles::add);
            }
        }
        return roles.stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }
}
