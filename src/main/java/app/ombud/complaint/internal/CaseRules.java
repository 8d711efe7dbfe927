package app.ombud.complaint.internal;

import app.ombud.complaint.CaseIntake;
import app.ombud.complaint.Customer;
import app.ombud.platform.OmbudException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.regex.Pattern;

/** Input rules of complaint intake, the same for the portal and the API. */
public final class CaseRules {

    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,20}");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");

    private CaseRules() {
    }

    public static ValidIntake validate(CaseIntake intake, Instant now) {
        if (intake.channel() == null) {
            throw required("channel");
        }
        if (intake.category() == null) {
            throw required("category");
        }
        Customer customer = intake.customer() == null ? new Customer(null, null, null) : intake.customer();
        String name = clean(customer.name(), "customer.name", 100);
        String phone = clean(customer.phone(), "customer.phone", 20);
        String account = clean(customer.account(), "customer.account", 64);
        if (phone == null && account == null) {
            throw OmbudException.badRequest("CUSTOMER_CONTACT_REQUIRED", "customer.phone",
                    "Give the customer's phone number or account");
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw OmbudException.badRequest("PHONE_INVALID", "customer.phone", "Not a phone number: {0}", phone);
        }
        String subject = clean(intake.subject(), "subject", 200);
        if (subject == null) {
            throw required("subject");
        }
        String description = clean(intake.description(), "description", 5000);
        BigDecimal amount = intake.compensationAsked();
        if (amount != null && (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0)) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", "compensationAsked", "{0} must be between {1} and {2}",
                    "compensationAsked", 0, MAX_AMOUNT);
        }
        Instant receivedAt = intake.receivedAt() == null ? now : intake.receivedAt();
        if (receivedAt.isAfter(now.plusSeconds(300))) {
            throw OmbudException.badRequest("RECEIVED_IN_FUTURE", "receivedAt", "A complaint cannot come in the future");
        }
        return new ValidIntake(intake.channel(), new Customer(name, phone, account), subject, description,
                intake.category(), intake.flags(), amount, intake.urgent(), receivedAt);
    }

    private static String clean(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw OmbudException.badRequest("TOO_LONG", field, "{0} is longer than {1} characters", field, max);
        }
        return text;
    }

    private static OmbudException required(String field) {
        return OmbudException.badRequest("REQUIRED", field, "{0} is required", field);
    }
}
