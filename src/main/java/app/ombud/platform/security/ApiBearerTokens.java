package app.ombud.platform.security;

import app.ombud.platform.OmbudSecurityProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * What a bearer token on the API may be: a JWT (from the built-in issuer or the company IdP) or a
 * personal access token, told apart by the {@code ombud_pat_} prefix without any lookup, so a JWT
 * costs what it did before and a personal access token one indexed read.
 */
@Configuration(proxyBeanMethods = false)
class ApiBearerTokens {

    @Bean
    AuthenticationManagerResolver<HttpServletRequest> apiBearerTokenResolver(JwtDecoder jwtDecoder,
            PersonalAccessTokenService personalTokens, OmbudSecurityProperties properties, IdpRoleMapping mapping,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String externalIssuer) {
        var converter = new JwtAuthenticationConverter();
        // the mapping translates the company IdP's names; the built-in issuer writes Ombud's own
        converter.setJwtGrantedAuthoritiesConverter(new RolesClaimConverter(properties.rolesClaim(),
                externalIssuer.isBlank() ? java.util.Map.of() : mapping.roleMapping()));
        var jwts = new JwtAuthenticationProvider(jwtDecoder);
        jwts.setJwtAuthenticationConverter(converter);
        AuthenticationManager manager = authentication -> {
            String token = ((BearerTokenAuthenticationToken) authentication).getToken();
            return token.startsWith(PersonalAccessTokenService.PREFIX) ? personalTokens.authenticate(token)
                    : jwts.authenticate(authentication);
        };
        return request -> manager;
    }
}
