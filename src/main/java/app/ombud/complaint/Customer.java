package app.ombud.complaint;

import app.ombud.platform.PersonalData;

/** The customer who complains: name, phone and account (any may be unknown, but not all). */
public record Customer(String name, String phone, String account) {

    /** Phone as 138****0000 and name as 张*, for readers who may not see personal data. */
    public Customer masked() {
        return new Customer(PersonalData.maskName(name), PersonalData.maskContact(phone),
                account == null ? null : "****");
    }
}
