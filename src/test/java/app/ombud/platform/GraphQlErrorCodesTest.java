package app.ombud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * Every error carries an {@code extensions.code}, graphql-java's own parse and validation errors
 * included, so a client can branch on the code without reading English messages.
 */
@OmbudIntegrationTest
class GraphQlErrorCodesTest {

    @Autowired
    ApiAccess api;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a document that does not parse|{ me { subject |                                   |GRAPHQL_PARSE_FAILED|InvalidSyntax",
        "an unknown field|{ me { subject password } }|                                      |GRAPHQL_VALIDATION_FAILED|ValidationError",
        "a missing required argument|{ case { id } }|                                         |GRAPHQL_VALIDATION_FAILED|ValidationError",
        "an unknown argument|{ me(as: 1) { subject } }|                                       |GRAPHQL_VALIDATION_FAILED|ValidationError",
        "a variable that is not a UUID|query($id: UUID!) { case(id: $id) { id } }|not-a-uuid|GRAPHQL_VALIDATION_FAILED|ValidationError",
        "a missing variable|query($id: UUID!) { case(id: $id) { id } }|                        |GRAPHQL_VALIDATION_FAILED|ValidationError",
        "a mutation of a query type|mutation { me { subject } }|                              |GRAPHQL_VALIDATION_FAILED|ValidationError",
        "a domain error (the control)|{ case(id: \"00000000-0000-0000-0000-000000000001\") { id } }| |CASE_NOT_FOUND|NOT_FOUND",
    })
    void everyErrorHasACode(String what, String document, String id, String code, String classification) {
        Map<String, Object> request = id == null ? Map.of("query", document)
                : Map.of("query", document, "variables", Map.of("id", id));

        List<Map<String, Object>> errors = errors(request);

        assertThat(errors).as(what).isNotEmpty().allSatisfy(e -> assertThat(extensions(e)).as(what)
                .containsEntry("code", code).containsEntry("classification", classification));
    }

    @Test
    void queriesOverTheLimitsHaveACode() {
        String deep = "{ me { subject } __schema { types { fields { type { ofType { ofType { ofType { ofType "
                + "{ ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } } }";
        String complex = "{ " + IntStream.range(0, 201).mapToObj(i -> "m" + i + ": me { subject }")
                .collect(Collectors.joining(" ")) + " }";

        for (String document : List.of(deep, complex)) {
            assertThat(errors(Map.of("query", document))).singleElement()
                    .satisfies(e -> assertThat(extensions(e)).containsEntry("code", "QUERY_LIMIT_EXCEEDED"));
        }
    }

    private List<Map<String, Object>> errors(Map<String, Object> request) {
        Map<String, Object> body = api.http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + api.token(Role.AGENT))
                .bodyValue(request)
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        var errors = (List<Map<String, Object>>) body.getOrDefault("errors", List.of());
        return errors;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> extensions(Map<String, Object> error) {
        return (Map<String, Object>) error.getOrDefault("extensions", Map.of());
    }
}
