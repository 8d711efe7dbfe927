package app.ombud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.complaint.CaseFilter;
import app.ombud.complaint.ComplaintService;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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

        api.as(Role.ADMIN).document(INTAKE).variable("at", at).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions()).containsEntry("code", "TIME_OUT_OF_RANGE");
                    assertThat(e.getMessage()).contains("1970").contains("2200");
                }));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void anInstantWrittenIntoTheQueryIsRefusedToo() {
        long before = count();

        refused(INTAKE.replace("mutation($at: DateTime) ", "mutation ").replace("$at", "\"0000-01-01T00:00:00Z\""),
                Map.of());
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theRangeGuardsQueriesAndDates() {
        // a working-time count over ten thousand years would walk every day of them
        refused("query($a: DateTime!, $b: DateTime!) { workingMinutesBetween(from: $a, to: $b) }",
                Map.of("a", "0001-01-01T00:00:00Z", "b", "9999-12-31T00:00:00Z"));
        refused("query($d: Date!) { isWorkingDay(date: $d) }", Map.of("d", "0000-02-29"));
    }

    @Test
    void theEdgesOfTheRangeAreAccepted() {
        api.as(Role.ADMIN).document("query($a: DateTime!, $b: DateTime!, $d: Date!) { "
                + "workingMinutesBetween(from: $a, to: $b) isWorkingDay(date: $d) }")
                .variable("a", "2200-12-31T00:00:00Z").variable("b", "2200-12-31T23:59:59Z").variable("d", "1970-01-01")
                .execute().errors().verify();
    }

    private void refused(String document, Map<String, Object> variables) {
        api.as(Role.ADMIN).document(document).variables(variables).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "TIME_OUT_OF_RANGE")));
    }

    private long count() {
        return TestData.asAdmin(() -> cases.count(CaseFilter.ALL));
    }
}
