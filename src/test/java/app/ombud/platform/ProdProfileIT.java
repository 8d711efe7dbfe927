package app.ombud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

/**
 * The {@code prod} profile: no introspection, no GraphiQL, a {@code Secure} session cookie and
 * HSTS. Its own JVM (failsafe), since switching introspection off is JVM-wide in graphql-java.
 */
@OmbudIntegrationTest
@ActiveProfiles("prod")
class ProdProfileIT {

    @Autowired
    ApiAccess api;

    @Test
    void introspectionIsRefusedEvenForAnAdmin() {
        api.as(Role.ADMIN).document("{ __schema { types { name } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.getMessage()).containsIgnoringCase("introspection")));
        api.as(Role.ADMIN).document("{ __type(name: \"ApiClient\") { fields { name } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty());
    }

    @Test
    void ordinaryQueriesStillWork() {
        api.as(Role.ADMIN).document("{ me { roles __typename } }").execute()
                .path("me.roles").entityList(String.class).containsExactly("ADMIN");
    }

    /**
     * No GraphiQL page. (The path is still answered, with 200: the /graphql chain permits
     * /graphiql and Vaadin's servlet then serves its app shell for it. Harmless, but not a 404.)
     */
    @Test
    void graphiqlIsNotServed() {
        for (String uri : new String[] {"/graphiql", "/graphiql?path=/graphql"}) {
            var result = api.http().get().uri(uri).exchange().expectBody(String.class).returnResult();
            assertThat(result.getStatus().value()).as("GET %s", uri).isNotIn(301, 302, 307, 308);
            assertThat(String.valueOf(result.getResponseBody())).as("GET %s", uri)
                    .doesNotContainIgnoringCase("graphiql");
        }
    }

    @Test
    void theSessionCookieIsSecureAndEveryResponseSendsHsts() {
        var login = api.http().get().uri("/login").exchange().returnResult(Void.class);
        var graphql = api.http().post().uri("/graphql").exchange().returnResult(Void.class);
        var asset = api.http().get().uri("/ombud/styles/ombud.css").exchange().returnResult(Void.class);

        assertThat(login.getResponseHeaders().get("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("; Secure").containsIgnoringCase("; SameSite=Lax"));
        for (var response : java.util.List.of(login, graphql, asset)) {
            assertThat(response.getResponseHeaders().getFirst("Strict-Transport-Security"))
                    .as("HSTS on %s", response.getUrl()).isEqualTo("max-age=31536000");
        }
    }
}
