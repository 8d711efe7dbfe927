package app.ombud.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Ombud in its own JVM (this JVM's java and classpath, main class OmbudApplication) on the
 * embedded file store in a folder of the caller's choice, with a bootstrap API client, so a test
 * can kill it with SIGKILL and start it again on the same store. Its log goes to a file.
 */
final class ForkedOmbud implements AutoCloseable {

    static final String CLIENT_ID = "durability";
    private static final String CLIENT_SECRET = "forked-" + UUID.randomUUID();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path log;
    private final Process process;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String token;

    private ForkedOmbud(Process process, int port, Path log) {
        this.process = process;
        this.baseUrl = "http://127.0.0.1:" + port;
        this.log = log;
    }

    /**
     * Starts Ombud and returns once its token endpoint hands the bootstrap client a token.
     *
     * @param dataDir the store folder (OMBUD_DATA_DIR)
     * @param log where the JVM's output goes
     * @param roles the bootstrap API client's roles, comma-separated
     * @param settings more environment variables, e.g. OMBUD_EMBEDDED_SYNC
     * @param jvmOptions e.g. -Xmx512m
     */
    static ForkedOmbud start(Path dataDir, Path log, String roles, Map<String, String> settings,
            List<String> jvmOptions) throws IOException, InterruptedException {
        return start(dataDir, log, roles, settings, jvmOptions, Duration.ofMinutes(4));
    }

    /** As above, waiting up to {@code limit} for the token (a bootstrap that fills a large store takes longer). */
    static ForkedOmbud start(Path dataDir, Path log, String roles, Map<String, String> settings,
            List<String> jvmOptions, Duration limit) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        int port = freePort();
        // the classpath through an argument file: it is longer than some systems allow on a command line
        List<String> args = new ArrayList<>(jvmOptions);
        args.add("-cp");
        args.add(System.getProperty("java.class.path"));
        args.add("app.ombud.OmbudApplication");
        Path argFile = log.resolveSibling(log.getFileName() + ".args");
        Files.write(argFile, args.stream().map(ForkedOmbud::quoted).toList(), StandardCharsets.UTF_8);

        var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + argFile.toAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // nothing of the caller's own Ombud or Spring settings (a MongoDB URI would bypass the file store)
        env.keySet().removeIf(name -> name.startsWith("OMBUD_") || name.startsWith("SPRING_"));
        env.put("PORT", String.valueOf(port));
        // a free management port too: two forked instances (the benchmark) must not share 8081
        env.put("OMBUD_MANAGEMENT_PORT", "0");
        env.put("OMBUD_ISSUER", "http://127.0.0.1:" + port);
        env.put("OMBUD_DATA_DIR", dataDir.toAbsolutePath().toString());
        env.put("OMBUD_EMBEDDED_BACKEND", "file");
        env.put("OMBUD_ADMIN_PASSWORD", "forked-admin-" + UUID.randomUUID());
        env.put("OMBUD_API_CLIENT_ID", CLIENT_ID);
        env.put("OMBUD_API_CLIENT_SECRET", CLIENT_SECRET);
        env.put("OMBUD_API_CLIENT_ROLES", roles);
        env.put("VAADIN_USAGE_STATS_ENABLED", "false");
        env.putAll(settings);

        Process process = builder.start();
        // never outlive the test JVM, even when it is killed itself
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        var ombud = new ForkedOmbud(process, port, log);
        try {
            ombud.awaitToken(limit);
        } catch (RuntimeException | Error e) {
            ombud.close();
            throw e;
        }
        return ombud;
    }

    private void awaitToken(Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("Ombud ended with " + process.exitValue() + " while starting:\n" + tail(60));
            }
            try {
                var answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    token = JSON.readTree(answer.body()).path("access_token").asString();
                    return;
                }
            } catch (IOException notYet) {
                // the port does not answer yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Ombud gave no token within " + limit + ":\n" + tail(60));
    }

    /** A GraphQL request with the client's token; the answer's JSON (data and errors). */
    JsonNode graphql(String document, Map<String, Object> variables) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("query", document, "variables", variables));
        var answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/graphql"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("HTTP " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    /** One acknowledged intake: what the caller sent and what Ombud answered. */
    record Intake(String id, String number, String name, String phone) {
    }

    private static final String INTAKE = """
            mutation($name: String!, $phone: String!) { intakeCase(input: {channel: HOTLINE,
              customer: {name: $name, phone: $phone}, subject: "宽带频繁掉线", description: "一周内掉线十余次",
              category: PRODUCT_QUALITY, flags: [CANNOT_USE, EXCHANGE_OR_RETURN_REQUESTED], compensationAsked: "500"}) {
              case { id number } } }
            """;

    /**
     * Takes in a complaint (a level-2 case) from a customer with this phone number; an answer
     * without errors is an acknowledged case. No answer at all (the process is gone) is an IOException.
     */
    Intake intake(long phoneNumber) throws IOException, InterruptedException {
        String phone = String.valueOf(phoneNumber);
        String name = "客户" + phone.substring(phone.length() - 4);
        JsonNode answer = graphql(INTAKE, Map.of("name", name, "phone", phone));
        assertThat(answer.path("errors").isMissingNode()).as("errors: %s", answer.path("errors")).isTrue();
        JsonNode created = answer.path("data").path("intakeCase").path("case");
        return new Intake(created.path("id").asString(), created.path("number").asString(), name, phone);
    }

    /** The JVM's process ID. */
    long pid() {
        return process.pid();
    }

    /** SIGKILL to the JVM itself (it was started directly, with no shell in between); returns once it is gone. */
    void kill() throws Exception {
        long pid = process.pid();
        process.destroyForcibly();
        process.onExit().get(60, TimeUnit.SECONDS);
        assertThat(process.isAlive()).isFalse();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("process %d", pid).isEmpty();
        assertThat(process.exitValue()).as("exit code of a SIGKILL").isEqualTo(128 + 9);
    }

    /** A clean stop (SIGTERM), or a kill if it does not end within a minute. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the log, for a failure message. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "--- " + log + " ---\n" + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log at " + log + ": " + e + ")";
        }
    }

    /** The folder, emptied (or created): each run starts from nothing and leaves its logs to read. */
    static Path emptyDirectory(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(dir)).forEach(path -> path.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }

    private static String quoted(String arg) {
        return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
