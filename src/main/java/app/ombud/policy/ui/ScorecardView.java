package app.ombud.policy.ui;

import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.MainLayout;
import app.ombud.policy.PolicySections;
import app.ombud.policy.PolicyService;
import app.ombud.policy.PolicyVersion;
import app.ombud.policy.ScoreScale;
import app.ombud.policy.ui.ScorecardTree.Level;
import app.ombud.policy.ui.ScorecardTree.Node;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * The test-call scorecard: the indicator tree (level-1 and level-2 indicators, items) in a tree
 * grid with each node's weight and share of the whole, and a form that edits the node selected.
 * Nodes are added under the one selected and removed with what lies below; the tree is saved as
 * a whole, as the next policy version with a comment.
 */
@Route(value = "policy/scorecard", layout = MainLayout.class)
@Menu(title = "policy.scorecard.title", order = 56, icon = "vaadin:star-half-left-o")
@RolesAllowed("ADMIN")
public class ScorecardView extends PolicyPage {

    private ScorecardTree tree = new ScorecardTree();
    private Node selected;
    /** True while the form is filled from a node, so filling does not write back. */
    private boolean filling;

    private final TreeGrid<Node> grid = new TreeGrid<>();
    private final Span totalWeight = new Span();
    private final Span editing = new Span();
    private final TextField code = new TextField();
    private final TextField nameZh = new TextField();
    private final TextField nameEn = new TextField();
    private final IntegerField weight = new IntegerField();
    private final ComboBox<ScoreScale> scale = new ComboBox<>();
    private final Checkbox critical = new Checkbox();
    private final Checkbox notApplicableAllowed = new Checkbox();
    private final Button addIndicator = new Button(VaadinIcon.PLUS.create());
    private final Button addSubIndicator = new Button(VaadinIcon.PLUS.create());
    private final Button addItem = new Button(VaadinIcon.PLUS.create());
    private final Button remove = new Button(VaadinIcon.TRASH.create());
    private final TextField comment;

    public ScorecardView(PolicyService policies) {
        super(policies, "policy.scorecard.title");
        var hint = new Paragraph(getTranslation("policy.scorecard.hint"));
        hint.addClassName("ombud-muted");
        totalWeight.setId("scorecard-total-weight");
        totalWeight.addClassName("ombud-muted");
        configureGrid();
        var form = configureForm();
        comment = comment();
        comment.setId("scorecard-comment");
        var actions = new HorizontalLayout(comment, saveButton("scorecard-save", this::saveScorecard));
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        var toolbar = new HorizontalLayout(addIndicator, addSubIndicator, addItem, remove, totalWeight);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.addClassName("ombud-toolbar");
        var editor = new VerticalLayout(new H3(getTranslation("policy.scorecard.node")), editing, form);
        editor.addClassName("ombud-policy-section");
        editor.setPadding(false);
        editor.setId("scorecard-editor");
        add(versionInfo, hint, toolbar, grid, editor, actions);
        reload();
    }

    @Override
    protected void fill(PolicyVersion version) {
        tree = ScorecardTree.of(version.content().scorecard());
        comment.clear();
        redraw(tree.roots.isEmpty() ? null : tree.roots.get(0));
    }

    @Override
    protected void failed(OmbudException e) {
        // the error names a node by its position: show that node, so its field can be marked
        tree.at(e.field()).ifPresent(node -> {
            if (node != selected) {
                grid.select(node);
            }
        });
        super.failed(e);
    }

    private void saveScorecard() {
        save(() -> policies.update(PolicySections.SCORECARD, base.number(), tree.toScorecard(), comment.getValue()));
    }

