package app.ombud.review.ui;

import app.ombud.platform.TextInput.Kind;
import app.ombud.review.AppealPoint;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;

/**
 * The points an appeal cites: rows of a position in the recording (mm:ss) and what it shows
 * there, with rows added and removed; there is always at least one row. The service checks the
 * positions and texts; its errors show on this field.
 */
final class AppealPointsEditor extends CustomField<List<AppealPoint>> {

    private final VerticalLayout rows = new VerticalLayout();
    private final List<TextField[]> fields = new ArrayList<>();

    AppealPointsEditor() {
        setLabel(getTranslation("review.page.appeal.points"));
        setHelperText(getTranslation("review.dialog.appeal.hint"));
        setWidthFull();
        rows.setPadding(false);
        rows.setSpacing(false);
        var add = new Button(getTranslation("review.dialog.appeal.add"), click -> {
            var points = new ArrayList<>(generateModelValue());
            points.add(new AppealPoint("", ""));
            show(points);
            updateValue();
        });
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add.setId("appeal-point-add");
        add(rows, add);
        show(List.of(new AppealPoint("", "")));
    }

    @Override
    protected List<AppealPoint> generateModelValue() {
        return fields.stream().map(row -> new AppealPoint(row[0].getValue().strip(), row[1].getValue().strip()))
                .toList();
    }

    @Override
    protected void setPresentationValue(List<AppealPoint> points) {
        show(points == null || points.isEmpty() ? List.of(new AppealPoint("", "")) : points);
    }

    private void show(List<AppealPoint> points) {
        rows.removeAll();
        fields.clear();
        for (int i = 0; i < points.size(); i++) {
            int index = i;
            var position = new TextField();
            position.setPlaceholder(getTranslation("review.dialog.appeal.position"));
            position.setAriaLabel(getTranslation("review.dialog.appeal.position"));
            position.setWidth("7em");
            position.setMaxLength(Kind.CODE.maxLength());
            position.setValue(points.get(i).position() == null ? "" : points.get(i).position());
            position.setId("appeal-point-position-" + i);
            var text = new TextField();
            text.setPlaceholder(getTranslation("review.dialog.appeal.text"));
            text.setAriaLabel(getTranslation("review.dialog.appeal.text"));
            text.setValue(points.get(i).text() == null ? "" : points.get(i).text());
            text.setId("appeal-point-text-" + i);
            text.setMaxLength(Kind.NOTE.maxLength());
            position.addValueChangeListener(change -> updateValue());
            text.addValueChangeListener(change -> updateValue());
            var remove = new Button(getTranslation("review.dialog.appeal.remove"), click -> {
                var left = new ArrayList<>(generateModelValue());
                left.remove(index);
                show(left);
                updateValue();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            remove.setId("appeal-point-remove-" + i);
            // an appeal cites at least one point
            remove.setEnabled(points.size() > 1);
            var row = new HorizontalLayout(position, text, remove);
            row.setWidthFull();
            row.setFlexGrow(1, text);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            rows.add(row);
            fields.add(new TextField[] {position, text});
        }
    }
}
