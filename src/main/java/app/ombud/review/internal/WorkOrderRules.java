package app.ombud.review.internal;

import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.TextInput;
import app.ombud.platform.TimeInput;
import app.ombud.review.WorkOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/** Input rules of a work order and of the times recorded on a review, the same for the portal and the API. */
public final class WorkOrderRules {

    /** How long ago the call a work order is about may have been. */
    public static final Duration MAX_CALL_AGE = Duration.ofDays(90);

    /** How long ago a call or an answer recorded on a review may have been. */
    public static final Duration MAX_EVENT_AGE = Duration.ofDays(30);

    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{3,20}");
    private static final Pattern EMPLOYEE_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern SOURCE = Pattern.compile("[0-9A-Za-z_-]{1,32}");

    private WorkOrderRules() {
    }

    /** The work order trimmed and complete; the submitter must already be decided. */
    public static WorkOrder validate(WorkOrder order, String submitter, Instant now) {
        if (order == null) {
            throw required("workOrder");
        }
        String caller = TextInput.required(order.callerNumber(), "callerNumber", Kind.PHONE);
        String contact = TextInput.required(order.contactNumber(), "contactNumber", Kind.PHONE);
        String complaint = TextInput.required(order.complaint(), "complaint", Kind.TEXT);
        String demand = TextInput.required(order.demand(), "demand", Kind.NOTE);
        String accused = TextInput.required(order.accusedEmployeeId(), "accusedEmployeeId", Kind.EMPLOYEE_ID);
        String source = TextInput.required(order.source(), "source", Kind.CODE);
        String topic = TextInput.optional(order.topic(), "topic", Kind.NAME);
        phone(caller, "callerNumber");
        phone(contact, "contactNumber");
        if (order.demandKind() == null) {
            throw required("demandKind");
        }
        if (!EMPLOYEE_ID.matcher(accused).matches()) {
            throw OmbudException.badRequest("EMPLOYEE_ID_INVALID", "accusedEmployeeId", "Not an employee ID: {0}",
                    accused);
        }
        if (!SOURCE.matcher(source).matches()) {
            throw OmbudException.badRequest("REVIEW_SOURCE_INVALID", "source",
                    "The source is the line the complaint came from, e.g. 10010: {0}", source);
        }
        Instant callAt = TimeInput.past(order.callAt(), "callAt", now, MAX_CALL_AGE);
        return new WorkOrder(submitter, caller, callAt, contact, complaint, demand, order.demandKind(),
                accused, source, topic);
    }

    /** When a call or an answer happened: now when not given, else in the past within {@link #MAX_EVENT_AGE}. */
    public static Instant recordedAt(Instant at, String field, Instant now) {
        return at == null ? now : TimeInput.past(at, field, now, MAX_EVENT_AGE);
    }

    private static void phone(String value, String field) {
        if (!PHONE.matcher(value).matches()) {
            throw OmbudException.badRequest("PHONE_INVALID", field, "Not a phone number: {0}", value);
        }
    }

    private static OmbudException required(String field) {
        return OmbudException.badRequest("REQUIRED", field, "{0} is required", field);
    }
}
