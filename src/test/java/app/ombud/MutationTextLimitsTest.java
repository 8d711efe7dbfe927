package app.ombud;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.platform.Role;
import app.ombud.platform.TextInput;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.MediaType;

/**
 * Walks every mutation of the schema and every {@code String} it takes — arguments, fields of
 * input types at any depth, list elements — enumerated from the schema, so the modules still to
 * come are walked too. For each it sends the mutation with every other value filled in and that
 * one string over-long, then with a NUL in it, with a token that names a person and holds every
 * role but BI_READER (so role checks pass), and expects BAD_REQUEST with TOO_LONG or
 * CONTROL_CHARACTERS naming that field: the limit is proven, not inferred from some other refusal.
 *
 * <p>Over-long is one more than the longest text kind ({@link TextInput.Kind#TEXT}); a string
 * still taken at that length is sent again one longer than {@link TextInput.Kind#FILE} (a whole
 * file). Lookups come after the text checks in every save, so random IDs do not get in the way.
 * A string that cannot be proven this way must be listed in {@link #REFUSED_OTHERWISE} with the
 * code it is refused with; the test fails on any other outcome, and on a listed entry that is
 * proven meanwhile.
 */
@OmbudIntegrationTest
class MutationTextLimitsTest {

    private static final Role[] ALL_BUT_BI = EnumSet.complementOf(EnumSet.of(Role.BI_READER)).toArray(Role[]::new);
    private static final int OVER_LONG = Arrays.stream(TextInput.Kind.values()).filter(k -> k != TextInput.Kind.FILE)
            .mapToInt(TextInput.Kind::maxLength).max().orElseThrow() + 1;
    private static final String NUL = "a\u0000b";

    /** Strings that are refused before their text is looked at, with the code they are refused with. */
    private static final Map<String, String> REFUSED_OTHERWISE = Map.of();

    @Autowired
    ApiAccess api;

    @Autowired
    GraphQlSource graphQl;

    @Autowired
    DirectoryService directory;

    private String token;

