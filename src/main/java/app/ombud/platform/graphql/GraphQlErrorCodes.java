package app.ombud.platform.graphql;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * Every error carries an {@code extensions.code}, graphql-java's own included: a document that
 * does not parse is {@code GRAPHQL_PARSE_FAILED}; one that does not fit the schema (an unknown
 * field, a missing required argument, a variable of the wrong type) {@code GRAPHQL_VALIDATION_FAILED};
 * one over the depth or complexity limit {@code QUERY_LIMIT_EXCEEDED}. Errors mapped by
 * {@link GraphQlErrors} keep their code; anything else gets its classification as code.
 */
@Component
class GraphQlErrorCodes extends SimplePerformantInstrumentation {

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().stream().allMatch(GraphQlErrorCodes::hasCode)) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> errors = result.getErrors().stream()
                .map(e -> hasCode(e) ? e : withCode(e)).toList();
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
    }

    private static boolean hasCode(GraphQLError error) {
        return error.getExtensions() != null && error.getExtensions().get("code") != null;
    }

    private static GraphQLError withCode(GraphQLError error) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code(error.getErrorType()));
        if (error.getExtensions() != null) {
            error.getExtensions().forEach(extensions::putIfAbsent);
        }
        return GraphqlErrorBuilder.newError().message(error.getMessage()).locations(error.getLocations())
                .path(error.getPath()).errorType(error.getErrorType()).extensions(extensions).build();
    }

    static String code(ErrorClassification type) {
        if (type == null) {
            return "INTERNAL_ERROR";
        }
        if (type instanceof ErrorType graphqlJava) {
            return switch (graphqlJava) {
                case InvalidSyntax -> "GRAPHQL_PARSE_FAILED";
                case ValidationError -> "GRAPHQL_VALIDATION_FAILED";
                case ExecutionAborted -> "QUERY_LIMIT_EXCEEDED";
                case OperationNotSupported -> "OPERATION_NOT_SUPPORTED";
                case DataFetchingException, NullValueInNonNullableField -> "INTERNAL_ERROR";
            };
        }
        return String.valueOf(type);
    }
}
