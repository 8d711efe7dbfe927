package app.ombud.policy;

/** The first category of a complaint (SPEC §1.1). */
public enum CaseCategory { PRODUCT_QUALITY, SERVICE_ATTITUDE, DELIVERY_DELAY, POLICY_TERMS, INQUIRY, OTHER }
