package app.ombud.calltest;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.platform.Role;
import app.ombud.support.ApiAccess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The statistics rows as Excel through the API for a BI reader (a report's files are checked in
 * {@link CallTestReportsTest}); a reversed range and an unknown bucket are refused.
 */
@app.ombud.support.OmbudIntegrationTest
class ReportExportsTest {

    @Autowired
    ApiAccess api;

    @Test
    void theStatisticsRowsExportForBiReadersAndBadInputIsRefused() {
        String bi = api.token(Role.BI_READER);
        var sheets = ExportFiles.sheets(ExportFiles.download(api, "/api/calltest/measure-rows.xlsx?from=2026-01-01"
                + "&to=2026-03-31&bucket=QUARTER&groupBy=COMPANY&lang=en", bi));
        assertThat(sheets).containsOnlyKeys("Test-call figures");
        api.http().get().uri("/api/calltest/measure-rows.xlsx?from=2026-03-31&to=2026-01-01&bucket=QUARTER"
                + "&groupBy=COMPANY").header("Authorization", "Bearer " + bi).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("RANGE_INVALID");
        api.http().get().uri("/api/calltest/measure-rows.xlsx?from=2026-01-01&to=2026-03-31&bucket=DECADE"
                + "&groupBy=COMPANY").header("Authorization", "Bearer " + bi).header("Accept-Language", "zh-CN")
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("PARAMETER_INVALID").jsonPath("$.field").isEqualTo("bucket")
                .jsonPath("$.detail").isEqualTo("bucket 的值无效：DECADE");
        api.http().get().uri("/api/calltest/measure-rows.xlsx?from=2026-01-01&bucket=MONTH&groupBy=TEAM")
                .header("Authorization", "Bearer " + bi).exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("REQUIRED").jsonPath("$.field").isEqualTo("to");
        api.http().get().uri("/api/calltest/measure-rows.xlsx?from=2026-01-01&to=2026-03-31&bucket=QUARTER"
                + "&groupBy=COMPANY").header("Authorization", "Bearer " + api.token(Role.AGENT)).exchange()
                .expectStatus().isForbidden();
    }
}
