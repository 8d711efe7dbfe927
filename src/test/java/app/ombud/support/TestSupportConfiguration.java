package app.ombud.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

@TestConfiguration(proxyBeanMethods = false)
class TestSupportConfiguration {

    @Bean
    @Lazy
    ApiAccess apiAccess(org.springframework.core.env.Environment environment,
            app.ombud.platform.security.ApiClientService clients,
            org.springframework.beans.factory.ObjectProvider<com.nimbusds.jose.jwk.source.JWKSource<
                    com.nimbusds.jose.proc.SecurityContext>> keys) {
        return new ApiAccess(environment, clients, keys.getIfAvailable());
    }

    @Bean
    StoreCommands storeCommands() {
        return new StoreCommands();
    }

    @Bean
    org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer countStoreCommands(
            StoreCommands commands) {
        return settings -> settings.addCommandListener(commands)
                .addCommandListener(app.ombud.support.indexes.QueryShapes.INSTANCE);
    }
}
