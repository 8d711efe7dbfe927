package app.ombud.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.notification.internal.HttpSmsGatewaySender;
import app.ombud.notification.internal.OutboxDocument;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMS gateway sender against a real HTTP server on loopback. */
class HttpSmsGatewaySenderTest {

    HttpServer server;
    final List<String> keys = new CopyOnWriteArrayList<>();
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<String> auth = new CopyOnWriteArrayList<>();
    final AtomicInteger status = new AtomicInteger(200);

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", exchange -> {
            keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            auth.add(exchange.getRequestHeaders().getFirst("Authorization"));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    OutboxDocument message() {
        return new OutboxDocument(UUID.randomUUID(), Channel.SMS, "13800138000", null, "您好，请回电", OutboxEntry.Status.SENDING,
                1, Instant.now(), Instant.now(), null, null, null, "Test", "1");
    }

    @Test
    void sendsJsonWithTheIdempotencyKeyAndCredentials() {
        var sender = new HttpSmsGatewaySender("http://127.0.0.1:" + server.getAddress().getPort() + "/sms",
                "ombud", "s3cret", null);
        var message = message();
        sender.send(message);
        sender.send(message);
        assertThat(keys).containsExactly(message.id().toString(), message.id().toString());
        assertThat(bodies.getFirst()).contains("\"to\":\"13800138000\"").contains("您好，请回电");
        assertThat(auth.getFirst()).startsWith("Basic ");
    }

    @Test
    void aRefusalIsAFailureToRetry() {
        status.set(503);
        var sender = new HttpSmsGatewaySender("http://127.0.0.1:" + server.getAddress().getPort() + "/sms", null,
                null, "token-1");
        assertThatThrownBy(() -> sender.send(message())).hasMessageContaining("503");
        assertThat(auth.getFirst()).isEqualTo("Bearer token-1");
    }
}
