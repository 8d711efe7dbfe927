package app.ombud.policy;

/** Facts a case records that grading criteria test (SPEC §1.2). */
public enum CaseFlag {
    /** Product quality threatens personal safety. */
    SAFETY_THREAT,
    /** Major loss of property. */
    MAJOR_PROPERTY_LOSS,
    /** A major public-opinion event: wide, fast negative spread. */
    PUBLIC_OPINION_EVENT,
    /** The customer threatens to go to regulators or the media. */
    REGULATOR_OR_MEDIA_THREAT,
    /** The customer is agitated. */
    CUSTOMER_AGITATED,
    /** Earlier handling brought no effective fix. */
    NO_EFFECTIVE_FIX,
    /** A quality problem stops normal use. */
    CANNOT_USE,
    /** The customer wants an exchange or a return. */
    EXCHANGE_OR_RETURN_REQUESTED,
    /** A serious service failure (rude or obstructive staff). */
    SERIOUS_SERVICE_FAILURE,
    /** A delay badly hurts the customer's business. */
    BUSINESS_BADLY_HURT,
    /** A slow response with a long wait, without real loss. */
    LONG_WAIT,
    /** The customer disputes a term or policy after it was explained. */
    DISPUTES_TERMS,
    /** A small request (a small feature or setting). */
    SMALL_REQUEST
}
