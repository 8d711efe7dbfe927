package app.ombud.platform.graphql;

import app.ombud.platform.OmbudException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Maps every expected failure to an {@link ErrorType} and a stable {@code extensions.code};
 * messages are translated into the client's Accept-Language (zh-CN or en). Anything else stays
 * an opaque INTERNAL_ERROR: no stack trace, no database text.
 */
@ControllerAdvice
class GraphQlErrors {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    private final MessageSource messages;

    GraphQlErrors(MessageSource messages) {
        this.messages = messages;
    }

    @GraphQlExceptionHandler
    GraphQLError domain(OmbudException e, DataFetchingEnvironment env) {
        ErrorType type = switch (e.kind()) {
            case BAD_REQUEST, CONFLICT -> ErrorType.BAD_REQUEST;
            case NOT_FOUND -> ErrorType.NOT_FOUND;
            case FORBIDDEN -> ErrorType.FORBIDDEN;
            case UNAUTHORIZED -> ErrorType.UNAUTHORIZED;
        };
        Locale locale = locale(env);
        String message = messages.getMessage(e.messageKey(),
                e.args(label -> messages.getMessage(label.key(), null, label.fallback(), locale)), e.getMessage(),
                locale);
        return error(env, type, e.code(), e.field(), message);
    }

    @GraphQlExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    GraphQLError denied(RuntimeException e, DataFetchingEnvironment env) {
        return error(env, ErrorType.FORBIDDEN, "FORBIDDEN", null, text("error.FORBIDDEN", env,
                "You are not allowed to do this"));
    }

    @GraphQlExceptionHandler
    GraphQLError concurrent(OptimisticLockingFailureException e, DataFetchingEnvironment env) {
        return error(env, ErrorType.BAD_REQUEST, "CONCURRENT_UPDATE", null, text("error.CONCURRENT_UPDATE", env,
                "Someone else changed this record meanwhile; reload and try again"));
    }

    @GraphQlExceptionHandler
    GraphQLError duplicate(DuplicateKeyException e, DataFetchingEnvironment env) {
        log.debug("Duplicate key", e);
        return error(env, ErrorType.BAD_REQUEST, "DUPLICATE", null, text("error.DUPLICATE", env,
                "A record with the same key already exists"));
    }

    @GraphQlExceptionHandler
    GraphQLError invalid(ConstraintViolationException e, DataFetchingEnvironment env) {
        var violation = e.getConstraintViolations().iterator().next();
        String path = violation.getPropertyPath().toString();
        String field = path.substring(path.lastIndexOf('.') + 1);
        return error(env, ErrorType.BAD_REQUEST, "VALIDATION", field, field + ": " + violation.getMessage());
    }

    @GraphQlExceptionHandler
    GraphQLError badArgument(IllegalArgumentException e, DataFetchingEnvironment env) {
        log.debug("Bad argument", e);
        return error(env, ErrorType.BAD_REQUEST, "INVALID_ARGUMENT", null, text("error.INVALID_ARGUMENT", env,
                "An argument is not valid (for example a cursor from another list)"));
    }

    private String text(String key, DataFetchingEnvironment env, String fallback) {
        return messages.getMessage(key, null, fallback, locale(env));
    }

    private static Locale locale(DataFetchingEnvironment env) {
        return env.getLocale() != null ? env.getLocale() : Locale.ENGLISH;
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String code, String field,
            String message) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        if (field != null) {
            extensions.put("field", field);
        }
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).extensions(extensions).build();
    }
}
