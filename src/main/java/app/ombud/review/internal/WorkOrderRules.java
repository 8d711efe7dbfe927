package app.ombud.review.internal;

import app.ombud.platform.OmbudException;
import app.ombud.review.WorkOrder;
import java.time.Instant;
import java.util.regex.Pattern;

/** Input rules of a work order, the same for the portal and the API. */
public final class WorkOrderRules {

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
        String caller = phone(order.callerNumber(), "callerNumber");
        String contact = phone(order.contactNumber(), "contactNumber");
        String complaint = text(order.complaint(), "complaint", 5000, true);
        String demand = text(order.demand(), "demand", 2000, true);
        if (order.demandKind() == null) {
            throw required("demandKind");
        }
        String accused = text(order.accusedEmployeeId(), "accusedEmployeeId", 32, true);
        if (!EMPLOYEE_ID.matcher(accused).matches()) {
            throw OmbudException.badRequest("EMPLOYEE_ID_INVALID", "accusedEmployeeId", "Not an employee ID: {0}",
                    accused);
        }
        String source = text(order.source(), "source", 32, true);
        if (!SOURCE.matcher(source).matches()) {
            throw OmbudException.badRequest("REVIEW_SOURCE_INVALID", "source",
                    "The source is the line the complaint came from, e.g. 10010: {0}", source);
        }
        if (order.callAt() != null && order.callAt().isAfter(now.plusSeconds(300))) {
            throw OmbudException.badRequest("CALL_IN_FUTURE", "callAt", "The earlier call cannot be in the future");
        }
        return new WorkOrder(submitter, caller, order.callAt(), contact, complaint, demand, order.demandKind(),
                accused, source, text(order.topic(), "topic", 100, false));
    }

    public static String text(String value, String field, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw required(field);
            }
            return null;
        }
        String clean = value.strip();
        if (clean.length() > max) {
            throw OmbudException.badRequest("TOO_LONG", field, "{0} is longer than {1} characters", field, max);
        }
        return clean;
    }

    private static String phone(String value, String field) {
        String clean = text(value, field, 20, true);
        if (!PHONE.matcher(clean).matches()) {
            throw OmbudException.badRequest("PHONE_INVALID", field, "Not a phone number: {0}", clean);
        }
        return clean;
    }

    private static OmbudException required(String field) {
        return OmbudException.badRequest("REQUIRED", field, "{0} is required", field);
    }
}
