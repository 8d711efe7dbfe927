package app.ombud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The GraphiQL page loads its scripts and styles from Ombud, and Ombud serves them. */
@OmbudIntegrationTest
class GraphiQlPageTest {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @Autowired
    ApiAccess api;

    @Test
    void thePageReferencesNoOtherHostAndEveryAssetIsServed() {
        String page = api.http().get().uri("/graphiql?path=/graphql").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("id=\"graphiql\"").doesNotContain("importmap");
        assertThat(page).doesNotContainPattern("(?i)https?:").doesNotContain("//cdn").doesNotContain("esm.sh");

        List<String> assets = new ArrayList<>();
        ASSET.matcher(page).results().forEach(m -> assets.add(m.group(1)));
        assertThat(assets).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(a -> assertThat(a).startsWith("/").doesNotStartWith("//"));
        var client = api.http().mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build();
        for (String asset : assets) {
            byte[] body = client.get().uri(asset).exchange().expectStatus().isOk().expectBody().returnResult()
                    .getResponseBody();
            assertThat(body).as(asset).isNotEmpty();
        }
    }
}
