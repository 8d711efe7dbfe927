package app.ombud.policy;

/** Who handles a complaint of a level (SPEC §1.3). */
public enum HandlingRole { LEADERSHIP_TASK_FORCE, DEPARTMENT_HEAD, BUSINESS_TEAM, AGENT }
