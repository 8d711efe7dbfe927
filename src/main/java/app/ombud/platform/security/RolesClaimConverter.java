package app.ombud.platform.security;

import app.ombud.platform.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads Ombud roles from a configurable claim. The claim may be a list or a space/comma
 * separated string; nested claims use dots ({@code realm_access.roles} for Keycloak).
 * Names that are not Ombud roles are ignored, so an IdP's other groups do nothing here.
 */
final class RolesClaimConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

    private final String[] path;

    RolesClaimConverter(String claim) {
        this.path = claim.split("\\.");
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
        return names.stream()
                .map(Role::parse)
                .flatMap(java.util.Optional::stream)
                .distinct()
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
    }
}
