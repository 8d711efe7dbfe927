package app.ombud.policy.ui;

import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.MainLayout;
import app.ombud.policy.LocalizedText;
import app.ombud.policy.PolicySections;
import app.ombud.policy.PolicyService;
import app.ombud.policy.PolicyVersion;
import app.ombud.policy.Routing;
import app.ombud.policy.RoutingRule;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Ordered routing rules for internal reviews, first match wins, with a "try it" box. */
@Route(value = "policy/routing", layout = MainLayout.class)
@Menu(title = "policy.routing.title", order = 51, icon = "vaadin:road-branches")
@RolesAllowed("ADMIN")
public class RoutingView extends PolicyPage {

    private final VerticalLayout rulesBox = new VerticalLayout();
    private final List<RuleEditor> rules = new ArrayList<>();
    private final TextField comment;
    private final TextField tryEmployee = new TextField();
    private final Div tryResult = new Div();

    public RoutingView(PolicyService policies) {
        super(policies, "policy.routing.title");
        comment = comment();
        comment.setId("routing-comment");
        rulesBox.setPadding(false);
        var hint = new Paragraph(getTranslation("policy.routing.hint"));
        hint.addClassName("ombud-muted");
        var add = new Button(getTranslation("policy.routing.addRule"), VaadinIcon.PLUS.create(),
                click -> {
                    rules.add(new RuleEditor(null));
                    redraw();
                });
        add.setId("routing-add");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var save = saveButton("routing-save", this::saveRouting);
        var actions = new HorizontalLayout(comment, save);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(versionInfo, tryBox(), hint, rulesBox, add, actions);
        reload();
    }

    @Override
    protected void fill(PolicyVersion version) {
        rules.clear();
        version.content().routing().rules().forEach(rule -> rules.add(new RuleEditor(rule)));
        comment.clear();
        redraw();
    }

    private void redraw() {
        rulesBox.removeAll();
        for (int i = 0; i < rules.size(); i++) {
            RuleEditor editor = rules.get(i);
            editor.position(i);
            rulesBox.add(editor.row);
        }
    }

    private void move(RuleEditor editor, int by) {
        int at = rules.indexOf(editor);
        int to = at + by;
        if (to < 0 || to >= rules.size()) {
            return;
        }
        rules.remove(at);
        rules.add(to, editor);
        redraw();
    }

    private void saveRouting() {
        save(() -> policies.update(PolicySections.ROUTING, base.number(),
                new Routing(rules.stream().map(RuleEditor::value).toList()), comment.getValue()));
    }

    private Details tryBox() {
        tryEmployee.setLabel(getTranslation("policy.routing.employeeId"));
        tryEmployee.setId("routing-try-employee");
        var run = new Button(getTranslation("policy.tryIt.run"), click -> route());
        run.setId("routing-try-run");
        tryResult.setId("routing-try-result");
        var inputs = new HorizontalLayout(tryEmployee, run);
        inputs.setAlignItems(FlexComponent.Alignment.BASELINE);
        var note = new Paragraph(getTranslation("policy.tryIt.inForce"));
        note.addClassName("ombud-muted");
        var details = new Details(getTranslation("policy.tryIt.title"), new VerticalLayout(note, inputs, tryResult));
        details.setOpened(true);
        return details;
    }

    private void route() {
        try {
            var result = policies.routeEmployee(tryEmployee.getValue());
            tryResult.setText(result.routed()
                    ? getTranslation("policy.routing.routed", result.employeeId(), result.rule().group(),
                            result.rule().name() == null ? "" : result.rule().name().in(getLocale()),
                            result.matchedPrefix(), result.policyVersion())
                    : getTranslation("policy.routing.unrouted", result.employeeId(), result.policyVersion()));
        } catch (OmbudException e) {
            failed(e);
        }
    }