    private void configureGrid() {
        grid.setId("scorecard-grid");
        grid.addHierarchyColumn(node -> node.code).setKey("code").setHeader(getTranslation("policy.grading.code"))
                .setFlexGrow(2);
        grid.addColumn(node -> getTranslation("policy.scorecard.level." + node.level)).setKey("level")
                .setHeader(getTranslation("policy.scorecard.level"));
        grid.addColumn(this::name).setKey("name").setHeader(getTranslation("policy.scorecard.name")).setFlexGrow(3);
        grid.addColumn(Node::totalWeight).setKey("weight").setHeader(getTranslation("policy.scorecard.weight"));
        grid.addColumn(this::share).setKey("share").setHeader(getTranslation("policy.scorecard.share"));
        grid.addColumn(node -> node.level == Level.ITEM ? getTranslation("policy.scale." + node.scale) : "")
                .setKey("scale").setHeader(getTranslation("policy.scorecard.scale")).setFlexGrow(2);
        grid.addColumn(node -> flag(node, node.critical)).setKey("critical")
                .setHeader(getTranslation("policy.scorecard.critical"));
        grid.addColumn(node -> flag(node, node.notApplicableAllowed)).setKey("notApplicable")
                .setHeader(getTranslation("policy.scorecard.notApplicable"));
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(event -> {
            if (event.getValue() != null) {
                show(event.getValue());
            } else if (selected != null && tree.all().anyMatch(node -> node == selected)) {
                // a click on the selected row unselects it: keep editing it
                grid.select(selected);
            }
        });
    }

    private FormLayout configureForm() {
        code.setLabel(getTranslation("policy.grading.code"));
        code.setMaxLength(Kind.CODE.maxLength());
        nameZh.setLabel(getTranslation("policy.textZh"));
        nameZh.setMaxLength(Kind.LINE.maxLength());
        nameEn.setLabel(getTranslation("policy.textEn"));
        nameEn.setMaxLength(Kind.LINE.maxLength());
        weight.setLabel(getTranslation("policy.scorecard.weight"));
        weight.setHelperText(getTranslation("policy.scorecard.weight.help"));
        weight.setMin(0);
        weight.setMax(100);
        weight.setStepButtonsVisible(true);
        scale.setLabel(getTranslation("policy.scorecard.scale"));
        scale.setItems(ScoreScale.values());
        scale.setItemLabelGenerator(s -> getTranslation("policy.scale." + s));
        critical.setLabel(getTranslation("policy.scorecard.critical.help"));
        notApplicableAllowed.setLabel(getTranslation("policy.scorecard.notApplicable.help"));
        code.setId("scorecard-code");
        nameZh.setId("scorecard-name-zh");
        nameEn.setId("scorecard-name-en");
        weight.setId("scorecard-weight");
        scale.setId("scorecard-scale");
        critical.setId("scorecard-critical");
        notApplicableAllowed.setId("scorecard-not-applicable");
        editing.setId("scorecard-editing");
        editing.addClassName("ombud-muted");
        code.addValueChangeListener(e -> edit(node -> node.code = text(e.getValue()).strip()));
        nameZh.addValueChangeListener(e -> edit(node -> node.nameZh = text(e.getValue())));
        nameEn.addValueChangeListener(e -> edit(node -> node.nameEn = text(e.getValue())));
        weight.addValueChangeListener(e -> edit(node -> node.weight = e.getValue() == null ? 0 : e.getValue()));
        scale.addValueChangeListener(e -> edit(node -> node.scale = e.getValue()));
        critical.addValueChangeListener(e -> edit(node -> node.critical = e.getValue()));
        notApplicableAllowed.addValueChangeListener(e -> edit(node -> node.notApplicableAllowed = e.getValue()));

        button(addIndicator, "scorecard-add-indicator", "policy.scorecard.addIndicator", () -> added(tree.add(null)));
        button(addSubIndicator, "scorecard-add-sub-indicator", "policy.scorecard.addSubIndicator",
                () -> added(tree.add(ancestor(Level.INDICATOR))));
        button(addItem, "scorecard-add-item", "policy.scorecard.addItem",
                () -> added(tree.add(ancestor(Level.SUB_INDICATOR))));
        button(remove, "scorecard-remove", "policy.scorecard.remove", this::removeSelected);
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);

