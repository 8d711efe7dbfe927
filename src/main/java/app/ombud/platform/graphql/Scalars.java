package app.ombud.platform.graphql;

import app.ombud.platform.TimeInput;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The scalars of {@code common.graphqls}. Values travel as strings where JSON numbers would
 * lose precision (Decimal, Long) and as ISO-8601 for time; parse errors name the bad value.
 */
final class Scalars {

    /** The code of a well-formed DateTime or Date outside the years 1970 to 2200 (TimeInput). */
    static final String OUT_OF_RANGE = "TIME_OUT_OF_RANGE";

    private Scalars() {
    }

    static final GraphQLScalarType DATE_TIME = string("DateTime", Instant.class, Scalars::parseInstant,
            value -> switch (value) {
                case Instant i -> i.toString();
                case OffsetDateTime o -> o.toInstant().toString();
                case ZonedDateTime z -> z.toInstant().toString();
                default -> throw new CoercingSerializeException("Not a DateTime: " + value.getClass().getSimpleName());
            });

    static final GraphQLScalarType DATE = string("Date", LocalDate.class, Scalars::parseDate, value -> {
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        throw new CoercingSerializeException("Not a Date: " + value.getClass().getSimpleName());
    });

    static final GraphQLScalarType UUID_SCALAR = string("UUID", UUID.class, UUID::fromString, value -> {
        if (value instanceof UUID u) {
            return u.toString();
        }
        throw new CoercingSerializeException("Not a UUID: " + value.getClass().getSimpleName());
    });

    static final GraphQLScalarType DECIMAL = numeric("Decimal", BigDecimal.class, BigDecimal::new, value -> {
        if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).toPlainString();
        }
        throw new CoercingSerializeException("Not a Decimal: " + value.getClass().getSimpleName());
    });

    static final GraphQLScalarType LONG = numeric("Long", Long.class, Long::valueOf, value -> {
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).toString();
        }
        throw new CoercingSerializeException("Not a Long: " + value.getClass().getSimpleName());
    });

    private static Instant parseInstant(String text) {
        Instant at;
        try {
            at = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            at = Instant.parse(text);
        }
        if (!TimeInput.inRange(at)) {
            throw new OutOfRange(text);
        }
        return at;
    }

    private static LocalDate parseDate(String text) {
        LocalDate date = LocalDate.parse(text);
        if (!TimeInput.inRange(date)) {
            throw new OutOfRange(text);
        }
        return date;
    }

    /** A well-formed time outside the years every input must keep to. */
    private static final class OutOfRange extends RuntimeException {
        OutOfRange(String text) {
            super("Not between " + TimeInput.FIRST_DATE.getYear() + " and " + TimeInput.LAST_DATE.getYear() + ": "
                    + text, null, false, false);
        }
    }

    private static <T> GraphQLScalarType string(String name, Class<T> type, Function<String, T> parse,
            Function<Object, String> format) {
        return GraphQLScalarType.newScalar().name(name).description(description(name))
                .coercing(new TextCoercing<>(name, parse, format, false)).build();
    }

    private static <T> GraphQLScalarType numeric(String name, Class<T> type, Function<String, T> parse,
            Function<Object, String> format) {
        return GraphQLScalarType.newScalar().name(name).description(description(name))
                .coercing(new TextCoercing<>(name, parse, format, true)).build();
    }

    private static String description(String name) {
        return switch (name) {
            case "DateTime" -> "An instant as ISO-8601 with offset, e.g. 2026-11-22T09:30:00Z; returned in UTC. "
                    + "Input must lie in the years 1970 to 2200 (UTC).";
            case "Date" -> "A calendar date as ISO-8601, e.g. 2026-11-22. Input must lie in the years 1970 to 2200.";
            case "UUID" -> "A UUID in its canonical text form.";
            case "Decimal" -> "An exact decimal number as a string, e.g. \"1200.50\" (numbers are accepted in input).";
            case "Long" -> "A 64-bit integer as a string (numbers are accepted in input).";
            default -> name;
        };
    }

    private record TextCoercing<T>(String name, Function<String, T> parse, Function<Object, String> format,
            boolean acceptsNumbers) implements Coercing<T, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            return format.apply(value);
        }

        @Override
        public T parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String s || (acceptsNumbers && isNumber(input))) {
                try {
                    return parse.apply(input.toString());
                } catch (OutOfRange e) {
                    throw CoercingParseValueException.newCoercingParseValueException().message(e.getMessage())
                            .extensions(Map.of("code", OUT_OF_RANGE)).build();
                } catch (RuntimeException e) {
                    throw new CoercingParseValueException("Not a valid " + name + ": " + input);
                }
            }
            throw new CoercingParseValueException("Expected a " + name + " but got " + input);
        }

        @Override
        public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            String text = switch (input) {
                case StringValue s -> s.getValue();
                case IntValue i when acceptsNumbers -> i.getValue().toString();
                case graphql.language.FloatValue f when acceptsNumbers -> f.getValue().toPlainString();
                default -> throw new CoercingParseLiteralException("Expected a " + name + " literal");
            };
            try {
                return parse.apply(text);
            } catch (OutOfRange e) {
                throw CoercingParseLiteralException.newCoercingParseLiteralException().message(e.getMessage())
                        .extensions(Map.of("code", OUT_OF_RANGE)).build();
            } catch (RuntimeException e) {
                throw new CoercingParseLiteralException("Not a valid " + name + ": " + text);
            }
        }

        private static boolean isNumber(Object input) {
            return input instanceof Integer || input instanceof Long || input instanceof BigInteger
                    || input instanceof BigDecimal || input instanceof Double;
        }
    }
}
