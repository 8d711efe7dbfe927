package app.ombud.calltest;

/** A recorded test call counts in the figures; a voided one (recorded by mistake) is kept but counts nowhere. */
public enum TestCallStatus {
    RECORDED, VOIDED
}
