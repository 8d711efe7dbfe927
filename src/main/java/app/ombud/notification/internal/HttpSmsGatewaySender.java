package app.ombud.notification.internal;

import app.ombud.notification.Channel;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * SMS through an HTTP gateway: POSTs {@code {"id","to","text"}} as JSON to the configured URL
 * with an {@code Idempotency-Key} header (the outbox ID), authenticated by basic auth or a
 * bearer token. Any non-2xx answer is a failure to retry.
 */
public class HttpSmsGatewaySender implements MessageSender {

    private final RestClient http;

    public HttpSmsGatewaySender(String url, String username, String password, String token) {
        var requestFactory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        requestFactory.setReadTimeout(Duration.ofSeconds(10));
        var builder = RestClient.builder().baseUrl(url).requestFactory(requestFactory);
        if (username != null && !username.isBlank()) {
            String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes());
            builder.defaultHeader("Authorization", "Basic " + basic);
        } else if (token != null && !token.isBlank()) {
            builder.defaultHeader("Authorization", "Bearer " + token);
        }
        this.http = builder.build();
    }

    @Override
    public boolean supports(Channel channel) {
        return channel == Channel.SMS;
    }

    @Override
    public void send(OutboxDocument message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("id", message.id().toString());
        body.put("to", message.recipient());
        body.put("text", message.body() == null ? "" : message.body());
        http.post().contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", message.id().toString())
                .body(body).retrieve().toBodilessEntity();
    }
}
