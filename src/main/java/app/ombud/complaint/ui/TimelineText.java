package app.ombud.complaint.ui;

import app.ombud.complaint.TimelineEntry;
import app.ombud.platform.Actor;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * A case's timeline entry in the reader's language: the action's label
 * ({@code case.action.<action>}) with the status it led to, who took it (系统 for Ombud's jobs),
 * and its details — the args rendered by action (levels, criteria by their text in the grade's
 * policy version, remedies, the result channel, the satisfaction, the escalation) followed by
 * the note a person wrote. An entry stored before args existed shows its note as it is.
 */
final class TimelineText {

    /** Translates a key with arguments. */
    private final BiFunction<String, Object[], String> translate;
    /** The text of a criterion code, in the reader's language, by the policy version that graded. */
    private final BiFunction<Integer, String, String> criterion;

    TimelineText(BiFunction<String, Object[], String> translate, BiFunction<Integer, String, String> criterion) {
        this.translate = translate;
        this.criterion = criterion;
    }

    String who(TimelineEntry e) {
        if (Actor.SYSTEM.subject().equals(e.actor())) {
            return t("case.timeline.system");
        }
        return e.actorName() == null || e.actorName().isBlank() ? e.actor() : e.actorName();
    }

    String what(TimelineEntry e) {
        String label = t("case.action." + e.action());
        if (label.startsWith("!{")) {
            label = e.action();
        }
        return e.to() == null ? label : label + " → " + t("case.status." + e.to());
    }

    String why(TimelineEntry e) {
        String details = details(e);
        String note = e.note() == null || e.note().isBlank() ? null : e.note();
        if (details.isEmpty()) {
            return note == null ? "" : note;
        }
        return note == null ? details : t("case.timeline.detailAndNote", details, note);
    }

    /** The criteria that graded, by their text in that policy version, or the fallback. */
    String criteria(int policyVersion, List<String> codes) {
        return codes.isEmpty() ? t("case.grade.fallback")
                : codes.stream().map(code -> criterion.apply(policyVersion, code)).collect(Collectors.joining("、"));
    }

    private String details(TimelineEntry e) {
        List<String> args = e.args();
        if (args.isEmpty()) {
            return "";
        }
        String first = args.getFirst();
        return switch (e.action()) {
            case "graded" -> args.size() < 2 ? "" : t("case.grade.suggested", first,
                    criteria(Integer.parseInt(args.get(1)), args.subList(2, args.size())), args.get(1));
            case "level-overridden" -> args.size() < 2 ? "" : t("case.timeline.levels", first, args.get(1));
            case "planned", "re-planned" -> args.stream().map(this::remedy).collect(Collectors.joining("、"));
            case "result-sent" -> t("case.resultChannel." + first);
            case "accepted" -> t("case.timeline.satisfaction", first);
            case "escalation-triggered" -> t("escalation.trigger." + first);
            case "escalated", "escalation-closed" -> t("case.timeline.escalation", first);
            case "evidence-added" -> t("case.timeline.evidence", first);
            default -> String.join("、", args);
        };
    }

    /** A remedy arg: {@code TYPE} or {@code TYPE:amount}. */
    private String remedy(String arg) {
        int colon = arg.indexOf(':');
        String type = colon < 0 ? arg : arg.substring(0, colon);
        String label = t("case.remedy." + type);
        return colon < 0 ? label : label + " ¥" + arg.substring(colon + 1);
    }

    private String t(String key, Object... args) {
        return translate.apply(key, args);
    }
}