    @Test
    void everyStringOfEveryMutationIsLimitedAndRefusesControlCharacters() {
        String walker = "WALK" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        TestData.asAdmin(() -> directory.createPerson(new PersonInput(walker, "走查员", null, null,
                EnumSet.copyOf(Arrays.asList(ALL_BUT_BI)), true, null, null)));
        token = api.personToken(walker, ALL_BUT_BI);

        Map<String, String> outcomes = new TreeMap<>();
        int mutations = 0;
        for (GraphQLFieldDefinition mutation : graphQl.schema().getMutationType().getFieldDefinitions()) {
            mutations++;
            Map<String, Object> base = new LinkedHashMap<>();
            List<List<Object>> strings = new ArrayList<>();
            for (GraphQLArgument argument : mutation.getArguments()) {
                base.put(argument.getName(), value(argument.getType(), new ArrayList<>(List.of(argument.getName())),
                        strings));
            }
            for (List<Object> path : strings) {
                String name = mutation.getName() + "." + dotted(path);
                String longOutcome = probe(mutation, base, path, "x".repeat(OVER_LONG), "TOO_LONG");
                if (!longOutcome.equals("proven")) {
                    longOutcome = probe(mutation, base, path, "x".repeat(TextInput.Kind.FILE.maxLength() + 1),
                            "TOO_LONG");
                }
                outcomes.put(name + " (over-long)", longOutcome);
                outcomes.put(name + " (NUL)", probe(mutation, base, path, NUL, "CONTROL_CHARACTERS"));
            }
        }

        Map<String, String> notProven = outcomes.entrySet().stream().filter(e -> !e.getValue().equals("proven"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        System.out.printf("Text limits: %d mutations, %d strings, %d probes, %d proven, not proven: %s%n", mutations,
                outcomes.size() / 2, outcomes.size(), outcomes.size() - notProven.size(), notProven);
        assertThat(mutations).as("mutations in the schema").isGreaterThan(60);
        assertThat(notProven).as("strings taken without a proven limit (or refused for another reason first)")
                .isEqualTo(expectedRefusals(outcomes));
    }

    /** The listed strings, each with the code it is expected to be refused with, for both probes. */
    private static Map<String, String> expectedRefusals(Map<String, String> outcomes) {
        Map<String, String> expected = new TreeMap<>();
        REFUSED_OTHERWISE.forEach((name, code) -> {
            expected.put(name + " (over-long)", code);
            expected.put(name + " (NUL)", code);
        });
        assertThat(outcomes.keySet()).as("listed strings exist in the schema").containsAll(expected.keySet());
        return expected;
    }

    /**
     * Sends the mutation with the string at {@code path} replaced; "proven" when refused with the
     * expected code on that field, else what happened (the code, "success" or "INTERNAL_ERROR").
     */
    @SuppressWarnings("unchecked")
    private String probe(GraphQLFieldDefinition mutation, Map<String, Object> base, List<Object> path, String bad,
            String code) {
        Map<String, Object> variables = (Map<String, Object>) replaced(base, path, 0, bad);
        String declarations = mutation.getArguments().stream()
                .map(a -> "$" + a.getName() + ": " + GraphQLTypeUtil.simplePrint(a.getType()))
                .collect(Collectors.joining(", "));
        String arguments = mutation.getArguments().stream().map(a -> a.getName() + ": $" + a.getName())
                .collect(Collectors.joining(", "));
        String document = "mutation Walk(" + declarations + ") { " + mutation.getName() + "(" + arguments
                + ") { __typename } }";
        // an answer may repeat the value it refuses: read up to 16 MB rather than fail on the buffer
        Map<String, Object> body = api.http().mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(16 << 20)).build()
                .post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + token)
                .bodyValue(Map.of("query", document, "variables", variables)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        var errors = (List<Map<String, Object>>) body.getOrDefault("errors", List.of());
        if (errors.isEmpty()) {
            return "success";
        }
        var extensions = (Map<String, Object>) errors.getFirst().getOrDefault("extensions", Map.of());
        String found = String.valueOf(extensions.getOrDefault("code", extensions.get("classification")));
        if (found.equals(code) && "BAD_REQUEST".equals(extensions.get("classification"))
                && names(String.valueOf(extensions.get("field")), path)) {
            return "proven";
        }
        return found.equals(code) ? code + " on " + extensions.get("field") : found;
    }

    /** Whether an error's field (e.g. {@code levels[1].name.zh}) is the end of the path walked. */
    private static boolean names(String field, List<Object> path) {
        List<String> walked = path.stream().filter(p -> p instanceof String).map(String::valueOf).toList();
        List<String> named = Arrays.stream(field.replaceAll("\\[[^]]*]", "").split("\\.")).toList();
        return named.size() <= walked.size() && walked.subList(walked.size() - named.size(), walked.size())
                .equals(named);
    }

    /** A value of the type with every field filled in; the paths of its strings are added to {@code strings}. */
    private static Object value(GraphQLInputType type, List<Object> path, List<List<Object>> strings) {
        GraphQLInputType unwrapped = type instanceof GraphQLNonNull nonNull
                ? (GraphQLInputType) nonNull.getWrappedType() : type;
        return switch (unwrapped) {
            case GraphQLList list -> {
                path.add(0);
                yield List.of(value((GraphQLInputType) list.getWrappedType(), path, strings));
            }
            case GraphQLInputObjectType object -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                    List<Object> at = new ArrayList<>(path);
                    at.add(field.getName());
                    fields.put(field.getName(), value(field.getType(), at, strings));
                }
                yield fields;
            }
            case GraphQLEnumType enumeration -> enumeration.getValues().getFirst().getName();
            case GraphQLScalarType scalar -> switch (scalar.getName()) {
                case "String" -> {
                    strings.add(List.copyOf(path));
                    yield "1";
                }
                case "Int", "Long" -> 1;
                case "Float" -> 1.0;
                case "Boolean" -> true;
                case "Decimal" -> "1";
                case "UUID", "ID" -> UUID.randomUUID().toString();
                case "DateTime" -> Instant.now().toString();
                case "Date" -> LocalDate.now().toString();
                default -> throw new AssertionError("The walker does not know the scalar " + scalar.getName());
            };
            default -> throw new AssertionError("The walker does not know the type " + unwrapped);
        };
    }

    /** A copy of the value with the string at {@code path} (from {@code depth}) replaced. */
    @SuppressWarnings("unchecked")
    private static Object replaced(Object value, List<Object> path, int depth, String bad) {
        if (depth == path.size()) {
            return bad;
        }
        Object step = path.get(depth);
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
            copy.put((String) step, replaced(map.get(step), path, depth + 1, bad));
            return copy;
        }
        List<Object> copy = new ArrayList<>((List<Object>) value);
        copy.set((Integer) step, replaced(copy.get((Integer) step), path, depth + 1, bad));
        return copy;
    }

    private static String dotted(List<Object> path) {
        return path.stream().map(p -> p instanceof Integer i ? "[" + i + "]" : "." + p).collect(Collectors.joining())
                .substring(1).replace(".[", "[");
    }
}
