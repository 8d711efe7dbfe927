package app.ombud.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.platform.Role;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import com.mongodb.MongoClientSettings;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClients;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The management port: probes, Prometheus metrics after some traffic, nothing of it on the main port. */
@OmbudIntegrationTest
class OperationsTest {

    @Autowired
    ApiAccess api;

    @Test
    void livenessAndReadinessAnswerOnTheManagementPortAndReadinessCoversStoreAndBootstrap() {
        var liveness = get(api.management(), "/actuator/health/liveness");
        assertThat(liveness.get("status")).isEqualTo("UP");
        var readiness = get(api.management(), "/actuator/health/readiness");
        assertThat(readiness.get("status")).isEqualTo("UP");
        @SuppressWarnings("unchecked")
        var components = (Map<String, Map<String, Object>>) readiness.get("components");
        assertThat(components).containsOnlyKeys("readinessState", "store", "bootstrap");
        assertThat(components.values()).allSatisfy(c -> assertThat(c.get("status")).isEqualTo("UP"));
    }

    @Test
    void theStoreIndicatorIsDownWhenTheStoreDoesNotAnswer() {
        var settings = MongoClientSettings.builder()
                .applyToClusterSettings(c -> c.hosts(List.of(new ServerAddress("127.0.0.1", 1)))
                        .serverSelectionTimeout(1, TimeUnit.SECONDS))
                .build();
        try (var client = MongoClients.create(settings)) {
            var store = new StoreHealthIndicator(new MongoTemplate(client, "ombud"));
            assertThat(store.health().getStatus()).isEqualTo(Status.DOWN);
        }
    }

    @Test
    void theBootstrapIndicatorIsOutOfServiceUntilTheBootstrapRan() {
        var published = new java.util.ArrayList<Object>();
        var bootstrap = new BootstrapLifecycle(published::add);
        assertThat(bootstrap.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        bootstrap.start();
        assertThat(bootstrap.health().getStatus()).isEqualTo(Status.UP);
        assertThat(published).singleElement().isInstanceOf(app.ombud.platform.Bootstrap.class);
    }

    @Test
    void prometheusHasRequestStoreOutboxAndLoginMetricsWithBoundedTags() {
        api.as(Role.ADMIN).document("query Customer_13912345678 { me { roles } }").execute();
        api.as(Role.BI_READER).document("{ auditEntries(first: 5) { edges { node { action } } } }").execute();
        String basic = Base64.getEncoder().encodeToString("no-such-client:wrong".getBytes());
        api.http().post().uri("/oauth2/token").header("Authorization", "Basic " + basic)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("grant_type=client_credentials")
                .exchange().expectStatus().isUnauthorized();

        String metrics = scrape();
        List<String> lines = metrics.lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("graphql_request_seconds_count{")
                .contains("graphql_operation=\"me\"", "graphql_outcome=\"SUCCESS\"", "graphql_error_code=\"none\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("graphql_request_seconds_count{")
                .contains("graphql_operation=\"auditEntries\"", "graphql_error_code=\"FORBIDDEN\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("graphql_request_seconds_bucket{"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("graphql_datafetcher_seconds_count{"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("mongodb_driver_commands_seconds_count{"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ombud_outbox_depth"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ombud_outbox_failed"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ombud_outbox_oldest_pending_age_seconds"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ombud_logins_total{")
                .contains("kind=\"client\"", "outcome=\"success\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ombud_logins_total{")
                .contains("kind=\"client\"", "outcome=\"bad-credentials\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ombud_login_lockouts_total"));
        // the operation name is the client's choice: never a tag
        assertThat(metrics).doesNotContain("13912345678").doesNotContain("Customer_");
    }

    @Test
    void theActuatorIsNotServedOnTheMainPort() {
        for (String path : List.of("/actuator", "/actuator/health", "/actuator/health/readiness",
                "/actuator/prometheus")) {
            var result = api.http().get().uri(path).exchange().expectBody(String.class).returnResult();
            assertThat(result.getStatus().is2xxSuccessful() && String.valueOf(result.getResponseBody())
                    .matches("(?s).*(\"status\"|# HELP|# TYPE).*")).as("GET %s on the main port", path).isFalse();
        }
    }

    @Test
    void theManagementPortServesProbesAndMetricsOnly() {
        for (String path : List.of("/actuator/env", "/actuator/beans", "/graphql", "/")) {
            var status = api.management().get().uri(path).exchange().expectBody(String.class).returnResult()
                    .getStatus();
            assertThat(status.is2xxSuccessful()).as("GET %s on the management port", path).isFalse();
        }
    }

    /**
     * The scrape after the whole suite: its series are bounded by the schema's root fields, data
     * fetchers and collections (not by client input), but with every module's operations they pass
     * the client's default 256 KB buffer.
     */
    private String scrape() {
        return api.management().mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(16 << 20)).build().get()
                .uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> get(WebTestClient client, String path) {
        return client.get().uri(path).exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
    }
}
