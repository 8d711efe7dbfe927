package app.ombud.notification;

/** How an outgoing message travels. */
public enum Channel {
    /** A text message to a customer's phone, through the SMS gateway. */
    SMS,
    /** An e-mail. */
    EMAIL,
    /** A phone call a person must make (e.g. notify a duty lead): delivered as a portal task. */
    PHONE_TASK
}
