package app.ombud.support;

import app.ombud.OmbudApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The one Spring test configuration: every {@code @SpringBootTest} uses exactly this, so one
 * context (with a real server on a random port and the in-memory embedded store) is shared by
 * all of them. Two contexts with Vaadin security in one JVM break each other (STACK-NOTES.md).
 * Set OMBUD_TEST_MONGODB_URI to run the same tests against a real MongoDB.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = OmbudApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.mongodb.uri=${OMBUD_TEST_MONGODB_URI:}",
            "ombud.mongodb.embedded.backend=memory",
            "ombud.mongodb.embedded.port=0",
            "ombud.security.issuer=http://ombud.test",
            "ombud.security.admin-password=" + TestData.ADMIN_PASSWORD,
            "ombud.security.api-client.id=",
            "ombud.security.api-client.secret=",
            "logging.level.ombud.graphql=warn",
            "ombud.panel.ballot-key=" + TestData.BALLOT_KEY,
            // the management server (probes, metrics) on a free port of its own
            "management.server.port=0",
            // tests run scheduled jobs themselves, at the moment they choose
            "ombud.scheduling.enabled=false"
        })
@Import(TestSupportConfiguration.class)
public @interface OmbudIntegrationTest {
}
