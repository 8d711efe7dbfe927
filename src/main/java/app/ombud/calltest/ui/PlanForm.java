package app.ombud.calltest.ui;

import app.ombud.calltest.CallChannel;
import app.ombud.calltest.CallTestPlan;
import app.ombud.calltest.MonthlyQuota;
import app.ombud.calltest.PlanInput;
import app.ombud.calltest.Quarter;
import app.ombud.calltest.Scenario;
import app.ombud.calltest.ScenarioFilter;
import app.ombud.calltest.Scenarios;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.directory.PersonFilter;
import app.ombud.directory.Team;
import app.ombud.platform.Role;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.PeriodLabels;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.ScrollPosition;

/**
 * The fields of a plan (create and edit): quarter, purpose, scope, schedule, scenarios,
 * executors, and a quota field per month × team × channel of the scope, rebuilt when the
 * quarter, the teams or the channels change.
 */
class PlanForm {

    static final int QUARTERS_OFFERED = 5;

    final Select<String> quarter = new Select<>();
    final TextArea purpose = new TextArea();
    final MultiSelectComboBox<Team> teams = new MultiSelectComboBox<>();
    final TextField lines = new TextField();
    final CheckboxGroup<CallChannel> channels = new CheckboxGroup<>();
    final TextArea schedule = new TextArea();
    final MultiSelectComboBox<Scenario> scenarios = new MultiSelectComboBox<>();
    final MultiSelectComboBox<Person> executors = new MultiSelectComboBox<>();
    final FormLayout quotas = new FormLayout();
    private final Map<String, IntegerField> quotaFields = new LinkedHashMap<>();
    private final Component owner;

    PlanForm(Component owner, DirectoryService directory, Scenarios library, Clock clock) {
        this.owner = owner;
        var now = Quarter.of(LocalDate.ofInstant(clock.instant(), CompanyTime.zone()));
        List<String> offered = new ArrayList<>();
        for (int i = 0; i < QUARTERS_OFFERED; i++) {
            int index = now.year() * 4 + now.number() - 1 + i;
            offered.add(new Quarter(index / 4, index % 4 + 1).toString());
        }
        quarter.setLabel(t("calltest.plan.quarter"));
        quarter.setItems(offered);
        quarter.setItemLabelGenerator(PeriodLabels::of);
        quarter.setValue(offered.get(1));
        quarter.setId("plan-quarter");
        purpose.setLabel(t("calltest.plan.purpose"));
        purpose.setMaxLength(Kind.NOTE.maxLength());
        purpose.setId("plan-purpose");
        teams.setLabel(t("calltest.plan.teams"));
        teams.setItems(directory.teams(null, ScrollPosition.keyset(), 100).getContent());
        teams.setItemLabelGenerator(Team::name);
        teams.setId("plan-teams");
        lines.setLabel(t("calltest.plan.lines"));
        lines.setHelperText(t("calltest.plan.lines.help"));
        lines.setId("plan-lines");
        channels.setLabel(t("calltest.plan.channels"));
        channels.setItems(CallChannel.values());
        channels.setItemLabelGenerator(c -> t("calltest.channel." + c));
        channels.setId("plan-channels");
        schedule.setLabel(t("calltest.plan.schedule"));
        schedule.setMaxLength(Kind.NOTE.maxLength());
        schedule.setId("plan-schedule");
        scenarios.setLabel(t("calltest.plan.scenarios"));
        scenarios.setItems(library.search(ScenarioFilter.CURRENT, ScrollPosition.keyset(), 100).getContent());
        scenarios.setItemLabelGenerator(s -> s.number() + " " + s.current().title());
        scenarios.setId("plan-scenarios");
        executors.setLabel(t("calltest.plan.executors"));
        executors.setItems(directory.people(new PersonFilter(null, null, null, Role.CALLTEST_STAFF, true),
                ScrollPosition.keyset(), 100).getContent());
        executors.setItemLabelGenerator(p -> p.name() + " (" + p.employeeId() + ")");
        executors.setId("plan-executors");
        quotas.setId("plan-quotas");
        quarter.addValueChangeListener(e -> rebuildQuotas());
        teams.addValueChangeListener(e -> rebuildQuotas());
        channels.addValueChangeListener(e -> rebuildQuotas());
    }

