package app.ombud.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.platform.Role;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

@OmbudIntegrationTest
class EvidenceApiTest {

    @Autowired
    ApiAccess api;

    @Autowired
    ComplaintService cases;

    static MultipartBodyBuilder file(String name, byte[] content) {
        var body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return body;
    }

    @Test
    void evidenceIsDownloadedOnlyByThoseWhoSeeTheCaseAndNeverByBiReaders() {
        var admin = api.as(Role.ADMIN);
        String caseId = admin.document("""
                mutation { intakeCase(input: {channel: OFFLINE, customer: {phone: "13512345678"}, subject: "检测报告",
                  category: PRODUCT_QUALITY}) { case { id } } }
                """).execute().path("intakeCase.case.id").entity(String.class).get();
        byte[] report = "检测结论：主板故障".getBytes(StandardCharsets.UTF_8);
        // attaching is a handler's step, taken by a person (PeopleOnTheApiIT uploads with a person's token)
        TestData.asAdmin(() -> cases.attachEvidence(UUID.fromString(caseId), "检测报告.txt", report, null));
        String token = api.token(Role.ADMIN);

        String path = admin.document("query($id: UUID!) { case(id: $id) { evidence { filename size downloadPath } } }")
                .variable("id", caseId).execute().path("case.evidence[0].downloadPath").entity(String.class).get();
        byte[] downloaded = api.http().get().uri(path).header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(downloaded).isEqualTo(report);

        api.http().post().uri("/api/cases/{id}/evidence", caseId)
                .header("Authorization", "Bearer " + token).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(file("setup.exe", new byte[] {1, 2}).build()))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("PERSON_REQUIRED");
        api.http().get().uri(path).header("Authorization", "Bearer " + api.token(Role.BI_READER)).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("PERSONAL_DATA_REFUSED");
        api.http().get().uri(path).header("Authorization", "Bearer " + api.token(Role.AGENT)).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("CASE_NOT_FOUND");
        api.http().get().uri(path).exchange().expectStatus().isUnauthorized();
    }
}
