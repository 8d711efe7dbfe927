package app.ombud.policy.ui;

import app.ombud.platform.PortalUser;
import app.ombud.platform.Role;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithSecurityContext;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

/**
 * Runs a browserless test as a logged-in portal admin: the portal shell reads a
 * {@link PortalUser} principal, which {@code @WithMockUser} does not give.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@WithSecurityContext(factory = WithPortalAdmin.Factory.class)
@interface WithPortalAdmin {

    String value() default "policy-admin";

    class Factory implements WithSecurityContextFactory<WithPortalAdmin> {
        @Override
        public SecurityContext createSecurityContext(WithPortalAdmin admin) {
            var authorities = List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()));
            var user = new PortalUser(admin.value(), "", true, true, authorities, admin.value(), admin.value(),
                    false);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
            return context;
        }
    }
}