    /** Fills the fields from a plan being edited. */
    void fill(CallTestPlan plan) {
        quarter.setValue(plan.quarter());
        purpose.setValue(plan.purpose());
        teams.setValue(teams.getListDataView().getItems().filter(t -> plan.teamIds().contains(t.id()))
                .collect(Collectors.toSet()));
        lines.setValue(String.join(", ", plan.lines()));
        channels.setValue(new LinkedHashSet<>(plan.channels()));
        schedule.setValue(Objects.requireNonNullElse(plan.schedule(), ""));
        var chosen = plan.scenarios().stream().map(r -> r.scenarioId()).toList();
        scenarios.setValue(scenarios.getListDataView().getItems().filter(s -> chosen.contains(s.id()))
                .collect(Collectors.toSet()));
        executors.setValue(executors.getListDataView().getItems()
                .filter(p -> plan.executorEmployeeIds().contains(p.employeeId())).collect(Collectors.toSet()));
        rebuildQuotas();
        for (MonthlyQuota q : plan.quotas()) {
            var field = quotaFields.get(key(q.month(), q.teamId(), q.channel()));
            if (field != null) {
                field.setValue(q.count());
            }
        }
    }

    Component[] fields() {
        return new Component[] {quarter, purpose, teams, lines, channels, schedule, scenarios, executors,
            new H4(t("calltest.plan.quotas")), quotas};
    }

    /** The fields a refusal can name, by the service's field name. */
    Map<String, HasValidation> byName() {
        Map<String, HasValidation> map = new LinkedHashMap<>();
        map.put("quarter", quarter);
        map.put("purpose", purpose);
        map.put("teamIds", teams);
        map.put("lines", lines);
        map.put("channels", channels);
        map.put("schedule", schedule);
        map.put("scenarioIds", scenarios);
        map.put("executorEmployeeIds", executors);
        quotaFields.values().stream().findFirst().ifPresent(first -> {
            map.put("quotas", first);
            map.put("quotas.count", first);
        });
        return map;
    }

    PlanInput input() {
        List<MonthlyQuota> list = new ArrayList<>();
        Map<UUID, Team> byId = teams.getValue().stream().collect(Collectors.toMap(Team::id, Function.identity()));
        quotaFields.forEach((key, field) -> {
            String[] parts = key.split("/");
            if (field.getValue() != null && byId.containsKey(UUID.fromString(parts[1]))) {
                list.add(new MonthlyQuota(parts[0], UUID.fromString(parts[1]), CallChannel.valueOf(parts[2]),
                        field.getValue()));
            }
        });
        List<String> lineList = Arrays.stream(lines.getValue().split("[,，;；\\s]+")).filter(s -> !s.isBlank())
                .toList();
        return new PlanInput(quarter.getValue(), purpose.getValue(), teams.getValue().stream().map(Team::id).toList(),
                lineList, channels.getValue().stream().sorted().toList(), schedule.getValue(),
                scenarios.getValue().stream().map(Scenario::id).toList(),
                executors.getValue().stream().map(Person::employeeId).toList(), list);
    }

    private void rebuildQuotas() {
        Map<String, Integer> kept = new LinkedHashMap<>();
        quotaFields.forEach((k, f) -> kept.put(k, f.getValue()));
        quotas.removeAll();
        quotaFields.clear();
        if (quarter.getValue() == null) {
            return;
        }
        for (var month : Quarter.parse(quarter.getValue(), "quarter").months()) {
            for (Team team : teams.getValue().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList()) {
                for (CallChannel channel : channels.getValue().stream().sorted().toList()) {
                    String key = key(month.toString(), team.id(), channel);
                    var field = new IntegerField(PeriodLabels.of(month.toString()) + " · " + team.name() + " · "
                            + t("calltest.channel." + channel));
                    field.setMin(0);
                    field.setMax(200);
                    field.setStepButtonsVisible(true);
                    field.setValue(kept.getOrDefault(key, 0));
                    field.setId("quota-" + month + "-" + team.id() + "-" + channel);
                    quotaFields.put(key, field);
                    quotas.add(field);
                }
            }
        }
    }

    private static String key(String month, UUID team, CallChannel channel) {
        return month + "/" + team + "/" + channel;
    }

    private String t(String key, Object... args) {
        return owner.getTranslation(key, args);
    }
}
