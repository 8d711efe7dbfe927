package app.ombud.support;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * Calls of every field of the schema's {@code Mutation} type, enumerated from the schema itself
 * (a mutation added later is walked without editing a test), with generated, well-typed
 * arguments: plausible ones (random UUIDs, a short string, 1, the first enum value, required
 * input fields filled recursively, scalars in their format), or invalid ones of the right type
 * (blank strings, negative numbers, empty lists, year 0001), optional fields filled too.
 */
public final class MutationWalk {

    /** One mutation as a document with its variables. */
    public record Call(String mutation, String document, Map<String, Object> variables) {
    }

    private MutationWalk() {
    }

    public static List<Call> calls(GraphQLSchema schema, boolean invalid) {
        List<Call> calls = new ArrayList<>();
        for (GraphQLFieldDefinition mutation : schema.getMutationType().getFieldDefinitions()) {
            Map<String, Object> variables = new LinkedHashMap<>();
            List<String> declarations = new ArrayList<>();
            List<String> arguments = new ArrayList<>();
            for (GraphQLArgument argument : mutation.getArguments()) {
                if (!invalid && !GraphQLTypeUtil.isNonNull(argument.getType())) {
                    continue;
                }
                variables.put(argument.getName(), value(argument.getType(), invalid, 0));
                declarations.add("$" + argument.getName() + ": " + GraphQLTypeUtil.simplePrint(argument.getType()));
                arguments.add(argument.getName() + ": $" + argument.getName());
            }
            String document = "mutation" + (declarations.isEmpty() ? "" : "(" + String.join(", ", declarations) + ")")
                    + " { " + mutation.getName() + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")")
                    + (GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(mutation.getType())) ? "" : " { __typename }")
                    + " }";
            calls.add(new Call(mutation.getName(), document, variables));
        }
        return calls;
    }

    /** Sends the call with the token; the JSON answer. */
    public static Map<String, Object> post(ApiAccess api, String token, Call call) {
        return api.http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + token)
                .bodyValue(Map.of("query", call.document(), "variables", call.variables()))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> errors(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.getOrDefault("errors", List.of());
    }

    @SuppressWarnings("unchecked")
    public static Object code(Map<String, Object> error) {
        return ((Map<String, Object>) error.getOrDefault("extensions", Map.of())).get("code");
    }

    /**
     * Whether the answer refuses the call with this code and nothing else, and no result; else
     * what came instead, for the test's message.
     */
    public static String refusal(Call call, Map<String, Object> body, String expected) {
        List<Map<String, Object>> errors = errors(body);
        boolean refused = !errors.isEmpty() && errors.stream().allMatch(e -> expected.equals(code(e)))
                && (!(body.get("data") instanceof Map<?, ?> data) || data.get(call.mutation()) == null);
        if (refused) {
            return null;
        }
        return call.mutation() + " -> " + (errors.isEmpty() ? "data " + body.get("data")
                : String.join(", ", errors.stream().map(e -> code(e) + " (" + e.get("message") + ")").toList()));
    }

    private static Object value(GraphQLInputType type, boolean invalid, int depth) {
        GraphQLType inner = GraphQLTypeUtil.unwrapNonNull(type);
        if (inner instanceof GraphQLList list) {
            return invalid ? List.of() : List.of(value((GraphQLInputType) list.getWrappedType(), false, depth));
        }
        if (inner instanceof GraphQLEnumType enumType) {
            return enumType.getValues().getFirst().getName();
        }
        if (inner instanceof GraphQLInputObjectType object) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (var field : object.getFieldDefinitions()) {
                if (GraphQLTypeUtil.isNonNull(field.getType()) || (invalid && depth < 3)) {
                    fields.put(field.getName(), value(field.getType(), invalid, depth + 1));
                }
            }
            return fields;
        }
        return switch (((GraphQLScalarType) inner).getName()) {
            case "String" -> invalid ? "  " : "Walk";
            case "ID", "UUID" -> UUID.randomUUID().toString();
            case "Int" -> invalid ? -1 : 1;
            case "Float" -> invalid ? -1.0 : 1.0;
            case "Boolean" -> !invalid;
            // within the scalars' range (1970-2200, checked with the request's syntax), outside every save's
            case "DateTime" -> invalid ? "1970-01-01T00:00:00Z" : "2026-11-22T09:30:00+08:00";
            case "Date" -> invalid ? "1970-01-01" : "2026-11-22";
            case "Decimal", "Long" -> invalid ? "-1" : "1";
            default -> throw new IllegalStateException("No value for the scalar " + inner);
        };
    }
}
