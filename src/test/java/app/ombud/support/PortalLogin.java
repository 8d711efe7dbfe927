package app.ombud.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The portal's login form over HTTP, as a browser posts it: GET /login for a session and the CSRF
 * token (Vaadin renders it as meta tags, which its login form posts along), then POST /login. Each
 * instance connects from its own loopback address (127.0.x.y; Linux routes all of 127/8 to the
 * loopback device), so tests of the per-address login limit are independent of each other and of
 * the browser tests, which sign in from 127.0.0.1.
 */
public final class PortalLogin {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_PARAMETER = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(256);

    private final String baseUrl;
    private final String address;
    private final HttpClient http;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String session;

    private PortalLogin(String baseUrl, String address) {
        this.baseUrl = baseUrl;
        this.address = address;
        try {
            this.http = HttpClient.newBuilder().localAddress(InetAddress.getByName(address))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A browser at an address no other test uses. */
    public static PortalLogin fromNewAddress(ApiAccess api) {
        int n = NEXT_ADDRESS.getAndIncrement();
        return new PortalLogin(api.baseUrl().replace("localhost", "127.0.0.1"),
                "127.0." + (n / 250) + "." + (1 + n % 250));
    }

    /** Sends this header with the following requests (e.g. a forged {@code X-Forwarded-For}). */
    public PortalLogin header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The address the server sees for this browser. */
    public String address() {
        return address;
    }

    /** What the login form's POST answered. */
    public record Answer(int status, String location, List<String> setCookies) {
        /** Sent away from the login page: the person is in. */
        public boolean signedIn() {
            return status == 302 && location != null && !location.contains("login");
        }

        public boolean throttled() {
            return status == 302 && location != null && location.contains("login?throttled");
        }
    }

    /**
     * Opens the login page and posts the form with the page's session and CSRF token; once signed
     * in, {@link #get} sends the session along.
     */
    public Answer logIn(String username, String password) {
        session = null;
        var page = get("/login");
        assertThat(page.statusCode()).as("GET /login").isEqualTo(200);
        Matcher token = CSRF.matcher(page.body());
        Matcher parameter = CSRF_PARAMETER.matcher(page.body());
        assertThat(token.find()).as("CSRF meta tag on /login").isTrue();
        var form = new LinkedHashMap<String, String>();
        form.put("username", username);
        form.put("password", password);
        form.put(parameter.find() ? parameter.group(1) : "_csrf", token.group(1));
        var answer = post(form, session);
        sessionFrom(answer.setCookies());
        return answer;
    }

    /** GET of a path, with the session of this browser (if any). */
    public HttpResponse<String> get(String path) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (session != null) {
            request.header("Cookie", session);
        }
        var response = send(request);
        sessionFrom(response.headers().allValues("set-cookie"));
        return response;
    }

    private void sessionFrom(List<String> setCookies) {
        setCookies.stream().filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring(0, c.indexOf(';')))
                .findFirst().ifPresent(cookie -> session = cookie);
    }

    /** Posts the form as a foreign page would make a victim's browser do: no session, no token. */
    public Answer postWithoutToken(String username, String password) {
        return post(Map.of("username", username, "password", password), null);
    }

    private Answer post(Map<String, String> form, String sessionCookie) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (sessionCookie != null) {
            request.header("Cookie", sessionCookie);
        }
        var response = send(request);
        return new Answer(response.statusCode(), response.headers().firstValue("location").orElse(null),
                response.headers().allValues("set-cookie"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
