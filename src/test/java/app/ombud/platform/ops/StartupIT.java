package app.ombud.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.OmbudApplication;
import app.ombud.support.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * A start as an operator's script sees it, in a JVM of its own: the moment the port opens (Boot's
 * web server initialised event, before anything else runs) a client asks for a token with the
 * configured API client and uses it; the chosen admin password never reaches the output (the demo
 * password: {@code DemoDataTest}); with one setting the log lines are JSON, and the request log
 * holds no variable; the scheduled jobs report their runs and lag on the management port.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupIT {

    static final String ADMIN_PASSWORD = "Chosen-Admin-9731";
    static final String CLIENT_SECRET = "Startup-secret-2026-xyz";
    static final String PHONE = "13612349876";

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theBootstrapIsDoneWhenThePortFirstAnswers(CapturedOutput output) throws Exception {
        var firstAnswer = new CompletableFuture<String>();
        Map<String, String> properties = new HashMap<>();
        properties.put("spring.mongodb.uri", "");
        properties.put("ombud.mongodb.embedded.backend", "memory");
        properties.put("ombud.mongodb.embedded.port", "0");
        properties.put("server.port", "0");
        properties.put("management.server.port", "0");
        properties.put("ombud.security.issuer", "http://ombud.test");
        properties.put("ombud.security.admin-password", ADMIN_PASSWORD);
        properties.put("ombud.security.api-client.id", "startup-script");
        properties.put("ombud.security.api-client.secret", CLIENT_SECRET);
        properties.put("ombud.security.api-client.roles", "ADMIN");
        properties.put("ombud.panel.ballot-key", TestData.BALLOT_KEY);
        properties.put("ombud.notification.dispatch-initial-delay", "PT0S");
        properties.put("logging.structured.format.console", "ecs");
        var application = new SpringApplicationBuilder(OmbudApplication.class)
                .listeners(new ApplicationListener<WebServerInitializedEvent>() {
                    @Override
                    public void onApplicationEvent(WebServerInitializedEvent event) {
                        if (event.getApplicationContext().getServerNamespace() == null) {
                            firstAnswer.complete(askForATokenAndUseIt(event.getWebServer().getPort()));
                        }
                    }
                });

        // as command-line arguments: they win over application.yml, like an operator's environment
        String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context = application.run(arguments)) {
            assertThat(firstAnswer.getNow("no answer")).as("token and API call at the port's first answer")
                    .contains("ADMIN");

            int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
            int management = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.management.port"));
            assertThat(get(management, "/actuator/health/readiness").body()).contains("\"status\":\"UP\"");

            String token = token(port);
            var search = post(port, "/graphql", "Bearer " + token,
                    "{\"query\":\"query CasesOfTheCustomer($phone: String) { cases(filter: { customerPhone: $phone })"
                    + " { edges { node { number } } } }\","
                    + "\"operationName\":\"CasesOfTheCustomer\",\"variables\":{\"phone\":\"" + PHONE + "\"}}");
            assertThat(search.statusCode()).isEqualTo(200);
            assertThat(search.body()).doesNotContain("\"errors\"");

            String metrics = awaitMetric(management, "ombud_jobs_runs_seconds_count{job=\"outbox-dispatch\"");
            assertThat(metrics).contains("ombud_jobs_last_start_age_seconds{job=\"outbox-dispatch\"}");
        }

        String all = output.getAll();
        assertThat(all).doesNotContain(ADMIN_PASSWORD).doesNotContain(CLIENT_SECRET).contains("OMBUD_ADMIN_PASSWORD");
        List<Map<String, Object>> logLines = all.lines().filter(l -> l.startsWith("{\"")).map(this::parse).toList();
        assertThat(logLines).as("ECS lines").hasSizeGreaterThan(20)
                .allSatisfy(line -> assertThat(line).containsKeys("@timestamp", "log", "message"));
        assertThat(logLines).filteredOn(line -> line.get("log") instanceof Map<?, ?> log
                && "ombud.graphql".equals(log.get("logger")))
                .anySatisfy(line -> assertThat(String.valueOf(line.get("message")))
                        .contains("operation=CasesOfTheCustomer"));
        assertThat(all).doesNotContain(PHONE);
    }

    private String askForATokenAndUseIt(int port) {
        try {
            String token = token(port);
            var me = post(port, "/graphql", "Bearer " + token, "{\"query\":\"{ me { roles } }\"}");
            return me.statusCode() + " " + me.body();
        } catch (Exception | AssertionError e) {
            return "failed: " + e;
        }
    }

    private String token(int port) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("startup-script:" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("token endpoint: %s", response.body()).isEqualTo(200);
        return String.valueOf(parse(response.body()).get("access_token"));
    }

    private HttpResponse<String> post(int port, String path, String authorization, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The outbox job runs at once (initial delay 0); waits for its first run to show, 60 s at most. */
    private String awaitMetric(int management, String expected) throws Exception {
        Instant until = Instant.now().plusSeconds(60);
        String metrics = "";
        while (Instant.now().isBefore(until)) {
            metrics = get(management, "/actuator/prometheus").body();
            if (metrics.contains(expected)) {
                return metrics;
            }
            Thread.sleep(500);
        }
        assertThat(metrics).contains(expected);
        return metrics;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(String text) {
        return json.readValue(text, Map.class);
    }
}