    /** One rule as a row of fields; ranges are written "20-29". */
    private final class RuleEditor {
        final TextField group = new TextField();
        final TextField nameZh = new TextField();
        final TextField nameEn = new TextField();
        final TextField prefixes = new TextField();
        final TextField ranges = new TextField();
        final TextField notifyNumber = new TextField();
        final Select<RoutingRule.HandlingMode> mode = new Select<>();
        final Span order = new Span();
        final HorizontalLayout row;

        RuleEditor(RoutingRule rule) {
            group.setLabel(getTranslation("policy.routing.group"));
            group.setWidth("9em");
            group.setMaxLength(Kind.CODE.maxLength());
            nameZh.setMaxLength(Kind.NAME.maxLength());
            nameEn.setMaxLength(Kind.NAME.maxLength());
            notifyNumber.setMaxLength(Kind.PHONE.maxLength());
            nameZh.setLabel(getTranslation("policy.nameZh"));
            nameEn.setLabel(getTranslation("policy.nameEn"));
            prefixes.setLabel(getTranslation("policy.routing.prefixes"));
            prefixes.setWidth("9em");
            nameZh.setWidth("9em");
            nameEn.setWidth("9em");
            ranges.setLabel(getTranslation("policy.routing.ranges"));
            ranges.setWidth("8em");
            notifyNumber.setLabel(getTranslation("policy.routing.notifyNumber"));
            notifyNumber.setWidth("10em");
            mode.setLabel(getTranslation("policy.routing.mode"));
            mode.setItems(RoutingRule.HandlingMode.values());
            mode.setItemLabelGenerator(m -> getTranslation("policy.mode." + m.name()));
            mode.setWidth("16em");
            if (rule != null) {
                group.setValue(text(rule.group()));
                nameZh.setValue(text(rule.name() == null ? null : rule.name().zh()));
                nameEn.setValue(text(rule.name() == null ? null : rule.name().en()));
                prefixes.setValue(String.join(", ", rule.prefixes()));
                ranges.setValue(rule.ranges().stream().map(r -> r.from() + "-" + r.to())
                        .collect(Collectors.joining(", ")));
                notifyNumber.setValue(text(rule.notifyNumber()));
                mode.setValue(rule.mode());
            }
            order.addClassName("ombud-muted");
            var up = icon(VaadinIcon.ARROW_UP, "policy.routing.up", () -> move(this, -1));
            var down = icon(VaadinIcon.ARROW_DOWN, "policy.routing.down", () -> move(this, 1));
            var remove = icon(VaadinIcon.TRASH, "policy.remove", () -> {
                rules.remove(this);
                redraw();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            row = new HorizontalLayout(order, group, nameZh, nameEn, prefixes, ranges, notifyNumber, mode, up, down,
                    remove);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.addClassNames("ombud-toolbar", "ombud-routing-rule");
        }

        void position(int index) {
            order.setText("#" + (index + 1));
            String at = "rules[" + index + "]";
            field(at + ".group", group);
            field(at + ".mode", mode);
            field(at + ".notifyNumber", notifyNumber);
            field(at + ".prefixes", prefixes);
            field(at + ".ranges", ranges);
        }

        private Button icon(VaadinIcon icon, String key, Runnable action) {
            var button = new Button(icon.create(), click -> action.run());
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            button.setAriaLabel(getTranslation(key));
            button.setTooltipText(getTranslation(key));
            return button;
        }

        RoutingRule value() {
            List<String> prefixList = split(prefixes.getValue());
            List<RoutingRule.PrefixRange> rangeList = split(ranges.getValue()).stream().map(text -> {
                String[] ends = text.split("[-–~]", 2);
                return new RoutingRule.PrefixRange(ends[0].strip(), ends.length > 1 ? ends[1].strip() : "");
            }).toList();
            return new RoutingRule(group.getValue().strip(), LocalizedText.of(nameZh.getValue(), nameEn.getValue()),
                    prefixList, rangeList, orNull(notifyNumber.getValue()), mode.getValue());
        }
    }

    private static List<String> split(String text) {
        return Arrays.stream(text == null ? new String[0] : text.split("[,，;\\s]+")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
