package app.ombud.policy;

import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of the escalation form (《客诉升级申请表》) Ombud fills in when it raises an
 * escalation by itself (SPEC §2): the progress so far, why the case cannot be solved — a breached
 * resolution deadline, or a customer who rejected the result again after rework — and the
 * proposed handling. The situation is the complaint's own subject. Placeholders:
 * {@link #PLACEHOLDERS}; the form is written in the company's language (Chinese, else English)
 * when the escalation is raised, as a person's form would be.
 */
public record AutoEscalationForm(LocalizedText progress, LocalizedText deadlineBreached, LocalizedText rejectedAgain,
        LocalizedText proposal) {

    /** Placeholders the form's texts may use: times are company-local. */
    public static final Set<String> PLACEHOLDERS = Set.of("caseNumber", "receivedAt", "deadline", "reworkCount");

    /** The company's language, in which Ombud writes the form. */
    public static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;

    public static final AutoEscalationForm DEFAULT = new AutoEscalationForm(
            LocalizedText.of("客诉 {caseNumber} 于 {receivedAt} 受理，已重新处理 {reworkCount} 次，解决时限为 {deadline}。",
                    "Complaint {caseNumber} was received on {receivedAt} and reworked {reworkCount} times; "
                            + "its resolution was due {deadline}."),
            LocalizedText.of("解决时限 {deadline} 已过，部门未能在时限内解决。",
                    "The resolution deadline {deadline} passed without a solution."),
            LocalizedText.of("经 {reworkCount} 次重新处理后，客户仍不接受处理结果。",
                    "The customer rejected the result again after {reworkCount} reworks."),
            LocalizedText.of("由上级主管部门成立专项处理小组牵头处理。", "The superior department leads a task force."));

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    /** A missing text (a policy stored before this setting, an API update without it) is the default's. */
    public AutoEscalationForm {
        progress = orDefault(progress, DEFAULT == null ? null : DEFAULT.progress);
        deadlineBreached = orDefault(deadlineBreached, DEFAULT == null ? null : DEFAULT.deadlineBreached);
        rejectedAgain = orDefault(rejectedAgain, DEFAULT == null ? null : DEFAULT.rejectedAgain);
        proposal = orDefault(proposal, DEFAULT == null ? null : DEFAULT.proposal);
    }

    private static LocalizedText orDefault(LocalizedText text, LocalizedText fallback) {
        return text == null || (blank(text.zh()) && blank(text.en())) ? fallback : text;
    }

    /** Checks each text's length and that it uses only {@link #PLACEHOLDERS}. */
    public AutoEscalationForm validate(String field) {
        check(progress, field + ".progress");
        check(deadlineBreached, field + ".deadlineBreached");
        check(rejectedAgain, field + ".rejectedAgain");
        check(proposal, field + ".proposal");
        return this;
    }

    /** One of the texts, in the company's language with the values filled in. */
    public static String render(LocalizedText text, Map<String, String> values) {
        return MessageTemplates.render(text.in(LANGUAGE), values);
    }

    private static void check(LocalizedText text, String field) {
        text.given(field, Kind.MESSAGE);
        for (String value : new String[] {text.zh(), text.en()}) {
            if (blank(value)) {
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(value);
            while (m.find()) {
                if (!PLACEHOLDERS.contains(m.group(1))) {
                    throw OmbudException.badRequest("TEMPLATE_UNKNOWN_PLACEHOLDER", field,
                            "Unknown placeholder '{'{0}'}'; allowed: {1}", m.group(1),
                            String.join(", ", PLACEHOLDERS));
                }
            }
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
