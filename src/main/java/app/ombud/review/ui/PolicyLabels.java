package app.ombud.review.ui;

import app.ombud.platform.OmbudException;
import app.ombud.policy.JudgmentType;
import app.ombud.policy.PolicyContent;
import app.ombud.policy.PolicyService;
import app.ombud.policy.RoutingRule;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The labels of a review's policy codes (routing groups, criteria) under the policy version they
 * were recorded with, so old entries keep their texts; each version is read once per page.
 */
final class PolicyLabels {

    private final PolicyService policy;
    private final Locale locale;
    private final Map<Integer, PolicyContent> versions = new HashMap<>();

    PolicyLabels(PolicyService policy, Locale locale) {
        this.policy = policy;
        this.locale = locale;
    }

    /** The routing group's name, or the code when no version knows it. */
    String group(String group, Integer version) {
        return content(version).routing().rules().stream().filter(r -> r.group().equals(group)).findFirst()
                .or(() -> policy.current().content().routing().rules().stream()
                        .filter(r -> r.group().equals(group)).findFirst())
                .map(RoutingRule::name).map(name -> name.in(locale)).orElse(group);
    }

    /** The criterion's text, or the code when no version knows it. */
    String criterion(JudgmentType type, String code, Integer version) {
        return content(version).reviewCriteria().find(type, code)
                .or(() -> policy.current().content().reviewCriteria().find(type, code))
                .map(c -> c.text().in(locale)).orElse(code);
    }

    private PolicyContent content(Integer version) {
        if (version == null) {
            return policy.current().content();
        }
        return versions.computeIfAbsent(version, v -> {
            try {
                return policy.version(v).content();
            } catch (OmbudException e) {
                return policy.current().content();
            }
        });
    }

    /** A version number stored as text, or null. */
    static Integer version(String text) {
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
