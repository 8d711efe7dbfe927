package app.ombud.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.platform.Role;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** IdP role names are matched exactly, or through the configured mapping table only. */
class RolesClaimConverterTest {

    @Test
    void onlyExactOmbudRoleNamesCountWithoutAMapping() {
        var converter = new RolesClaimConverter("roles", Map.of());

        assertThat(roles(converter, Map.of("roles", List.of("ADMIN", "admin", "Team_Lead", "team-lead", " AGENT",
                "BI_READER", "callcenter-staff")))).containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_BI_READER");
        assertThat(roles(converter, Map.of("roles", "leadership TEAM_LEAD,REVIEWER"))).containsExactlyInAnyOrder(
                "ROLE_TEAM_LEAD", "ROLE_REVIEWER");
    }

    @Test
    void aNestedClaimIsReadByItsDottedPath() {
        var converter = new RolesClaimConverter("realm_access.roles", Map.of());

        assertThat(roles(converter, Map.of("realm_access", Map.of("roles", List.of("SITE_MANAGER", "site_manager")))))
                .containsExactly("ROLE_SITE_MANAGER");
    }

    @Test
    void withAMappingOnlyTheMappedNamesCountExactlyAsWritten() {
        var converter = new RolesClaimConverter("groups", Map.of("Ombud Admins", Set.of(Role.ADMIN),
                "callcenter-leads", Set.of(Role.TEAM_LEAD, Role.AGENT)));

        assertThat(roles(converter, Map.of("groups", List.of("Ombud Admins", "callcenter-leads"))))
                .containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_TEAM_LEAD", "ROLE_AGENT");
        // another spelling of a mapped name, or an Ombud name the table does not list, gives nothing
        assertThat(roles(converter, Map.of("groups", List.of("ombud admins", "CALLCENTER-LEADS", "ADMIN", "REVIEWER"))))
                .isEmpty();
    }

    @Test
    void theMappingTableKeepsTheIdpNamesAsWrittenInTheConfiguration() {
        var source = new MapConfigurationPropertySource(Map.of(
                "ombud.security.role-mapping.Ombud-Admins", "ADMIN",
                "ombud.security.role-mapping[CN=Call Center Leads,OU=Groups]", "TEAM_LEAD,AGENT"));

        IdpRoleMapping mapping = new Binder(source).bindOrCreate("ombud.security", Bindable.of(IdpRoleMapping.class));

        assertThat(mapping.roleMapping()).containsOnly(Map.entry("Ombud-Admins", Set.of(Role.ADMIN)),
                Map.entry("CN=Call Center Leads,OU=Groups", Set.of(Role.TEAM_LEAD, Role.AGENT)));
    }

    private static List<String> roles(RolesClaimConverter converter, Map<String, Object> claims) {
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject("someone").claims(c -> c.putAll(claims))
                .build();
        Collection<GrantedAuthority> authorities = converter.convert(jwt);
        return authorities.stream().map(GrantedAuthority::getAuthority).toList();
    }
}
