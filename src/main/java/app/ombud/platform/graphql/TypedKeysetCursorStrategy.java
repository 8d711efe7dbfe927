package app.ombud.platform.graphql;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.data.pagination.CursorStrategy;

/**
 * Encodes keyset positions with the type of each key, so a UUID or an instant comes back as
 * what it was and the next page's query compares like with like. The default JSON strategy
 * would turn a UUID into a string, which then never matches a UUID stored in MongoDB.
 */
final class TypedKeysetCursorStrategy implements CursorStrategy<Map<String, Object>> {

    private static final char KEY_SEPARATOR = '\u001f';
    private static final char TYPE_SEPARATOR = '\u001e';

    @Override
    public boolean supports(Class<?> targetType) {
        return Map.class.isAssignableFrom(targetType);
    }

    @Override
    public String toCursor(Map<String, Object> keys) {
        StringBuilder text = new StringBuilder();
        keys.forEach((name, value) -> {
            if (!text.isEmpty()) {
                text.append(KEY_SEPARATOR);
            }
            text.append(name).append(TYPE_SEPARATOR).append(typeOf(value)).append(TYPE_SEPARATOR).append(write(value));
        });
        return text.toString();
    }

    @Override
    public Map<String, Object> fromCursor(String cursor) {
        Map<String, Object> keys = new LinkedHashMap<>();
        for (String part : cursor.split(String.valueOf(KEY_SEPARATOR), -1)) {
            String[] pieces = part.split(String.valueOf(TYPE_SEPARATOR), 3);
            if (pieces.length != 3) {
                throw new IllegalArgumentException("Not a cursor of this API");
            }
            keys.put(pieces[0], read(pieces[1], pieces[2]));
        }
        return keys;
    }

    private static String typeOf(Object value) {
        return switch (value) {
            case null -> "n";
            case String s -> "s";
            case UUID u -> "u";
            case Instant i -> "t";
            case Date d -> "d";
            case Long l -> "l";
            case Integer i -> "i";
            case BigDecimal b -> "b";
            case Boolean b -> "z";
            default -> throw new IllegalArgumentException("Unsupported keyset key type " + value.getClass());
        };
    }

    private static String write(Object value) {
        return switch (value) {
            case null -> "";
            case Instant i -> Long.toString(i.toEpochMilli());
            case Date d -> Long.toString(d.getTime());
            default -> value.toString();
        };
    }

    private static Object read(String type, String text) {
        try {
            return switch (type) {
                case "n" -> null;
                case "s" -> text;
                case "u" -> UUID.fromString(text);
                case "t" -> Instant.ofEpochMilli(Long.parseLong(text));
                case "d" -> new Date(Long.parseLong(text));
                case "l" -> Long.parseLong(text);
                case "i" -> Integer.parseInt(text);
                case "b" -> new BigDecimal(text);
                case "z" -> Boolean.parseBoolean(text);
                default -> throw new IllegalArgumentException("Unknown key type " + type);
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a cursor of this API", e);
        }
    }
}
