package app.ombud.policy;

import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.TextInput;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts sent to people: SMS templates to customers, the wording of the escalation form Ombud
 * fills in itself ({@link AutoEscalationForm}) and the phone task a reviewer gets for a
 * notify-by-call review (zh-CN). Placeholders are written {@code {name}} and limited to an allowed
 * set. The review-reply template must never reveal the verdict (SPEC §5): no verdict
 * placeholder, none of the configured verdict words — checked when saved and again on the
 * rendered text before it is sent.
 */
public record MessageTemplates(LocalizedText reviewReply, LocalizedText acknowledgement, List<String> verdictWords,
        String hotline, AutoEscalationForm autoEscalation, String phoneTaskSubject, String phoneTaskBody)
        implements PolicySection {

    /** The number customers are asked to call, when a stored version predates the setting. */
    public static final String DEFAULT_HOTLINE = "10010";
    private static final Pattern HOTLINE = Pattern.compile("[0-9+\\-]{3,20}");

    /** The phone task's texts, when a stored version predates the setting. */
    public static final String DEFAULT_PHONE_TASK_SUBJECT = "请致电 {number}（{group}）";
    public static final String DEFAULT_PHONE_TASK_BODY = "通知对方负责人白名单工单 {caseNumber}：被投诉工号 {agentId}。"
            + "请记录通话时间和接听负责人姓名，并跟踪对方答复。";
    /** Placeholders the phone task may use: the number to call, the routing group's name, the review, the accused. */
    public static final Set<String> PHONE_TASK_ALLOWED = Set.of("number", "group", "caseNumber", "agentId");

    /** Placeholders a template may use. */
    public static final Set<String> ALLOWED = Set.of("customerName", "caseNumber", "hotline", "date", "agentId");
    /** Placeholders that would carry a verdict. */
    public static final Set<String> VERDICT_PLACEHOLDERS = Set.of("verdict", "result", "judgment", "upheld");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    public MessageTemplates {
        verdictWords = verdictWords == null ? List.of() : List.copyOf(verdictWords);
        hotline = hotline == null || hotline.isBlank() ? DEFAULT_HOTLINE : hotline.strip();
        autoEscalation = autoEscalation == null ? AutoEscalationForm.DEFAULT : autoEscalation;
        phoneTaskSubject = phoneTaskSubject == null || phoneTaskSubject.isBlank() ? DEFAULT_PHONE_TASK_SUBJECT
                : phoneTaskSubject.strip();
        phoneTaskBody = phoneTaskBody == null || phoneTaskBody.isBlank() ? DEFAULT_PHONE_TASK_BODY
                : phoneTaskBody.strip();
    }

    /** The templates with the default automatic escalation form. */
    public MessageTemplates(LocalizedText reviewReply, LocalizedText acknowledgement, List<String> verdictWords,
            String hotline, AutoEscalationForm autoEscalation) {
        this(reviewReply, acknowledgement, verdictWords, hotline, autoEscalation, null, null);
    }

    /** The templates with the given phone task and the default automatic escalation form. */
    public MessageTemplates(LocalizedText reviewReply, LocalizedText acknowledgement, List<String> verdictWords,
            String hotline, String phoneTaskSubject, String phoneTaskBody) {
        this(reviewReply, acknowledgement, verdictWords, hotline, null, phoneTaskSubject, phoneTaskBody);
    }

    /** The templates of the first policy versions, with the default hotline and phone task. */
    public MessageTemplates(LocalizedText reviewReply, LocalizedText acknowledgement, List<String> verdictWords) {
        this(reviewReply, acknowledgement, verdictWords, null, null, null, null);
    }

    /** The templates before the escalation form and the phone task were settings: their defaults. */
    public MessageTemplates(LocalizedText reviewReply, LocalizedText acknowledgement, List<String> verdictWords,
            String hotline) {
        this(reviewReply, acknowledgement, verdictWords, hotline, null, null, null);
    }

    public MessageTemplates validate() {
        boolean replyGiven = reviewReply != null && reviewReply.given("reviewReply", Kind.MESSAGE);
        boolean acknowledgementGiven = acknowledgement != null
                && acknowledgement.given("acknowledgement", Kind.MESSAGE);
        verdictWords.forEach(word -> TextInput.optional(word, "verdictWords", Kind.NAME));
        autoEscalation.validate("autoEscalation");
        TextInput.optional(hotline, "hotline", Kind.PHONE);
        TextInput.optional(phoneTaskSubject, "phoneTaskSubject", Kind.NAME);
        TextInput.optional(phoneTaskBody, "phoneTaskBody", Kind.MESSAGE);
        if (!replyGiven) {
            throw OmbudException.badRequest("REQUIRED", "reviewReply", "{0} is required", "reviewReply");
        }
        if (!acknowledgementGiven) {
            throw OmbudException.badRequest("REQUIRED", "acknowledgement", "{0} is required", "acknowledgement");
        }
        check(reviewReply, "reviewReply", true);
        check(acknowledgement, "acknowledgement", false);
        checkPlaceholders(phoneTaskSubject, "phoneTaskSubject", PHONE_TASK_ALLOWED);
        checkPlaceholders(phoneTaskBody, "phoneTaskBody", PHONE_TASK_ALLOWED);
        if (!HOTLINE.matcher(hotline).matches()) {
            throw OmbudException.badRequest("PHONE_INVALID", "hotline", "Not a phone number: {0}", hotline);
        }
        if (verdictWords.stream().anyMatch(w -> w == null || w.isBlank())) {
            throw OmbudException.badRequest("VERDICT_WORD_BLANK", "verdictWords", "A verdict word is empty");
        }
        return this;
    }

    /** The review-reply SMS for a customer, refused if the rendered text would reveal a verdict. */
    public String renderReviewReply(java.util.Locale locale, Map<String, String> values) {
        var withHotline = new java.util.HashMap<>(values);
        withHotline.putIfAbsent("hotline", hotline);
        String text = render(reviewReply.in(locale), withHotline);
        String word = verdictWordIn(text);
        if (word != null) {
            throw OmbudException.badRequest("TEMPLATE_REVEALS_VERDICT", "reviewReply",
                    "The message would reveal the verdict (\"{0}\")", word);
        }
        return text;
    }

    /** The phone task's subject and body for a review: the number to call, the group's name, the review, the accused. */
    public List<String> renderPhoneTask(Map<String, String> values) {
        return List.of(render(phoneTaskSubject, values), render(phoneTaskBody, values));
    }

    private static void checkPlaceholders(String text, String field, Set<String> allowed) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!allowed.contains(m.group(1))) {
                throw OmbudException.badRequest("TEMPLATE_UNKNOWN_PLACEHOLDER", field,
                        "Unknown placeholder '{'{0}'}'; allowed: {1}", m.group(1), String.join(", ", allowed));
            }
        }
    }

    public static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private void check(LocalizedText template, String field, boolean verdictFree) {
        for (String text : new String[] {template.zh(), template.en()}) {
            if (blank(text)) {
                continue;
            }
            Set<String> used = new LinkedHashSet<>();
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                used.add(m.group(1));
            }
            for (String name : used) {
                if (verdictFree && VERDICT_PLACEHOLDERS.contains(name)) {
                    throw OmbudException.badRequest("TEMPLATE_REVEALS_VERDICT", field,
                            "The message would reveal the verdict (\"{0}\")", "{" + name + "}");
                }
                if (!ALLOWED.contains(name)) {
                    throw OmbudException.badRequest("TEMPLATE_UNKNOWN_PLACEHOLDER", field,
                            "Unknown placeholder '{'{0}'}'; allowed: {1}", name, String.join(", ", ALLOWED));
                }
            }
            if (verdictFree) {
                String word = verdictWordIn(text);
                if (word != null) {
                    throw OmbudException.badRequest("TEMPLATE_REVEALS_VERDICT", field,
                            "The message would reveal the verdict (\"{0}\")", word);
                }
            }
        }
    }

    private String verdictWordIn(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return verdictWords.stream().filter(w -> lower.contains(w.toLowerCase(java.util.Locale.ROOT))).findFirst()
                .orElse(null);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
