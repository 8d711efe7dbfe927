package app.ombud.panel;

/** Who named a member: the employee's side (the appellant) or the review side (the whitelist owner). */
public enum PanelSide { EMPLOYEE, REVIEW }
