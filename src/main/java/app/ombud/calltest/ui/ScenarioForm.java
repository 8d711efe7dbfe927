package app.ombud.calltest.ui;

import app.ombud.calltest.CallChannel;
import app.ombud.calltest.KnowledgePoint;
import app.ombud.calltest.ScenarioInput;
import app.ombud.calltest.ScenarioRevision;
import app.ombud.calltest.ScenarioType;
import app.ombud.calltest.SpecialSituation;
import app.ombud.platform.TextInput.Kind;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The fields of a scenario (new, or its next revision): knowledge points one per line, written
 * {@code CODE: text} to keep a point's code (a line without a code gets the next free one), tags
 * separated by commas.
 */
class ScenarioForm {

    final Select<ScenarioType> type = new Select<>();
    final Select<SpecialSituation> special = new Select<>();
    final Select<CallChannel> channel = new Select<>();
    final TextField title = new TextField();
    final TextArea script = new TextArea();
    final TextArea expectedAnswer = new TextArea();
    final TextArea knowledgePoints = new TextArea();
    final TextField tags = new TextField();

    ScenarioForm(Component owner) {
        type.setLabel(owner.getTranslation("calltest.scenario.type"));
        type.setItems(ScenarioType.values());
        type.setItemLabelGenerator(v -> owner.getTranslation("calltest.scenario.type." + v));
        type.setValue(ScenarioType.COMMON_QUESTION);
        type.setId("scenario-type");
        special.setLabel(owner.getTranslation("calltest.scenario.special"));
        special.setItems(SpecialSituation.values());
        special.setItemLabelGenerator(v -> v == null ? "" : owner.getTranslation("calltest.scenario.special." + v));
        special.setEmptySelectionAllowed(true);
        special.setId("scenario-special");
        special.setVisible(false);
        type.addValueChangeListener(e -> {
            special.setVisible(e.getValue() == ScenarioType.SPECIAL_SITUATION);
            if (!special.isVisible()) {
                special.clear();
            }
        });
        channel.setLabel(owner.getTranslation("calltest.plan.channel"));
        channel.setItems(CallChannel.values());
        channel.setItemLabelGenerator(v -> owner.getTranslation("calltest.channel." + v));
        channel.setValue(CallChannel.PHONE);
        channel.setId("scenario-channel");
        title.setLabel(owner.getTranslation("calltest.scenario.title"));
        title.setMaxLength(Kind.LINE.maxLength());
        title.setId("scenario-title");
        script.setLabel(owner.getTranslation("calltest.scenario.script"));
        script.setMaxLength(Kind.TEXT.maxLength());
        script.setId("scenario-script");
        expectedAnswer.setLabel(owner.getTranslation("calltest.scenario.expectedAnswer"));
        expectedAnswer.setMaxLength(Kind.TEXT.maxLength());
        expectedAnswer.setId("scenario-answer");
        knowledgePoints.setLabel(owner.getTranslation("calltest.scenario.knowledgePoints"));
        knowledgePoints.setHelperText(owner.getTranslation("calltest.scenario.knowledgePoints.help"));
        knowledgePoints.setId("scenario-points");
        tags.setLabel(owner.getTranslation("calltest.scenario.tags"));
        tags.setId("scenario-tags");
    }

    void fill(ScenarioRevision r) {
        type.setValue(r.type());
        special.setValue(r.special());
        channel.setValue(r.channel());
        title.setValue(r.title());
        script.setValue(r.script());
        expectedAnswer.setValue(r.expectedAnswer());
        knowledgePoints.setValue(String.join("\n", r.knowledgePoints().stream().map(p -> p.code() + ": " + p.text())
                .toList()));
        tags.setValue(String.join(", ", r.tags()));
    }

    Component[] fields() {
        return new Component[] {type, special, channel, title, script, expectedAnswer, knowledgePoints, tags};
    }

    Map<String, HasValidation> byName() {
        return Map.of("type", type, "special", special, "channel", channel, "title", title, "script", script,
                "expectedAnswer", expectedAnswer, "knowledgePoints", knowledgePoints, "knowledgePoints.code",
                knowledgePoints, "knowledgePoints.text", knowledgePoints, "tags", tags);
    }

    ScenarioInput input() {
        List<KnowledgePoint> points = new ArrayList<>();
        for (String line : knowledgePoints.getValue().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            String code = colon > 0 ? line.substring(0, colon).strip() : "";
            boolean coded = !code.isEmpty() && code.matches("[A-Z0-9][A-Z0-9_-]{0,31}");
            points.add(coded ? new KnowledgePoint(code, line.substring(colon + 1)) : new KnowledgePoint(null, line));
        }
        List<String> tagList = Arrays.stream(tags.getValue().split("[,，]")).filter(s -> !s.isBlank()).toList();
        return new ScenarioInput(type.getValue(), special.getValue(), channel.getValue(), title.getValue(),
                script.getValue(), expectedAnswer.getValue(), points, tagList);
    }
}
