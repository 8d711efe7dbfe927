package app.ombud.platform.graphql;

import app.ombud.platform.IdempotencyKey;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Hands the request's {@code Idempotency-Key} header to the creating mutations, which read it
 * with {@code @ContextValue(name = IdempotencyKey.CONTEXT, required = false)} and parse it with
 * {@link IdempotencyKey#fromHeader}, so a malformed key is refused by the mutation that uses it.
 */
@Component
class IdempotencyKeyHeader implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String header = request.getHeaders().getFirst(IdempotencyKey.HEADER);
        if (header != null) {
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(Map.of(IdempotencyKey.CONTEXT, header)).build());
        }
        return chain.next(request);
    }
}
