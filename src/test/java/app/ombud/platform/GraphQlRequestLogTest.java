package app.ombud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/** The request log names the operation and the caller, never the values of variables. */
@OmbudIntegrationTest
class GraphQlRequestLogTest {

    private static final String MARKER = "MARKER-13800138000-Zhang-San";

    @Autowired
    ApiAccess api;

    @Test
    void variablesNeverReachTheLog() {
        Logger requestLog = (Logger) LoggerFactory.getLogger("ombud.graphql");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = requestLog.getLevel();
        var requestLines = new ListAppender<ILoggingEvent>();
        var allLines = new ListAppender<ILoggingEvent>();
        requestLines.start();
        allLines.start();
        // the shared test configuration quiets this logger to WARN; here it must speak
        requestLog.setLevel(Level.INFO);
        requestLog.addAppender(requestLines);
        root.addAppender(allLines);
        try {
            String clientId = "log-" + Long.toHexString(System.nanoTime());
            var admin = api.as(Role.ADMIN);
            admin.document("""
                    mutation CreateForLogTest($input: CreateApiClientInput!) {
                      createApiClient(input: $input) { client { clientId } }
                    }""")
                    .operationName("CreateForLogTest")
                    .variable("input", Map.of("clientId", clientId, "name", MARKER, "roles", List.of("BI_READER")))
                    .execute().path("createApiClient.client.clientId").entity(String.class).isEqualTo(clientId);
            // a failing one too: error lines must not quote the input either
            admin.document("""
                    mutation UpdateForLogTest($input: UpdateApiClientInput!) {
                      updateApiClient(input: $input) { client { clientId } }
                    }""")
                    .operationName("UpdateForLogTest")
                    .variable("input", Map.of("clientId", clientId, "name", MARKER.repeat(10), "roles", List.of(),
                            "expectedVersion", 99))
                    .execute().errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        } finally {
            requestLog.detachAppender(requestLines);
            root.detachAppender(allLines);
            requestLog.setLevel(before);
        }

        assertThat(requestLines.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("operation=CreateForLogTest"))
                .anySatisfy(line -> assertThat(line).contains("operation=UpdateForLogTest"))
                .allSatisfy(line -> assertThat(line).doesNotContain(MARKER));
        assertThat(allLines.list).allSatisfy(event -> {
            assertThat(event.getFormattedMessage()).doesNotContain(MARKER);
            assertThat(String.valueOf(event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage()))
                    .doesNotContain(MARKER);
        });
    }
}