        var form = new FormLayout(code, nameZh, nameEn, weight, scale, critical, notApplicableAllowed);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        return form;
    }

    private void button(Button button, String id, String key, Runnable action) {
        button.setText(getTranslation(key));
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.addClickListener(click -> action.run());
    }

    /** The selected node or its ancestor at a level; null when nothing that deep is selected. */
    private Node ancestor(Level level) {
        Node node = selected;
        while (node != null && node.level.ordinal() > level.ordinal()) {
            node = node.parent;
        }
        return node != null && node.level == level ? node : null;
    }

    private void added(Node node) {
        redraw(node);
        code.focus();
    }

    private void removeSelected() {
        if (selected == null) {
            return;
        }
        Node parent = selected.parent;
        tree.remove(selected);
        redraw(parent != null ? parent : tree.roots.isEmpty() ? null : tree.roots.get(0));
    }

    /** Re-reads the whole tree into the grid, expanded, with {@code select} selected and in the form. */
    private void redraw(Node select) {
        selected = null;
        grid.setItems(tree.roots, node -> node.children);
        grid.expandRecursively(tree.roots, 2);
        if (select != null) {
            grid.select(select);
        } else {
            show(null);
        }
        refreshSums();
    }

    /** Fills the form from a node; the item fields show for items only. */
    private void show(Node node) {
        selected = node;
        filling = true;
        try {
            for (HasValidation field : List.of(code, nameZh, nameEn, weight, scale)) {
                field.setInvalid(false);
            }
            boolean item = node != null && node.level == Level.ITEM;
            code.setValue(node == null ? "" : node.code);
            nameZh.setValue(node == null ? "" : node.nameZh);
            nameEn.setValue(node == null ? "" : node.nameEn);
            weight.setValue(item ? node.weight : null);
            scale.setValue(item ? node.scale : null);
            critical.setValue(item && node.critical);
            notApplicableAllowed.setValue(item && node.notApplicableAllowed);
            for (var field : List.of(code, nameZh, nameEn)) {
                field.setEnabled(node != null);
            }
            weight.setVisible(item);
            scale.setVisible(item);
            critical.setVisible(item);
            notApplicableAllowed.setVisible(item);
            editing.setText(node == null ? getTranslation("policy.scorecard.nothingSelected")
                    : getTranslation("policy.scorecard.level." + node.level) + " " + node.code);
            addSubIndicator.setEnabled(ancestor(Level.INDICATOR) != null);
            addItem.setEnabled(ancestor(Level.SUB_INDICATOR) != null);
            remove.setEnabled(node != null);
            if (node != null) {
                String at = node.path(tree);
                field(at + ".code", code);
                field(at + ".name", nameZh);
                field(at + ".name.zh", nameZh);
                field(at + ".name.en", nameEn);
                field(at + ".weight", weight);
                field(at + ".scale", scale);
            }
        } finally {
            filling = false;
        }
    }

    private void edit(java.util.function.Consumer<Node> change) {
        if (filling || selected == null) {
            return;
        }
        change.accept(selected);
        editing.setText(getTranslation("policy.scorecard.level." + selected.level) + " " + selected.code);
        refreshSums();
    }

    private void refreshSums() {
        grid.getDataProvider().refreshAll();
        totalWeight.setText(getTranslation("policy.scorecard.totalWeight", tree.totalWeight()));
    }

    private String name(Node node) {
        boolean english = getLocale() != null && getLocale().getLanguage().equals(Locale.ENGLISH.getLanguage());
        return node.name().in(english ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
    }

    /** A node's weight as a percentage of the whole tree's. */
    private String share(Node node) {
        int total = tree.totalWeight();
        if (total == 0) {
            return "—";
        }
        return BigDecimal.valueOf(node.totalWeight() * 100L).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP)
                + " %";
    }

    private String flag(Node node, boolean value) {
        return node.level != Level.ITEM ? "" : getTranslation("policy.yesNo." + value);
    }
}
