package app.ombud.complaint.internal;

import app.ombud.complaint.CaseIntake;
import app.ombud.complaint.Customer;
import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.TextInput;
import app.ombud.platform.TimeInput;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/** Input rules of complaint intake, the same for the portal and the API. */
public final class CaseRules {

    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,20}");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");
    /**
     * How long ago a complaint may have come in to be taken in now: a backlog (paper forms, a
     * mailbox) is entered late, but a complaint from years ago would be breached and escalated the
     * moment it is saved.
     */
    public static final Duration MAX_BACKDATING = Duration.ofDays(90);

    private CaseRules() {
    }

    public static ValidIntake validate(CaseIntake intake, Instant now) {
        Customer customer = intake.customer() == null ? new Customer(null, null, null) : intake.customer();
        String name = TextInput.optional(customer.name(), "customer.name", Kind.NAME);
        String phone = TextInput.optional(customer.phone(), "customer.phone", Kind.PHONE);
        String account = TextInput.optional(customer.account(), "customer.account", Kind.CODE);
        String subject = TextInput.optional(intake.subject(), "subject", Kind.LINE);
        String description = TextInput.optional(intake.description(), "description", Kind.TEXT);
        if (intake.channel() == null) {
            throw required("channel");
        }
        if (intake.category() == null) {
            throw required("category");
        }
        if (phone == null && account == null) {
            throw OmbudException.badRequest("CUSTOMER_CONTACT_REQUIRED", "customer.phone",
                    "Give the customer's phone number or account");
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw OmbudException.badRequest("PHONE_INVALID", "customer.phone", "Not a phone number: {0}", phone);
        }
        if (subject == null) {
            throw required("subject");
        }
        BigDecimal amount = intake.compensationAsked();
        if (amount != null && (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0)) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", "compensationAsked", "{0} must be between {1} and {2}",
                    "compensationAsked", 0, MAX_AMOUNT);
        }
        Instant receivedAt = intake.receivedAt() == null ? now
                : TimeInput.past(intake.receivedAt(), "receivedAt", now, MAX_BACKDATING);
        return new ValidIntake(intake.channel(), new Customer(name, phone, account), subject, description,
                intake.category(), intake.flags(), amount, intake.urgent(), receivedAt);
    }

    private static OmbudException required(String field) {
        return OmbudException.badRequest("REQUIRED", field, "{0} is required", field);
    }
}
