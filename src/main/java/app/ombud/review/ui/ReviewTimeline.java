package app.ombud.review.ui;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.platform.Actor;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.policy.JudgmentType;
import app.ombud.review.Review;
import app.ombud.review.ReviewEntry;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A review's timeline in the reader's language: each entry's action ({@code review.page.action.*})
 * and its arguments translated — routing groups and criteria by the policy's labels of the
 * version recorded with them, return reasons, gaps, deciders and kinds by their labels — then
 * the text a person wrote. Entries stored before arguments existed show their note.
 */
final class ReviewTimeline {

    private static final Set<String> SIDE_NAMED = Set.of("employee-side-named", "review-side-named");

    private final Component view;
    private final DirectoryService directory;
    private final PolicyLabels labels;

    ReviewTimeline(Component view, DirectoryService directory, PolicyLabels labels) {
        this.view = view;
        this.directory = directory;
        this.labels = labels;
    }

    Grid<ReviewEntry> grid(Review r) {
        Map<String, Person> people = directory.peopleByEmployeeIds(r.timeline().stream()
                .filter(e -> SIDE_NAMED.contains(e.action())).flatMap(e -> e.args().stream()).distinct().toList());
        var grid = new Grid<ReviewEntry>();
        grid.setId("review-timeline");
        grid.addColumn(x -> CompanyTime.time(x.at())).setHeader(t("case.timeline.when")).setAutoWidth(true);
        grid.addColumn(x -> Actor.SYSTEM.subject().equals(x.actor()) ? t("review.timeline.system") : x.actorName())
                .setHeader(t("case.timeline.who")).setAutoWidth(true);
        grid.addColumn(x -> {
            String label = t("review.page.action." + x.action());
            label = label.startsWith("!{") ? x.action() : label;
            return x.to() == null ? label : label + " → " + t("review.status." + x.to());
        }).setHeader(t("case.timeline.what")).setKey("what").setAutoWidth(true);
        grid.addColumn(x -> details(x, people)).setHeader(t("case.timeline.why")).setKey("why").setFlexGrow(2);
        grid.setItems(r.timeline());
        grid.setAllRowsVisible(true);
        return grid;
    }

    /** The entry's arguments in the reader's language, then the text a person wrote. */
    String details(ReviewEntry entry, Map<String, Person> people) {
        List<String> parts = new ArrayList<>();
        String args = entry.args().isEmpty() ? "" : args(entry, people);
        if (!args.isEmpty()) {
            parts.add(args);
        }
        if (entry.note() != null && !entry.note().isBlank()) {
            parts.add(entry.note());
        }
        return String.join(" · ", parts);
    }

    private String args(ReviewEntry entry, Map<String, Person> people) {
        List<String> a = entry.args();
        return switch (entry.action()) {
            case "routed", "routed-manually" -> labels.group(a.getFirst(), version(a));
            case "transferred-in" -> t("review.timeline.transferredFrom", labels.group(a.getFirst(), version(a)));
            case "unrouted" -> t("review.timeline.unrouted", a.getFirst());
            case "returned-to-lead" -> {
                String reason = t("review.returnReason." + a.getFirst());
                List<String> gaps = a.subList(1, a.size());
                yield gaps.isEmpty() ? reason : t("review.timeline.returnGaps", reason,
                        gaps.stream().map(g -> t("review.gap." + g)).collect(Collectors.joining("、")));
            }
            case "side-notified" -> t("review.timeline.sideNotified", a.getFirst(), a.size() > 1 ? a.get(1) : "");
            case "judged-upheld", "judged-not-upheld" -> verdict(a);
            case "employee-side-named", "review-side-named" -> a.stream()
                    .map(id -> people.containsKey(id) ? people.get(id).name() + " " + id : id)
                    .collect(Collectors.joining("、"));
            case "panel-formed" -> t("review.timeline.panel", a.getFirst());
            case "panel-upheld", "panel-overturned" -> t("review.decider." + a.getFirst())
                    + (a.size() > 1 ? " · " + t("review.timeline.panel", a.get(1)) : "");
            case "special-reported" -> t("review.special." + a.getFirst());
            case "reply-other" -> t("review.other." + a.getFirst());
            default -> String.join("、", a); // library-added, library-updated: the tags
        };
    }

    /** Judgment type, then the criteria by their texts under the verdict's policy version. */
    private String verdict(List<String> a) {
        JudgmentType type = JudgmentType.valueOf(a.getFirst());
        Integer version = version(a);
        String criteria = a.subList(Math.min(2, a.size()), a.size()).stream()
                .map(code -> labels.criterion(type, code, version)).collect(Collectors.joining("、"));
        String typeLabel = t("review.judgmentType." + type);
        return criteria.isEmpty() ? typeLabel : t("review.timeline.criteria", typeLabel, criteria);
    }

    private static Integer version(List<String> args) {
        return args.size() > 1 ? PolicyLabels.version(args.get(1)) : null;
    }

    private String t(String key, Object... args) {
        return view.getTranslation(key, args);
    }
}
