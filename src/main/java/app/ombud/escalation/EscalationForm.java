package app.ombud.escalation;

/** The escalation application form (《客诉升级申请表》). */
public record EscalationForm(String situation, String progress, String whyUnsolved, String proposal) {
}
