package app.ombud.policy.ui;

import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.MainLayout;
import app.ombud.policy.CaseCategory;
import app.ombud.policy.CaseFacts;
import app.ombud.policy.CaseFlag;
import app.ombud.policy.Criterion;
import app.ombud.policy.Grading;
import app.ombud.policy.HandlingRole;
import app.ombud.policy.LevelRule;
import app.ombud.policy.LocalizedText;
import app.ombud.policy.PolicySections;
import app.ombud.policy.PolicyService;
import app.ombud.policy.PolicyVersion;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;

/** The four complaint levels, their criteria and deadlines, with a "try it" box. */
@Route(value = "policy/grading", layout = MainLayout.class)
@Menu(title = "policy.grading.title", order = 50, icon = "vaadin:flag")
@RolesAllowed("ADMIN")
public class GradingView extends PolicyPage {

    private final VerticalLayout levelsBox = new VerticalLayout();
    private final List<LevelEditor> levels = new ArrayList<>();
    private final IntegerField repeatWindowDays = new IntegerField();
    private final IntegerField warnBeforeHours = new IntegerField();
    private final Select<Integer> fallbackLevel = new Select<>();
    private final TextField comment;

    private final Select<CaseCategory> tryCategory = new Select<>();
    private final MultiSelectComboBox<CaseFlag> tryFlags = new MultiSelectComboBox<>();
    private final BigDecimalField tryCompensation = new BigDecimalField();
    private final IntegerField tryRepeat = new IntegerField();
    private final Div tryResult = new Div();

    public GradingView(PolicyService policies) {
        super(policies, "policy.grading.title");
        comment = comment();
        comment.setId("grading-comment");
        levelsBox.setPadding(false);

        repeatWindowDays.setLabel(getTranslation("policy.grading.repeatWindowDays"));
        repeatWindowDays.setId("grading-repeat-window");
        repeatWindowDays.setStepButtonsVisible(true);
        fallbackLevel.setLabel(getTranslation("policy.grading.fallbackLevel"));
        fallbackLevel.setItemLabelGenerator(n -> getTranslation("policy.grading.levelN", n));
        fallbackLevel.setId("grading-fallback");

        warnBeforeHours.setLabel(getTranslation("policy.grading.warnBeforeHours"));
        warnBeforeHours.setId("grading-warn-before");
        warnBeforeHours.setStepButtonsVisible(true);
        warnBeforeHours.setMin(1);
        warnBeforeHours.setMax(240);
        var general = new HorizontalLayout(repeatWindowDays, fallbackLevel, warnBeforeHours);
        var save = saveButton("grading-save", this::saveGrading);
        var actions = new HorizontalLayout(comment, save);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);

