package app.ombud.platform.web;

import app.ombud.platform.OmbudException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * The few REST endpoints (file upload and download, which GraphQL does not carry) answer errors
 * as RFC 9457 problem details with the same stable {@code code} as the GraphQL API.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class RestErrors {

    private final MessageSource messages;

    RestErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    ProblemDetail domain(OmbudException e, Locale locale) {
        HttpStatus status = switch (e.kind()) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
        };
        var problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(e.messageKey(), e.args(label -> messages.getMessage(label.key(), null,
                        label.fallback(), locale)), e.getMessage(), locale));
        problem.setProperty("code", e.code());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail denied(AccessDeniedException e, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                messages.getMessage("error.FORBIDDEN", null, "You are not allowed to do this", locale));
        problem.setProperty("code", "FORBIDDEN");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail tooLarge(MaxUploadSizeExceededException e, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                messages.getMessage("error.UPLOAD_TOO_LARGE", null, "The upload is too large", locale));
        problem.setProperty("code", "UPLOAD_TOO_LARGE");
        return problem;
    }

    /** A query parameter missing: the same {@code REQUIRED} as in GraphQL, naming it. */
    @ExceptionHandler
    ProblemDetail missing(MissingServletRequestParameterException e, Locale locale) {
        return parameter("REQUIRED", e.getParameterName(), null, locale);
    }

    /** A query or path parameter that is not of its type (a date, an ID, one of a list's names). */
    @ExceptionHandler
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e, Locale locale) {
        return parameter("PARAMETER_INVALID", e.getName(), e.getValue() == null ? "" : e.getValue().toString(),
                locale);
    }

    private ProblemDetail parameter(String code, String name, String value, Locale locale) {
        Object[] args = value == null ? new Object[] {name} : new Object[] {name, value};
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("error." + code, args, code, locale));
        problem.setProperty("code", code);
        problem.setProperty("field", name);
        return problem;
    }
}
