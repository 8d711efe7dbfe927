package app.ombud.complaint;

/** The customer who complains: name, phone and account (any may be unknown, but not all). */
public record Customer(String name, String phone, String account) {

    /** Phone as 138****0000 and name as 张*, for readers who may not see personal data. */
    public Customer masked() {
        return new Customer(maskName(name), maskPhone(phone), account == null ? null : "****");
    }

    static String maskPhone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        return name.charAt(0) + "*".repeat(Math.max(1, name.length() - 1));
    }
}
