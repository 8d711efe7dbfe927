package app.ombud.platform.graphql;

import app.ombud.platform.CurrentActor;
import app.ombud.platform.SecretGraphQlFields;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One log line per GraphQL request: operation, caller, time, error codes. Never variable values
 * (they carry phone numbers, names and ballot choices), and for a request that touches a
 * {@link SecretGraphQlFields secret field} only that field instead of the client's operation name.
 * Responses are marked no-store.
 */
@Component
class GraphQlRequestLog implements WebGraphQlInterceptor {

    private static final Logger log = LoggerFactory.getLogger("ombud.graphql");

    private final List<String> secretFields;

    GraphQlRequestLog(ObjectProvider<SecretGraphQlFields> secrets) {
        this.secretFields = secrets.orderedStream().flatMap(s -> s.fields().stream()).toList();
    }

    private String operation(WebGraphQlRequest request) {
        String document = request.getDocument();
        for (String field : secretFields) {
            if (Pattern.compile("\\b" + Pattern.quote(field) + "\\b").matcher(document).find()) {
                return field;
            }
        }
        return request.getOperationName() != null ? request.getOperationName() : "(anonymous)";
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        long start = System.nanoTime();
        String caller = CurrentActor.find().map(a -> a.subject()).orElse("-");
        String operation = operation(request);
        return chain.next(request).doOnNext(response -> {
            response.getResponseHeaders().setCacheControl("no-store");
            if (log.isInfoEnabled()) {
                var codes = response.getErrors().stream()
                        .map(e -> String.valueOf(e.getExtensions().getOrDefault("code", e.getErrorType())))
                        .toList();
                log.info("operation={} caller={} ms={} errors={}", operation, caller,
                        (System.nanoTime() - start) / 1_000_000, codes);
            }
        });
    }
}
