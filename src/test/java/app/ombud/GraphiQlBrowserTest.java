package app.ombud;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.platform.Role;
import app.ombud.support.BrowserTest;
import app.ombud.support.OmbudIntegrationTest;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * GraphiQL in Chromium with every request outside Ombud blocked: the page comes up from Ombud's
 * own assets, a token pasted into the headers editor is sent, and the answer shows.
 */
@OmbudIntegrationTest
class GraphiQlBrowserTest extends BrowserTest {

    @Test
    void graphiqlRunsOfflineAndSendsTheAuthorizationHeader() {
        String origin = api.baseUrl();
        List<String> foreign = new CopyOnWriteArrayList<>();
        List<String> errors = new CopyOnWriteArrayList<>();
        context.route("**/*", route -> {
            String url = route.request().url();
            if (url.startsWith(origin + "/") || url.startsWith("data:") || url.startsWith("blob:")) {
                route.resume();
            } else {
                foreign.add(url);
                route.abort();
            }
        });
        page.onPageError(errors::add);
        page.navigate(origin + "/graphiql");
        page.locator(".graphiql-container .graphiql-execute-button").waitFor();

        String token = api.token(Role.ADMIN);
        page.evaluate("""
                ([token]) => {
                  const editors = [...document.querySelectorAll('.CodeMirror')].map(e => e.CodeMirror);
                  editors.find(e => e.getValue().includes('Authorization'))
                      .setValue(JSON.stringify({ Authorization: 'Bearer ' + token }));
                  document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror
                      .setValue('{ me { roles } }');
                }""", List.of(token));
        page.locator(".graphiql-execute-button").click();
        page.locator(".graphiql-response").getByText("ADMIN").first().waitFor();
        screenshot("graphiql.png");

        assertThat(foreign).as("requests to other hosts").isEmpty();
        assertThat(errors).as("script errors").isEmpty();
        assertThat(URI.create(page.url()).getPath()).isEqualTo("/graphiql");
    }
}
