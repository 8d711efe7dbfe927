package app.ombud.complaint;

/**
 * The steps a person can take on a case; each has one rule on the case document, and
 * {@link ComplaintService#allowedSteps} says which apply now.
 */
public enum CaseStep {
    DISPATCH, ACKNOWLEDGE, PLAN, SEND_RESULT, RECORD_ANSWER, ADD_NOTE, ATTACH_EVIDENCE, DECIDE_VALIDITY,
    CLOSE_INVALID, OVERRIDE_LEVEL, ARCHIVE
}
