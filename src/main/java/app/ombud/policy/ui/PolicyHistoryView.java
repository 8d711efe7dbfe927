package app.ombud.policy.ui;

import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.OmbudException;
import app.ombud.platform.ui.MainLayout;
import app.ombud.platform.ui.Toasts;
import app.ombud.policy.PolicyDiff;
import app.ombud.policy.PolicyService;
import app.ombud.policy.PolicyVersion;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.ScrollPosition;

/** Every saved policy version, newest first, and the settings that differ between two. */
@Route(value = "policy/history", layout = MainLayout.class)
@Menu(title = "policy.history.title", order = 54, icon = "vaadin:time-backward")
@RolesAllowed("ADMIN")
public class PolicyHistoryView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final PolicyService policies;
    private final Grid<PolicyVersion> versions = new Grid<>();
    private final IntegerField from = new IntegerField();
    private final IntegerField to = new IntegerField();
    private final Grid<PolicyDiff> diff = new Grid<>();
    private final H3 diffTitle = new H3();
    private final PolicyDiffText labels = new PolicyDiffText((key, args) -> {
        String text = getTranslation(key, args);
        return text == null || text.contains(key) ? null : text;
    });

    public PolicyHistoryView(PolicyService policies) {
        this.policies = policies;
        addClassNames("ombud-view", "ombud-policy");

        versions.setId("history-versions");
        versions.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        versions.addColumn(PolicyVersion::number).setHeader(getTranslation("policy.history.number"))
                .setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(v -> TIME.format(v.createdAt().atZone(CompanyTime.zone())))
                .setHeader(getTranslation("policy.history.time")).setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(this::author).setHeader(getTranslation("policy.history.author"))
                .setAutoWidth(true);
        versions.addColumn(this::why).setHeader(getTranslation("policy.history.comment"))
                .setFlexGrow(2);
        versions.addColumn(v -> v.changedSections().stream()
                .map(s -> getTranslation("policy.section." + s)).collect(Collectors.joining("、")))
                .setHeader(getTranslation("policy.history.sections")).setFlexGrow(1);
        versions.setItems(query -> page(query.getOffset(), query.getLimit()).stream(),
                query -> (int) policies.countVersions());
        versions.setHeight("22em");
        versions.addItemClickListener(click -> pick(click.getItem().number()));

        from.setLabel(getTranslation("policy.history.from"));
        from.setId("history-from");
        from.setMin(1);
        to.setLabel(getTranslation("policy.history.to"));
        to.setId("history-to");
        to.setMin(1);
        var compare = new Button(getTranslation("policy.history.compare"), click -> compare());
        compare.setId("history-compare");
        var hint = new com.vaadin.flow.component.html.Span(getTranslation("policy.history.pickHint"));
        hint.addClassName("ombud-muted");
        var picker = new HorizontalLayout(from, to, compare, hint);
        picker.setAlignItems(FlexComponent.Alignment.BASELINE);
        picker.addClassName("ombud-toolbar");

        diff.setId("history-diff");
        diff.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        diff.addColumn(d -> labels.label(d.path())).setHeader(getTranslation("policy.history.path")).setFlexGrow(2);
        diff.addColumn(d -> labels.value(d.path(), d.before())).setHeader(getTranslation("policy.history.before"))
                .setFlexGrow(2);
        diff.addColumn(d -> labels.value(d.path(), d.after())).setHeader(getTranslation("policy.history.after"))
                .setFlexGrow(2);
        diff.setHeight("24em");

        add(versions, picker, diffTitle, diff);

        int newest = policies.current().number();
        if (newest > 1) {
            pick(newest);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("policy.history.title");
    }

    /**
     * Who saved a version: the system by its label, a person by their name (as the case timeline
     * names them), a version stored before names were kept by the subject.
     */
    private String author(PolicyVersion version) {
        if (app.ombud.platform.Actor.SYSTEM.subject().equals(version.author())) {
            return getTranslation("policy.history.system");
        }
        String name = version.authorName();
        return name == null || name.isBlank() ? version.author() : name;
    }

    /** How a version came about, in the reader's language, and the admin's comment. */
    private String why(PolicyVersion version) {
        String origin = switch (version.origin()) {
            case DEFAULTS -> getTranslation("policy.origin.DEFAULTS");
            case CALENDAR_IMPORT -> getTranslation("policy.origin.CALENDAR_IMPORT",
                    version.originArgs().isEmpty() ? "" : version.originArgs().getFirst());
            case EDIT -> "";
        };
        String comment = version.comment() == null ? "" : version.comment().strip();
        if (origin.isEmpty() || comment.isEmpty()) {
            return origin + comment;
        }
        return getTranslation("policy.origin.withComment", origin, comment);
    }

    /**
     * Versions are numbered 1, 2, 3, ... with no gaps, so the row at an offset is found by its
     * number: a keyset position, never an offset query on the store.
     */
    private List<PolicyVersion> page(int offset, int limit) {
        if (offset == 0) {
            return policies.history(ScrollPosition.keyset(), limit).getContent();
        }
        int newest = policies.current().number();
        return policies.history(ScrollPosition.forward(Map.of("number", newest - offset + 1)), limit).getContent();
    }

    /** Compares a version with the one before it. */
    void pick(int number) {
        from.setValue(Math.max(1, number - 1));
        to.setValue(number);
        compare();
    }

    void compare() {
        if (from.getValue() == null || to.getValue() == null) {
            return;
        }
        try {
            var differences = policies.diff(from.getValue(), to.getValue());
            diff.setItems(differences);
            diffTitle.setText(getTranslation("policy.history.diffTitle", from.getValue(), to.getValue(),
                    differences.size()));
        } catch (OmbudException e) {
            diff.setItems(List.of());
            Toasts.error(e);
        }
    }
}
