package app.ombud.platform;

import java.util.Arrays;

/**
 * A domain error with a stable code. The GraphQL layer maps {@link #kind()} to an error type
 * and puts {@link #code()} in {@code extensions.code}; the portal shows the translated message
 * of key {@code error.<code>}. The English {@link #getMessage()} is the fallback.
 */
public class OmbudException extends RuntimeException {

    /** How the error is classified for clients. */
    public enum Kind { BAD_REQUEST, NOT_FOUND, FORBIDDEN, CONFLICT, UNAUTHORIZED }

    private final Kind kind;
    private final String code;
    private final String field;
    private final Object[] args;

    public OmbudException(Kind kind, String code, String field, String message, Object... args) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.field = field;
        this.args = args.clone();
    }

    public static OmbudException badRequest(String code, String field, String message, Object... args) {
        return new OmbudException(Kind.BAD_REQUEST, code, field, message, args);
    }

    public static OmbudException notFound(String code, String message, Object... args) {
        return new OmbudException(Kind.NOT_FOUND, code, null, message, args);
    }

    public static OmbudException conflict(String code, String message, Object... args) {
        return new OmbudException(Kind.CONFLICT, code, null, message, args);
    }

    public static OmbudException forbidden(String code, String message, Object... args) {
        return new OmbudException(Kind.FORBIDDEN, code, null, message, args);
    }

    /**
     * {@code CONCURRENT_UPDATE}: the record changed since the caller read it (a stale
     * {@code expectedVersion}, or a versioned save that lost a race). The one conflict error of
     * every module; the portal reloads the record on it.
     */
    public static OmbudException concurrentUpdate() {
        return conflict("CONCURRENT_UPDATE", "Someone else changed this record meanwhile; reload and try again");
    }

    /** Whether this is the {@link #concurrentUpdate()} error. */
    public boolean isConcurrentUpdate() {
        return "CONCURRENT_UPDATE".equals(code);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** The input field at fault, or null when the error is not about one field. */
    public String field() {
        return field;
    }

    /** Arguments of the translated message ({@code {0}}, {@code {1}}, ...). */
    public Object[] args() {
        return Arrays.copyOf(args, args.length);
    }

    /** The arguments with each {@link Label} replaced by its translation ({@code translate} may return null). */
    public Object[] args(java.util.function.Function<Label, String> translate) {
        Object[] out = args();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Label label) {
                String text = translate.apply(label);
                out[i] = text == null ? label.fallback() : text;
            }
        }
        return out;
    }

    /**
     * A message argument that is itself a text to translate, e.g. a status shown to a Chinese
     * user as 质检处理中 instead of IN_REVIEW; English fallbacks and logs see {@code fallback}.
     */
    public record Label(String key, String fallback) {
        @Override
        public String toString() {
            return fallback;
        }
    }

    /** The i18n key of the message. */
    public String messageKey() {
        return "error." + code;
    }
}
