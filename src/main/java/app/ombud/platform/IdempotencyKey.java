package app.ombud.platform;

import java.util.UUID;

/**
 * The key that makes a creating request safe to repeat: the {@code Idempotency-Key} header of an
 * API request (IETF httpapi draft "The Idempotency-Key HTTP Header Field"), or one key per
 * opening of a portal form. {@link #NONE} when the caller sent none: then every request counts.
 */
public record IdempotencyKey(String value) {

    /** The HTTP request header. */
    public static final String HEADER = "Idempotency-Key";

    /** Where the GraphQL layer keeps the raw header for the controllers ({@code @ContextValue}). */
    public static final String CONTEXT = "ombud.idempotencyKey";

    public static final IdempotencyKey NONE = new IdempotencyKey(null);

    static final int MAX_LENGTH = 255;

    /** A fresh key, e.g. for a portal form when it opens. */
    public static IdempotencyKey random() {
        return new IdempotencyKey(UUID.randomUUID().toString());
    }

    /**
     * The key of a header value: a structured-field string ({@code "…"}, as the draft writes it) or
     * the bare token most clients send. Absent gives {@link #NONE}; anything else than 1 to 255
     * visible ASCII characters is refused with {@code IDEMPOTENCY_KEY_INVALID}.
     */
    public static IdempotencyKey fromHeader(String header) {
        if (header == null) {
            return NONE;
        }
        String value = header.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty() || value.length() > MAX_LENGTH
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != '\\')) {
            throw OmbudException.badRequest("IDEMPOTENCY_KEY_INVALID", HEADER,
                    "The Idempotency-Key header must be 1 to {0} visible ASCII characters", MAX_LENGTH);
        }
        return new IdempotencyKey(value);
    }

    public boolean present() {
        return value != null;
    }

    @Override
    public String toString() {
        return present() ? "IdempotencyKey[set]" : "IdempotencyKey[none]";
    }
}
