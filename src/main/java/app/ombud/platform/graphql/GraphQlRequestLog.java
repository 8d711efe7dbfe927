package app.ombud.platform.graphql;

import app.ombud.platform.CurrentActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One log line per GraphQL request: operation, caller, time, error codes. Never variable values
 * (they carry phone numbers, names and ballot choices). Responses are marked no-store.
 */
@Component
class GraphQlRequestLog implements WebGraphQlInterceptor {

    private static final Logger log = LoggerFactory.getLogger("ombud.graphql");

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        long start = System.nanoTime();
        String caller = CurrentActor.find().map(a -> a.subject()).orElse("-");
        String operation = request.getOperationName() != null ? request.getOperationName() : "(anonymous)";
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
