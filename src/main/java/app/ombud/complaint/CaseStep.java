package app.ombud.complaint;

/** The steps a person can take on a case; {@link ComplaintService#allowedSteps} says which apply now. */
public enum CaseStep {
    DISPATCH, ACKNOWLEDGE, PLAN, SEND_RESULT, RECORD_ANSWER, ADD_NOTE, DECIDE_VALIDITY, CLOSE_INVALID,
    OVERRIDE_LEVEL, ARCHIVE
}
