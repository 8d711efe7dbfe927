package app.ombud.calltest.ui;

import app.ombud.policy.Scorecard;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The scorecard as radio buttons, one group per item under its level-1 and level-2 headings:
 * the values of the item's scale, and N/A where the item allows it. Every item starts at the top
 * of its scale (an executor marks what went wrong, fast during a call); N/A is never assumed.
 */
class ScorecardAnswers extends VerticalLayout {

    /** The value that stands for N/A in a radio group (no scale starts below 0). */
    static final int NOT_APPLICABLE = -1;

    private final Map<String, RadioButtonGroup<Integer>> items = new LinkedHashMap<>();

    ScorecardAnswers(Scorecard scorecard, Locale locale) {
        setPadding(false);
        setSpacing(false);
        setId("scorecard-answers");
        for (Scorecard.Indicator indicator : scorecard.indicators()) {
            add(new H4(indicator.name().in(locale)));
            for (Scorecard.SubIndicator sub : indicator.subIndicators()) {
                for (Scorecard.Item item : sub.items()) {
                    var group = new RadioButtonGroup<Integer>(sub.name().in(locale) + " · " + item.name().in(locale)
                            + (item.critical() ? " ★" : ""));
                    List<Integer> values = new java.util.ArrayList<>(IntStream.rangeClosed(item.scale().min(),
                            item.scale().max()).boxed().toList());
                    if (item.notApplicableAllowed()) {
                        values.add(NOT_APPLICABLE);
                    }
                    group.setItems(values);
                    group.setItemLabelGenerator(v -> v == NOT_APPLICABLE ? getTranslation("calltest.call.na")
                            : item.scale().max() == 1 ? getTranslation(v == 1 ? "policy.yesNo.true" : "policy.yesNo.false")
                            : Integer.toString(v));
                    group.setValue(item.scale().max());
                    group.setId("answer-" + item.code());
                    items.put(item.code(), group);
                    add(group);
                }
            }
        }
    }

    /** The answers by item code; null for N/A. */
    Map<String, Integer> value() {
        Map<String, Integer> answers = new LinkedHashMap<>();
        items.forEach((code, group) -> answers.put(code, group.getValue() == null
                || group.getValue() == NOT_APPLICABLE ? null : group.getValue()));
        return answers;
    }

    /** The group of one item, for showing a refusal on it. */
    Map<String, RadioButtonGroup<Integer>> fields() {
        Map<String, RadioButtonGroup<Integer>> fields = new LinkedHashMap<>();
        items.forEach((code, group) -> fields.put("answers." + code, group));
        return fields;
    }
}
