package app.ombud.review;

/** Whether the customer stated the demand or the employee inferred it from the call. */
public enum DemandKind { EXPLICIT, INFERRED }
