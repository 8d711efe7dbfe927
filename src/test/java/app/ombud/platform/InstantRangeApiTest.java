package app.ombud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.complaint.CaseFilter;
import app.ombud.complaint.ComplaintService;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Instants and dates outside the years 1970 to 2200 are refused by the DateTime and Date scalars,
 * whatever the mutation or query, with a code; before this, a complaint received in the year 0000
 * was taken in and breached its deadlines at once.
 */
@OmbudIntegrationTest
class InstantRangeApiTest {

    private static final String INTAKE = """
            mutation($at: DateTime) { intakeCase(input: {channel: HOTLINE, customer: {phone: "13700009999"},
              subject: "年份测试", category: PRODUCT_QUALITY, receivedAt: $at}) { case { id number } } }""";

    @Autowired
    ApiAccess api;

    @Autowired
    ComplaintService cases;

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2201-01-01T00:00:00Z",
        "+10000-01-01T00:00:00Z"})
    void aComplaintReceivedOutsideTheYearsIsRefusedAndNothingIsTakenIn(String at) {
        long before = count();

        var body = post(Map.of("query", INTAKE, "variables", Map.of("at", at)));

        assertThat(errors(body)).singleElement().satisfies(e -> {
            assertThat(extensions(e)).containsEntry("code", "TIME_OUT_OF_RANGE");
            assertThat(String.valueOf(e.get("message"))).contains("1970").contains("2200");
        });
        assertThat(body.get("data")).isNull();
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void anInstantWrittenIntoTheQueryIsRefusedToo() {
        long before = count();

        var body = post(Map.of("query", INTAKE.replace("mutation($at: DateTime) ", "mutation ")
                .replace("$at", "\"0000-01-01T00:00:00Z\"")));

        assertThat(errors(body)).singleElement()
                .satisfies(e -> assertThat(extensions(e)).containsEntry("code", "TIME_OUT_OF_RANGE"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theRangeGuardsQueriesAndDates() {
        // a working-time count over ten thousand years would walk every day of them
        var minutes = post(Map.of("query", "query($a: DateTime!, $b: DateTime!) { workingMinutesBetween(from: $a, to: $b) }",
                "variables", Map.of("a", "0001-01-01T00:00:00Z", "b", "9999-12-31T00:00:00Z")));
        assertThat(errors(minutes)).singleElement()
                .satisfies(e -> assertThat(extensions(e)).containsEntry("code", "TIME_OUT_OF_RANGE"));

        var day = post(Map.of("query", "query($d: Date!) { isWorkingDay(date: $d) }",
                "variables", Map.of("d", "0000-02-29")));
        assertThat(errors(day)).singleElement()
                .satisfies(e -> assertThat(extensions(e)).containsEntry("code", "TIME_OUT_OF_RANGE"));
    }

    @Test
    void theEdgesOfTheRangeAreAccepted() {
        var body = post(Map.of("query", "query($a: DateTime!, $b: DateTime!, $d: Date!) { "
                        + "workingMinutesBetween(from: $a, to: $b) isWorkingDay(date: $d) }",
                "variables", Map.of("a", "2200-12-31T00:00:00Z", "b", "2200-12-31T23:59:59Z", "d", "1970-01-01")));
        assertThat(errors(body)).isEmpty();
    }

    private long count() {
        return TestData.asAdmin(() -> cases.count(CaseFilter.ALL));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(Map<String, Object> request) {
        return api.http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + api.token(Role.ADMIN))
                .bodyValue(request).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.getOrDefault("errors", List.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> extensions(Map<String, Object> error) {
        return (Map<String, Object>) error.getOrDefault("extensions", Map.of());
    }
}
