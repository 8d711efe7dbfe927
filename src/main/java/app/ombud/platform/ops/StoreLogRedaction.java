package app.ombud.platform.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Keeps the embedded store's warnings and errors free of stored data. mongo-java-server logs a
 * failing command with its whole document (a duplicate employee ID prints the person's phone
 * and e-mail at ERROR) and its error messages quote key values. This logback filter, put in place
 * right after Boot set up logging, writes such an event again without its data: each document
 * becomes its command and collection ({@code [insert people]}), other arguments their type, and
 * an exception its class and error code, with the original stack trace. The library itself
 * cannot be changed; the same filter works for the text and the JSON log formats.
 */
public final class StoreLogRedaction extends TurboFilter
        implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String STORE_LOGGERS = "de.bwaldvogel.mongo";
    private static final String FQCN = StoreLogRedaction.class.getName();
    private static final ThreadLocal<Boolean> REWRITING = new ThreadLocal<>();

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(StoreLogRedaction.class::isInstance)) {
            var filter = new StoreLogRedaction();
            filter.setName("ombud-store-log-redaction");
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    @Override
    public int getOrder() {
        // after Boot's logging system is initialised (a reset would remove the filter)
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        if (level == null || !level.isGreaterOrEqual(Level.WARN) || !logger.getName().startsWith(STORE_LOGGERS)
                || Boolean.TRUE.equals(REWRITING.get()) || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            return FilterReply.NEUTRAL;
        }
        Throwable thrown = t;
        Object[] args = params;
        if (thrown == null && args != null && args.length > 0 && args[args.length - 1] instanceof Throwable last) {
            thrown = last;
        }
        REWRITING.set(true);
        try {
            logger.log(marker, FQCN, Level.toLocationAwareLoggerInteger(level), describe(format, args), null,
                    thrown == null ? null : redacted(thrown));
        } finally {
            REWRITING.remove();
        }
        return FilterReply.DENY;
    }

    private static String describe(String format, Object[] args) {
        if (format == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        int from = 0;
        int arg = 0;
        int at;
        while ((at = format.indexOf("{}", from)) >= 0) {
            text.append(format, from, at);
            text.append(args != null && arg < args.length ? summary(args[arg++]) : "{}");
            from = at + 2;
        }
        return text.append(format.substring(from)).toString();
    }

    /** What may be told of an argument: numbers and flags as they are, a command by its name. */
    private static String summary(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
            return String.valueOf(value);
        }
        if (value instanceof Map<?, ?> document && !document.isEmpty()) {
            var first = document.entrySet().iterator().next();
            return "[" + first.getKey() + (first.getValue() instanceof String collection ? " " + collection : "") + "]";
        }
        return "[" + value.getClass().getSimpleName() + "]";
    }

    private static Throwable redacted(Throwable original) {
        String what = original.getClass().getName();
        if (original instanceof MongoServerError error) {
            what += " code " + error.getCode() + (error.getCodeName() == null ? "" : " (" + error.getCodeName() + ")");
        }
        var copy = new RedactedStoreException(what + " [message withheld: it may quote stored data]",
                original.getCause() == null || original.getCause() == original ? null : redacted(original.getCause()));
        copy.setStackTrace(original.getStackTrace());
        return copy;
    }

    /** Stands in for an exception of the embedded store whose message is withheld. */
    static final class RedactedStoreException extends RuntimeException {
        RedactedStoreException(String message, Throwable cause) {
            super(message, cause, false, true);
        }
    }
}
