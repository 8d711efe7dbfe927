package app.ombud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

@OmbudIntegrationTest
class PlatformApiTest {

    @Autowired
    ApiAccess api;

    @Test
    void meNamesTheClientAndItsRoles() {
        api.as(Role.BI_READER).document("{ me { subject kind roles } }").execute()
                .path("me.kind").entity(String.class).isEqualTo("CLIENT")
                .path("me.roles").entityList(String.class).containsExactly("BI_READER");
    }

    @Test
    void withoutATokenEvenTypenameIs401() {
        api.http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ __typename }\"}")
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aForgedTokenIs401() {
        api.http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")
                .bodyValue("{\"query\":\"{ __typename }\"}")
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void responsesAreNotCached() {
        api.http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + api.token(Role.BI_READER))
                .bodyValue("{\"query\":\"{ me { subject } }\"}")
                .exchange().expectStatus().isOk()
                .expectHeader().value("Cache-Control", value -> assertThat(value).contains("no-store"));
    }

    @Test
    void tooLargeAPageIsRefusedWithACode() {
        api.as(Role.ADMIN).document("{ apiClients(first: 1000) { edges { cursor } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions()).containsEntry("code", "PAGE_SIZE_OUT_OF_RANGE");
                }));
    }

    @Test
    void adminOnlyQueriesAreForbiddenForOthers() {
        api.as(Role.BI_READER).document("{ auditEntries(first: 5) { edges { node { action } } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
    }
}
