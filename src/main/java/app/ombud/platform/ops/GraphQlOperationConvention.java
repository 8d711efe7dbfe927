package app.ombud.platform.ops;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.ExecutionContext;
import graphql.language.Field;
import graphql.language.Selection;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.util.List;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Tags of Spring for GraphQL's {@code graphql.request} observation (the timer
 * {@code graphql_request_seconds}): besides {@code graphql.outcome} and
 * {@code graphql.operation.type}, {@code graphql.operation} is the root field the request ran
 * ({@code createCase}, {@code cases}; {@code multiple} for several, {@code invalid} when the
 * document did not validate) and {@code graphql.error.code} the {@code extensions.code} of its
 * first error ({@code none} without errors). Both come from the schema and from Ombud's own
 * codes, so their values are bounded; the operation name the client chose is never a tag
 * (it stays a high-cardinality key for traces only).
 */
@Component
class GraphQlOperationConvention extends DefaultExecutionRequestObservationConvention {

    static final String OPERATION = "graphql.operation";
    static final String ERROR_CODE = "graphql.error.code";
    private static final int MAX_CODE_LENGTH = 64;

    @Override
    public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
        return super.getLowCardinalityKeyValues(context)
                .and(KeyValue.of(OPERATION, rootField(context.getExecutionContext())))
                .and(KeyValue.of(ERROR_CODE, errorCode(context.getExecutionResult())));
    }

    private static String rootField(ExecutionContext execution) {
        if (execution == null || execution.getOperationDefinition() == null) {
            return "invalid";
        }
        List<Selection> selections = execution.getOperationDefinition().getSelectionSet().getSelections();
        var names = selections.stream().map(s -> s instanceof Field field ? field.getName() : "").distinct().toList();
        return names.size() == 1 && !names.getFirst().isEmpty() ? names.getFirst() : "multiple";
    }

    private static String errorCode(ExecutionResult result) {
        if (result == null) {
            return "INTERNAL_ERROR";
        }
        if (result.getErrors().isEmpty()) {
            return "none";
        }
        GraphQLError first = result.getErrors().getFirst();
        Object code = first.getExtensions() == null ? null : first.getExtensions().get("code");
        String text = code != null ? code.toString()
                : first.getErrorType() != null ? first.getErrorType().toString() : "UNKNOWN";
        // codes are constants of Ombud and graphql-java; anything else is folded into one value
        return text.length() <= MAX_CODE_LENGTH && text.matches("[A-Za-z_][A-Za-z0-9_]*") ? text : "OTHER";
    }
}
