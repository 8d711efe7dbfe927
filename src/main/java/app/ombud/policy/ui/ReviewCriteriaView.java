package app.ombud.policy.ui;

import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.MainLayout;
import app.ombud.policy.JudgmentCriterion;
import app.ombud.policy.JudgmentType;
import app.ombud.policy.LocalizedText;
import app.ombud.policy.PolicySections;
import app.ombud.policy.PolicyService;
import app.ombud.policy.PolicyVersion;
import app.ombud.policy.ReviewCriteria;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The criteria internal-review verdicts are judged against: the attitude list and the business list. */
@Route(value = "policy/review-criteria", layout = MainLayout.class)
@Menu(title = "policy.reviewCriteria.title", order = 55, icon = "vaadin:check-square-o")
@RolesAllowed("ADMIN")
public class ReviewCriteriaView extends PolicyPage {

    private final CriteriaList attitude = new CriteriaList(JudgmentType.ATTITUDE);
    private final CriteriaList business = new CriteriaList(JudgmentType.BUSINESS);
    private final TextField comment;

    public ReviewCriteriaView(PolicyService policies) {
        super(policies, "policy.reviewCriteria.title");
        comment = comment();
        comment.setId("criteria-comment");
        var hint = new Paragraph(getTranslation("policy.reviewCriteria.hint"));
        hint.addClassName("ombud-muted");
        var save = saveButton("criteria-save", this::saveCriteria);
        var actions = new HorizontalLayout(comment, save);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(versionInfo, hint, attitude.section, business.section, actions);
        reload();
    }

    @Override
    protected void fill(PolicyVersion version) {
        ReviewCriteria criteria = version.content().reviewCriteria();
        attitude.fill(criteria.attitude());
        business.fill(criteria.business());
        comment.clear();
    }

    private void saveCriteria() {
        save(() -> policies.update(PolicySections.REVIEW_CRITERIA, base.number(),
                new ReviewCriteria(attitude.value(), business.value()), comment.getValue()));
    }

    /** The editable rows of one verdict type; service errors name a row by its index: {@code business[1].code}. */
    private final class CriteriaList {
        final String name;
        final VerticalLayout rowsBox = new VerticalLayout();
        final List<CriterionRow> rows = new ArrayList<>();
        final VerticalLayout section;

        CriteriaList(JudgmentType type) {
            name = type.name().toLowerCase(Locale.ROOT);
            rowsBox.setPadding(false);
            var add = new Button(getTranslation("policy.grading.addCriterion"), VaadinIcon.PLUS.create(),
                    click -> {
                        rows.add(new CriterionRow(this, null));
                        redraw();
                    });
            add.setId(name + "-add");
            add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            section = new VerticalLayout(new H3(getTranslation("policy.reviewCriteria." + name)), rowsBox, add);
            section.addClassName("ombud-policy-section");
            section.setPadding(false);
            section.setId("section-" + name);
        }

        void fill(List<JudgmentCriterion> criteria) {
            rows.clear();
            criteria.forEach(criterion -> rows.add(new CriterionRow(this, criterion)));
            redraw();
        }

        void remove(CriterionRow row) {
            rows.remove(row);
            redraw();
        }

        /** Rows are re-indexed after every add or remove, so ids and error fields follow the position. */
        void redraw() {
            rowsBox.removeAll();
            for (int i = 0; i < rows.size(); i++) {
                CriterionRow row = rows.get(i);
                row.position(i);
                rowsBox.add(row.row);
            }
        }

        List<JudgmentCriterion> value() {
            return rows.stream().map(CriterionRow::value).toList();
        }
    }

    /** One criterion as a row of fields. */
    private final class CriterionRow {
        final CriteriaList list;
        final TextField code = new TextField();
        final TextField textZh = new TextField();
        final TextField textEn = new TextField();
        final Button remove = new Button(VaadinIcon.TRASH.create());
        final HorizontalLayout row;

        CriterionRow(CriteriaList list, JudgmentCriterion criterion) {
            this.list = list;
            code.setLabel(getTranslation("policy.grading.code"));
            code.setWidth("12em");
            code.setMaxLength(Kind.CODE.maxLength());
            textZh.setMaxLength(Kind.LINE.maxLength());
            textEn.setMaxLength(Kind.LINE.maxLength());
            textZh.setLabel(getTranslation("policy.textZh"));
            textZh.setWidth("22em");
            textEn.setLabel(getTranslation("policy.textEn"));
            textEn.setWidth("22em");
            if (criterion != null) {
                code.setValue(text(criterion.code()));
                textZh.setValue(text(criterion.text() == null ? null : criterion.text().zh()));
                textEn.setValue(text(criterion.text() == null ? null : criterion.text().en()));
            }
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("policy.remove"));
            remove.setTooltipText(getTranslation("policy.remove"));
            remove.addClickListener(click -> list.remove(this));
            row = new HorizontalLayout(code, textZh, textEn, remove);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.addClassNames("ombud-toolbar", "ombud-criterion");
        }

        void position(int index) {
            String at = list.name + "[" + index + "]";
            String id = list.name + "-" + index + "-";
            code.setId(id + "code");
            textZh.setId(id + "zh");
            textEn.setId(id + "en");
            remove.setId(id + "remove");
            field(at + ".code", code);
            field(at + ".text", textZh);
        }

        JudgmentCriterion value() {
            return new JudgmentCriterion(orNull(code.getValue()),
                    LocalizedText.of(textZh.getValue(), textEn.getValue()));
        }
    }
}