        add(versionInfo, tryBox(), levelsBox, general, actions);
        reload();
    }

    @Override
    protected void fill(PolicyVersion version) {
        Grading grading = version.content().grading();
        levelsBox.removeAll();
        levels.clear();
        for (LevelRule level : grading.levels()) {
            var editor = new LevelEditor(level);
            levels.add(editor);
            levelsBox.add(editor.details);
        }
        repeatWindowDays.setValue(grading.repeatWindowDays());
        field("repeatWindowDays", repeatWindowDays);
        warnBeforeHours.setValue(grading.warnBeforeHours());
        field("warnBeforeHours", warnBeforeHours);
        fallbackLevel.setItems(grading.levels().stream().map(app.ombud.policy.LevelRule::level).toList());
        fallbackLevel.setValue(grading.fallbackLevel());
        field("fallbackLevel", fallbackLevel);
        comment.clear();
    }

    private void saveGrading() {
        // errors name a criterion by its code, which may have been typed since the form was filled
        for (LevelEditor level : levels) {
            for (CriterionEditor criterion : level.criteria) {
                String at = "levels[" + level.level + "].criteria." + criterion.code.getValue().strip();
                field(at, criterion.code);
                field(at + ".minCompensation", criterion.minCompensation);
                field(at + ".minRepeatComplaints", criterion.minRepeat);
            }
        }
        save(() -> {
            var grading = new Grading(levels.stream().map(LevelEditor::value).toList(),
                    repeatWindowDays.getValue() == null ? 0 : repeatWindowDays.getValue(),
                    fallbackLevel.getValue() == null ? 0 : fallbackLevel.getValue(),
                    warnBeforeHours.getValue() == null ? 0 : warnBeforeHours.getValue());
            return policies.update(PolicySections.GRADING, base.number(), grading, comment.getValue());
        });
    }

    private Details tryBox() {
        tryCategory.setLabel(getTranslation("policy.grading.category"));
        tryCategory.setItems(CaseCategory.values());
        tryCategory.setItemLabelGenerator(c -> getTranslation("policy.category." + c.name()));
        tryCategory.setValue(CaseCategory.PRODUCT_QUALITY);
        tryCategory.setId("try-category");
        tryFlags.setLabel(getTranslation("policy.grading.flags"));
        tryFlags.setItems(CaseFlag.values());
        tryFlags.setItemLabelGenerator(f -> getTranslation("policy.flag." + f.name()));
        tryFlags.setId("try-flags");
        tryFlags.setWidth("24em");
        tryCompensation.setLabel(getTranslation("policy.grading.compensation"));
        tryCompensation.setId("try-compensation");
        tryRepeat.setLabel(getTranslation("policy.grading.repeatCount"));
        tryRepeat.setValue(0);
        tryRepeat.setMin(0);
        tryRepeat.setId("try-repeat");
        var evaluate = new Button(getTranslation("policy.tryIt.run"), click -> evaluate());
        evaluate.setId("try-evaluate");
        tryResult.setId("try-result");
        var inputs = new HorizontalLayout(tryCategory, tryFlags, tryCompensation, tryRepeat, evaluate);
        inputs.setAlignItems(FlexComponent.Alignment.BASELINE);
        inputs.addClassName("ombud-toolbar");
        var note = new Paragraph(getTranslation("policy.tryIt.inForce"));
        note.addClassName("ombud-muted");
        var box = new Details(getTranslation("policy.tryIt.title"), new VerticalLayout(note, inputs, tryResult));
        box.setOpened(true);
        box.addClassName("ombud-try-it");
        return box;
    }

    private void evaluate() {
        try {
            var facts = new CaseFacts(tryCategory.getValue(), tryFlags.getValue(), tryCompensation.getValue(),
                    tryRepeat.getValue() == null ? 0 : tryRepeat.getValue());
            var result = policies.evaluateLevel(facts);
            String matched = result.fallback() ? getTranslation("policy.grading.fallbackUsed")
                    : String.join(", ", result.matchedCriteria());
            tryResult.setText(getTranslation("policy.grading.result", result.level(), matched,
                    result.policyVersion()));
        } catch (app.ombud.platform.OmbudException e) {
            failed(e);
        }
    }

    /** The fields of one level and its criteria. */
    private final class LevelEditor {
        final int level;
        final TextField nameZh = new TextField();
        final TextField nameEn = new TextField();
        final TextField descriptionZh = new TextField();
        final TextField descriptionEn = new TextField();
        final Select<HandlingRole> handler = new Select<>();
        final IntegerField acknowledgeHours = new IntegerField();
        final IntegerField resolutionDays = new IntegerField();
        final Checkbox tellsLeadership = new Checkbox();
        final VerticalLayout criteriaBox = new VerticalLayout();
        final List<CriterionEditor> criteria = new ArrayList<>();
        final Details details;

        LevelEditor(LevelRule rule) {
            level = rule.level();
            String at = "levels[" + level + "]";
            String id = "level-" + level + "-";
            for (TextField name : new TextField[] {nameZh, nameEn}) {
                name.setMaxLength(Kind.NAME.maxLength());
            }
            descriptionZh.setMaxLength(Kind.NOTE.maxLength());
            descriptionEn.setMaxLength(Kind.NOTE.maxLength());
            nameZh.setLabel(getTranslation("policy.nameZh"));
            nameZh.setValue(text(rule.name() == null ? null : rule.name().zh()));
            nameEn.setLabel(getTranslation("policy.nameEn"));
            nameEn.setValue(text(rule.name() == null ? null : rule.name().en()));
            field(at + ".name", nameZh);
            field(at + ".name.zh", nameZh);
            field(at + ".name.en", nameEn);
            field(at + ".description.zh", descriptionZh);
            field(at + ".description.en", descriptionEn);
            descriptionZh.setLabel(getTranslation("policy.descriptionZh"));
            descriptionZh.setValue(text(rule.description() == null ? null : rule.description().zh()));
            descriptionEn.setLabel(getTranslation("policy.descriptionEn"));
            descriptionEn.setValue(text(rule.description() == null ? null : rule.description().en()));
            handler.setLabel(getTranslation("policy.grading.handler"));
            handler.setItems(HandlingRole.values());
            handler.setItemLabelGenerator(r -> getTranslation("policy.role." + r.name()));
            handler.setValue(rule.handler());
            field(at + ".handler", handler);
            acknowledgeHours.setLabel(getTranslation("policy.grading.acknowledgeHours"));
            acknowledgeHours.setValue(rule.acknowledgeHours());
            acknowledgeHours.setId(id + "acknowledge-hours");
            field(at + ".acknowledgeHours", acknowledgeHours);
            resolutionDays.setLabel(getTranslation("policy.grading.resolutionDays"));
            resolutionDays.setValue(rule.resolutionWorkingDays());
            resolutionDays.setId(id + "resolution-days");
            field(at + ".resolutionWorkingDays", resolutionDays);
            tellsLeadership.setLabel(getTranslation("policy.field.grading.levels.tellsLeadership"));
            tellsLeadership.setValue(rule.tellsLeadership());
            tellsLeadership.setId(id + "tells-leadership");

            var form = new FormLayout(nameZh, nameEn, descriptionZh, descriptionEn, handler, acknowledgeHours,
                    resolutionDays, tellsLeadership);
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 4));
            criteriaBox.setPadding(false);
            rule.criteria().forEach(this::addCriterion);
            var add = new Button(getTranslation("policy.grading.addCriterion"), VaadinIcon.PLUS.create(),
                    click -> addCriterion(null));
            add.setId(id + "add-criterion");
            add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            var criteriaTitle = new H4(getTranslation("policy.grading.criteria"));
            var content = new VerticalLayout(form, criteriaTitle, criteriaBox, add);
            content.setPadding(false);
            String name = rule.name() == null ? "" : rule.name().in(getLocale());
            details = new Details(new Span(name.isBlank() ? getTranslation("policy.grading.levelN", level) : name),
                    content);
            details.setOpened(true);
            details.setId("level-" + level);
        }

        void addCriterion(Criterion criterion) {
            var editor = new CriterionEditor(this, criterion);
            criteria.add(editor);
            criteriaBox.add(editor.row);
            field("levels[" + level + "].criteria", editor.code);
        }

        LevelRule value() {
            return new LevelRule(level, LocalizedText.of(nameZh.getValue(), nameEn.getValue()),
                    LocalizedText.of(descriptionZh.getValue(), descriptionEn.getValue()), handler.getValue(),
                    acknowledgeHours.getValue() == null ? 0 : acknowledgeHours.getValue(),
                    resolutionDays.getValue() == null ? 0 : resolutionDays.getValue(),
                    criteria.stream().map(CriterionEditor::value).toList(), tellsLeadership.getValue());
        }
    }

    /** One criterion as a row of fields. */
    private final class CriterionEditor {
        final TextField code = new TextField();
        final TextField textZh = new TextField();
        final TextField textEn = new TextField();
        final MultiSelectComboBox<CaseFlag> flags = new MultiSelectComboBox<>();
        final MultiSelectComboBox<CaseCategory> categories = new MultiSelectComboBox<>();
        final BigDecimalField minCompensation = new BigDecimalField();
        final IntegerField minRepeat = new IntegerField();
        final HorizontalLayout row;

        CriterionEditor(LevelEditor level, Criterion criterion) {
            String at = "levels[" + level.level + "].criteria";
            code.setLabel(getTranslation("policy.grading.code"));
            code.setWidth("9em");
            code.setMaxLength(Kind.CODE.maxLength());
            textZh.setLabel(getTranslation("policy.textZh"));
            textEn.setLabel(getTranslation("policy.textEn"));
            textZh.setMaxLength(Kind.LINE.maxLength());
            textEn.setMaxLength(Kind.LINE.maxLength());
            textZh.setWidth("13em");
            textEn.setWidth("13em");
            flags.setLabel(getTranslation("policy.grading.flags"));
            flags.setItems(CaseFlag.values());
            flags.setItemLabelGenerator(f -> getTranslation("policy.flag." + f.name()));
            flags.setWidth("16em");
            categories.setLabel(getTranslation("policy.grading.categories"));
            categories.setItems(CaseCategory.values());
            categories.setItemLabelGenerator(c -> getTranslation("policy.category." + c.name()));
            categories.setWidth("12em");
            minCompensation.setLabel(getTranslation("policy.grading.minCompensation"));
            minCompensation.setWidth("8em");
            minRepeat.setLabel(getTranslation("policy.grading.minRepeat"));
            minRepeat.setWidth("8em");
            if (criterion != null) {
                code.setValue(text(criterion.code()));
                textZh.setValue(text(criterion.text() == null ? null : criterion.text().zh()));
                textEn.setValue(text(criterion.text() == null ? null : criterion.text().en()));
                flags.setValue(criterion.flags());
                categories.setValue(criterion.categories());
                minCompensation.setValue(criterion.minCompensation());
                minRepeat.setValue(criterion.minRepeatComplaints());
                field(at + "." + criterion.code(), code);
                field(at + "." + criterion.code() + ".minCompensation", minCompensation);
                field(at + "." + criterion.code() + ".minRepeatComplaints", minRepeat);
            }
            field(at + ".code", code);
            var remove = new Button(VaadinIcon.TRASH.create());
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("policy.remove"));
            remove.setTooltipText(getTranslation("policy.remove"));
            row = new HorizontalLayout(code, textZh, textEn, flags, categories, minCompensation, minRepeat, remove);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.addClassNames("ombud-toolbar", "ombud-criterion");
            remove.addClickListener(click -> {
                level.criteria.remove(this);
                level.criteriaBox.remove(row);
            });
        }

        Criterion value() {
            return new Criterion(orNull(code.getValue()), LocalizedText.of(textZh.getValue(), textEn.getValue()),
                    flags.getValue(), categories.getValue(), minCompensation.getValue(), minRepeat.getValue());
        }
    }

}
