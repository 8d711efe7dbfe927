package app.ombud.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.platform.security.ApiClientService;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * What /graphql does with hostile or broken requests: limits on depth and complexity refuse
 * before anything runs, and errors are classified, never a 500 or a stack trace.
 */
@OmbudIntegrationTest
class GraphQlHardeningTest {

    @Autowired
    ApiAccess api;

    @Autowired
    ApiClientService clients;

    @Test
    void aQueryDeeperThanTheLimitIsRefusedBeforeItRuns() {
        // our schema has no cycles; introspection is the deepest path there is. 14 levels > 12.
        String deep = "{ me { subject } __schema { types { fields { type { ofType { ofType { ofType { ofType "
                + "{ ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } } }";
        var body = post(Role.ADMIN, Map.of("query", deep));

        assertThat(body).doesNotContainKey("data");
        assertThat(errors(body)).singleElement().satisfies(e -> {
            assertThat(String.valueOf(e.get("message"))).containsIgnoringCase("depth");
            assertNoStackTrace(e);
        });
    }

    @Test
    void aTooComplexQueryIsRefused() {
        // 200 aliases of me { subject } weigh exactly 400, the limit itself: 201 are one too many
        String aliases = IntStream.range(0, 201).mapToObj(i -> "m" + i + ": me { subject }")
                .collect(Collectors.joining(" "));
        var body = post(Role.ADMIN, Map.of("query", "{ " + aliases + " }"));

        assertThat(body).doesNotContainKey("data");
        assertThat(errors(body)).singleElement().satisfies(e -> {
            assertThat(String.valueOf(e.get("message"))).containsIgnoringCase("complexity");
            assertNoStackTrace(e);
        });
    }

    @Test
    void aTooComplexMutationChangesNothing() {
        // 101 creations of 4 fields each weigh 404 > 400: not one client may be created
        String prefix = "cx-" + Long.toHexString(System.nanoTime()) + "-";
        String creations = IntStream.range(0, 101).mapToObj(i -> "c" + i + ": createApiClient(input: {clientId: \""
                + prefix + i + "\", roles: [BI_READER]}) { client { clientId } secret }")
                .collect(Collectors.joining(" "));
        var body = post(Role.ADMIN, Map.of("query", "mutation { " + creations + " }"));

        assertThat(body).doesNotContainKey("data");
        assertThat(errors(body)).isNotEmpty();
        for (int i : new int[] {0, 50, 100}) {
            assertThatThrownBy(() -> TestData.asAdmin(() -> clients.get(prefix + i)))
                    .isInstanceOfSatisfying(OmbudException.class,
                            e -> assertThat(e.code()).isEqualTo("CLIENT_NOT_FOUND"));
        }
    }

    @Test
    void aMalformedQueryIsAnInvalidSyntaxError() {
        var body = post(Role.BI_READER, Map.of("query", "{ me { subject "));

        assertThat(errors(body)).singleElement().satisfies(e -> {
            assertThat(classification(e)).isEqualTo("InvalidSyntax");
            assertNoStackTrace(e);
        });
    }

    @Test
    void anUnknownFieldIsAValidationError() {
        var body = post(Role.BI_READER, Map.of("query", "{ me { subject password } }"));

        assertThat(body).doesNotContainKey("data");
        assertThat(errors(body)).singleElement().satisfies(e -> {
            assertThat(classification(e)).isEqualTo("ValidationError");
            assertThat(String.valueOf(e.get("message"))).contains("password");
        });
    }

    @Test
    void aGarbageCursorIsABadRequestWithACode() {
        var body = post(Role.ADMIN, Map.of("query", "{ apiClients(first: 5, after: \"zzz\") { edges { cursor } } }"));

        assertThat(errors(body)).singleElement().satisfies(e -> {
            assertThat(classification(e)).isEqualTo("BAD_REQUEST");
            assertThat(extensions(e)).containsEntry("code", "INVALID_ARGUMENT");
            assertNoStackTrace(e);
        });
    }

    @Test
    void getIsNotAllowed() {
        api.http().get().uri("/graphql?query={me{subject}}")
                .header("Authorization", "Bearer " + api.token(Role.ADMIN))
                .exchange().expectStatus().isEqualTo(405);
    }

    @Test
    void aBatchOfQueriesIsRefused() {
        var result = api.http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + api.token(Role.ADMIN))
                .bodyValue(List.of(Map.of("query", "{ me { subject } }"), Map.of("query", "{ me { subject } }")))
                .exchange().expectBody(String.class).returnResult();

        // 400, not 403: the error dispatch must not be refused by the portal chain
        assertThat(result.getStatus().value()).as("status").isEqualTo(400);
        assertThat(String.valueOf(result.getResponseBody())).doesNotContain("\"subject\"")
                .doesNotContain("Exception").doesNotContain("SerializableGraphQlRequest");
    }

    @Test
    void aBodyThatIsNotJsonIs400() {
        var result = api.http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + api.token(Role.ADMIN))
                .bodyValue("{\"query\": \"{ me { subject } }\"")
                .exchange().expectBody(String.class).returnResult();

        assertThat(result.getStatus().value()).as("status").isEqualTo(400);
        assertThat(String.valueOf(result.getResponseBody())).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void theErrorPageGivesNothingAwayWithoutAToken() {
        var result = api.http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[1]").exchange().expectBody(String.class).returnResult();
        assertThat(result.getStatus().value()).as("status").isEqualTo(401);
    }

    @Test
    void twoHundredAliasesWeighExactlyTheLimitAndRun() {
        // the boundary: complexity is 200 x (me + subject) = 400, and only more than 400 is refused
        String aliases = IntStream.range(0, 200).mapToObj(i -> "m" + i + ": me { subject }")
                .collect(Collectors.joining(" "));
        var body = post(Role.ADMIN, Map.of("query", "{ " + aliases + " }"));

        assertThat(errors(body)).isEmpty();
        assertThat((Map<?, ?>) body.get("data")).hasSize(200);
    }

    @Test
    void graphiqlIsServedOutsideProd() {
        // the control for ProdProfileIT, which expects this page gone
        var result = api.http().get().uri("/graphiql?path=/graphql").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult();
        assertThat(String.valueOf(result.getResponseBody())).containsIgnoringCase("graphiql");
    }

    // ---- helpers --------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(Role role, Map<String, Object> request) {
        EntityExchangeResult<Map> result = api.http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + api.token(role))
                .bodyValue(request)
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult();
        return result.getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.getOrDefault("errors", List.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> extensions(Map<String, Object> error) {
        return (Map<String, Object>) error.getOrDefault("extensions", Map.of());
    }

    private static String classification(Map<String, Object> error) {
        return String.valueOf(extensions(error).get("classification"));
    }

    private static void assertNoStackTrace(Map<String, Object> error) {
        String text = error.toString();
        assertThat(text).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(".java:");
    }
}
