package app.ombud.calltest.ui;

import static app.ombud.platform.ui.Texts.muted;

import app.ombud.calltest.CallChannel;
import app.ombud.calltest.CallTestPlan;
import app.ombud.calltest.Draw;
import app.ombud.calltest.Draws;
import app.ombud.calltest.PlanEntry;
import app.ombud.calltest.PlanStatus;
import app.ombud.calltest.PlanStep;
import app.ombud.calltest.Plans;
import app.ombud.calltest.Quarter;
import app.ombud.calltest.QuotaProgress;
import app.ombud.calltest.Scenarios;
import app.ombud.calltest.Slot;
import app.ombud.calltest.SlotStatus;
import app.ombud.calltest.SpotCheckInput;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.directory.PersonFilter;
import app.ombud.directory.Team;
import app.ombud.platform.Role;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.DateLimits;
import app.ombud.platform.ui.PeriodLabels;
import app.ombud.platform.ui.RecordPage;
import app.ombud.platform.ui.StepDialogs;
import app.ombud.platform.ui.Texts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.ScrollPosition;

/**
 * One quarterly test-call plan: its facts, the quota table per month × team × channel with done /
 * drawn / due, each month's draw with its seed, eligible lists and slots, the spot checks, the
 * timeline; and a button for each step the plan allows this person now ({@code allowedSteps}).
 */
@Route("calltest/plans/:id")
@RolesAllowed({"CALLTEST_STAFF", "ADMIN"})
public class PlanView extends RecordPage<CallTestPlan, PlanStep> {

    private final Plans plans;
    private final Draws draws;
    private final Scenarios scenarios;
    private final DirectoryService directory;
    private final Clock clock;
    private Map<UUID, Team> teams = Map.of();

    public PlanView(Plans plans, Draws draws, Scenarios scenarios, DirectoryService directory, Clock clock) {
        super("plan", PlanStep.class, "nav.calltest.plans");
        this.plans = plans;
        this.draws = draws;
        this.scenarios = scenarios;
        this.directory = directory;
        this.clock = clock;
    }

    /** done / drawn / due over the whole plan, e.g. 3 / 10 / 12. */
    static String totals(CallTestPlan plan) {
        int done = plan.progress().stream().mapToInt(QuotaProgress::done).sum();
        int drawn = plan.progress().stream().mapToInt(QuotaProgress::drawn).sum();
        int due = plan.progress().stream().mapToInt(QuotaProgress::due).sum();
        return done + " / " + drawn + " / " + due;
    }

    @Override
    protected CallTestPlan load(UUID id) {
        return plans.get(id);
    }

    @Override
    protected UUID idOf(CallTestPlan plan) {
        return plan.id();
    }

    @Override
    protected String numberOf(CallTestPlan plan) {
        return plan.number();
    }

    @Override
    protected Set<PlanStep> allowedSteps(CallTestPlan plan) {
        return plan.allowedSteps();
    }

    @Override
    protected Component headline(CallTestPlan plan) {
        return Texts.headline("plan", plan.number() + " · " + PeriodLabels.of(plan.quarter()),
                t("calltest.plan.status." + plan.status()));
    }

    @Override
    protected StepButton button(PlanStep step, CallTestPlan plan) {
        return switch (step) {
            case EDIT -> new StepButton("action-edit", "calltest.plan.edit", () -> openEdit(plan));
            case SUBMIT -> new StepButton("action-submit", "calltest.plan.submit",
                    () -> act(() -> plans.submit(plan.id(), plan.version())));
            case APPROVE -> new StepButton("action-approve", "calltest.plan.approve",
                    () -> act(() -> plans.approve(plan.id(), plan.version())));
            case SEND_BACK -> new StepButton("action-send-back", "calltest.plan.sendBack", () -> openReason(
                    "calltest.plan.sendBack", "sendback", r -> plans.sendBack(plan.id(), r, plan.version())));
            case DRAW -> new StepButton("action-draw", "calltest.draw.draw", () -> openDraw(plan));
            case CANCEL_DRAW -> new StepButton("action-cancel-draw", "calltest.draw.cancel",
                    () -> openCancelDraw(plan));
            case ADD_SPOT_CHECK -> new StepButton("action-spot-check", "calltest.spotCheck.add",
                    () -> openSpotCheck(plan));
            case CLOSE -> new StepButton("action-close", "calltest.plan.close", () -> openReason(
                    "calltest.plan.close", "close", r -> plans.close(plan.id(), r, plan.version())));
            case CANCEL_SLOT -> null; // a button on each planned slot
        };
    }

    @Override
    protected void content(CallTestPlan plan, Set<PlanStep> allowed) {
        teams = directory.teamsByIds(plan.teamIds());
        var facts = new FormLayout();
        facts.addFormItem(new Span(plan.purpose()), t("calltest.plan.purpose"));
        facts.addFormItem(new Span(String.join("、", plan.teamIds().stream().map(this::team).toList())),
                t("calltest.plan.teams"));
        facts.addFormItem(new Span(String.join("、", plan.lines())), t("calltest.plan.lines"));
        facts.addFormItem(new Span(String.join("、", plan.channels().stream().map(this::channel).toList())),
                t("calltest.plan.channels"));
        facts.addFormItem(new Span(plan.schedule() == null ? "" : plan.schedule()), t("calltest.plan.schedule"));
        facts.addFormItem(new Span(String.join("、", plan.scenarios().stream().map(r -> scenarioLabel(r.scenarioId(),
                r.revision())).toList())), t("calltest.plan.scenarios"));
        facts.addFormItem(new Span(String.join("、", plan.executorEmployeeIds())), t("calltest.plan.executors"));
        facts.addFormItem(new Span(plan.policyVersion() == null ? t("calltest.plan.policy.none")
                : t("calltest.plan.policy.version", plan.policyVersion())), t("calltest.plan.policy"));
        add(facts, new H3(t("calltest.plan.quotas")), quotaTable(plan));
        add(new H3(t("calltest.draw.title")));
        if (plan.draws().isEmpty()) {
            add(muted(t("calltest.draw.none")));
        }
        for (Draw draw : plan.draws()) {
            add(drawSection(plan, draw, allowed));
        }
        add(new H3(t("calltest.spotCheck.title")));
        if (plan.spotChecks().isEmpty()) {
            add(muted(t("calltest.spotCheck.none")));
        } else {
            add(slots(plan, plan.spotChecks(), allowed, "plan-spot-checks"));
        }
        add(new H3(t("calltest.plan.timeline")), timeline(plan));
    }

    private Grid<QuotaProgress> quotaTable(CallTestPlan plan) {
        var grid = new Grid<QuotaProgress>();
        grid.setId("plan-quota-table");
        grid.addColumn(q -> PeriodLabels.of(q.month())).setHeader(t("calltest.progress.month")).setKey("month")
                .setAutoWidth(true);
        grid.addColumn(q -> team(q.teamId())).setHeader(t("calltest.progress.team")).setKey("team").setAutoWidth(true);
        grid.addColumn(q -> channel(q.channel())).setHeader(t("calltest.progress.channel")).setKey("channel")
                .setAutoWidth(true);
        grid.addColumn(q -> q.done() + " / " + q.drawn() + " / " + q.due())
                .setHeader(t("calltest.progress.doneDrawnDue")).setKey("progress").setAutoWidth(true);
        grid.addColumn(q -> q.spotChecksDone() + " / " + q.spotChecks()).setHeader(t("calltest.progress.spotChecks"))
                .setKey("spot").setAutoWidth(true);
        grid.setItems(plan.progress());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Component drawSection(CallTestPlan plan, Draw draw, Set<PlanStep> allowed) {
        var section = new com.vaadin.flow.component.orderedlayout.VerticalLayout();
        section.setPadding(false);
        section.setId("draw-" + draw.month() + (draw.cancelled() ? "-cancelled-" + draw.id() : ""));
        section.add(new H4(PeriodLabels.of(draw.month())
                + (draw.cancelled() ? " · " + t("calltest.draw.cancelled") : "")));
        var seed = new Span(t("calltest.draw.seed", Long.toString(draw.seed()), draw.algorithm(), draw.slotMinutes(),
                draw.timeSlots().size()));
        seed.setId("draw-seed-" + draw.month() + (draw.cancelled() ? "-" + draw.id() : ""));
        var reproduced = new Span(t(draw.reproducible() ? "calltest.draw.reproducible" : "calltest.draw.notReproducible"));
        reproduced.addClassNames("ombud-badge", draw.reproducible() ? "ombud-badge-success" : "ombud-badge-error");
        section.add(seed, reproduced, muted(t("calltest.draw.drawnBy", draw.drawnBy(), CompanyTime.time(draw.drawnAt()))));
        for (var stratum : draw.strata()) {
            section.add(muted(t("calltest.draw.stratum", team(stratum.teamId()), channel(stratum.channel()),
                    stratum.quota(), String.join("、", stratum.eligibleAgents()))));
        }
        if (draw.cancelled()) {
            section.add(muted(t("calltest.draw.cancelledBy", draw.cancelledBy(), CompanyTime.time(draw.cancelledAt()),
                    draw.cancelReason())));
        }
        section.add(slots(plan, draw.slots(), allowed, "draw-slots-" + draw.month()
                + (draw.cancelled() ? "-" + draw.id() : "")));
        return section;
    }

    private Grid<Slot> slots(CallTestPlan plan, List<Slot> slots, Set<PlanStep> allowed, String id) {
        var grid = new Grid<Slot>();
        grid.setId(id);
        grid.addColumn(s -> CompanyTime.minute(s.at())).setHeader(t("calltest.slot.at")).setKey("at").setAutoWidth(true);
        grid.addColumn(s -> team(s.teamId())).setHeader(t("calltest.progress.team")).setKey("team").setAutoWidth(true);
        grid.addColumn(s -> channel(s.channel())).setHeader(t("calltest.progress.channel")).setKey("channel")
                .setAutoWidth(true);
        grid.addColumn(Slot::agentEmployeeId).setHeader(t("calltest.slot.agent")).setKey("agent").setAutoWidth(true);
        grid.addColumn(s -> t("calltest.slot.status." + s.status())
                + (s.spotCheck() ? " · " + t("calltest.spotCheck.flag") : ""))
                .setHeader(t("calltest.slot.status")).setKey("status").setAutoWidth(true);
        grid.addColumn(s -> s.note() == null ? "" : s.note()).setHeader(t("calltest.slot.note")).setFlexGrow(2);
        grid.addComponentColumn(s -> {
            var cancel = new Button(t("calltest.slot.cancel"), click -> openReason("calltest.slot.cancel",
                    "slot-cancel", r -> draws.cancelSlot(plan.id(), s.id(), r, plan.version())));
            cancel.addThemeVariants(ButtonVariant.LUMO_SMALL);
            cancel.setId("slot-cancel-" + s.id());
            cancel.setVisible(s.status() == SlotStatus.PLANNED && allowed.contains(PlanStep.CANCEL_SLOT));
            return cancel;
        }).setKey("cancel").setAutoWidth(true).setFlexGrow(0);
        // a planned slot of an active plan is called: the test-call form; a done one links to its call
        grid.addComponentColumn(s -> {
            if (s.status() == SlotStatus.DONE && s.testCallId() != null) {
                var link = new com.vaadin.flow.component.html.Anchor("calltest/calls/" + s.testCallId(),
                        t("calltest.slot.openCall"));
                link.setId("slot-call-" + s.id());
                return link;
            }
            var record = new com.vaadin.flow.component.html.Anchor("calltest/slots/" + s.id() + "/call",
                    t("calltest.call.new"));
            record.setId("slot-record-" + s.id());
            record.setVisible(s.status() == SlotStatus.PLANNED && plan.status() == PlanStatus.ACTIVE);
            return record;
        }).setKey("call").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(slots);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Grid<PlanEntry> timeline(CallTestPlan plan) {
        var grid = new Grid<PlanEntry>();
        grid.setId("plan-timeline");
        grid.addColumn(x -> CompanyTime.time(x.at())).setHeader(t("case.timeline.when")).setAutoWidth(true);
        grid.addColumn(PlanEntry::actor).setHeader(t("case.timeline.who")).setAutoWidth(true);
        grid.addColumn(x -> t("calltest.action." + x.action())
                + (x.to() == null ? "" : " → " + t("calltest.plan.status." + x.to())))
                .setHeader(t("case.timeline.what")).setAutoWidth(true);
        grid.addColumn(x -> String.join(" · ", x.args()) + (x.note() == null ? "" : (x.args().isEmpty() ? "" : " · ")
                + x.note())).setHeader(t("case.timeline.why")).setFlexGrow(2);
        grid.setItems(plan.timeline());
        grid.setAllRowsVisible(true);
        return grid;
    }

    // ---- dialogs -------------------------------------------------------------------------

    private void openEdit(CallTestPlan plan) {
        var form = new PlanForm(this, directory, scenarios, clock);
        form.fill(plan);
        var dialog = StepDialogs.form(this, t("calltest.plan.edit"), form.fields());
        StepDialogs.footer(dialog, "plan-save", () -> act(() -> plans.edit(plan.id(), form.input(), plan.version()),
                dialog, form.byName()));
    }

    private void openReason(String title, String id, java.util.function.Function<String, ?> step) {
        var reason = new TextArea(t("calltest.reason"));
        reason.setMaxLength(Kind.NOTE.maxLength());
        reason.setId(id + "-reason");
        var dialog = StepDialogs.form(this, t(title), reason);
        StepDialogs.footer(dialog, id + "-save", () -> act(() -> step.apply(reason.getValue()), dialog,
                Map.of("reason", reason, "note", reason)));
    }

    private Select<String> monthPicker(CallTestPlan plan) {
        var month = new Select<String>();
        month.setLabel(t("calltest.progress.month"));
        var months = Quarter.parse(plan.quarter(), "quarter").months().stream().map(Object::toString).toList();
        month.setItems(months);
        month.setItemLabelGenerator(PeriodLabels::of);
        month.setValue(months.getFirst());
        month.setId("draw-month");
        return month;
    }

    private void openDraw(CallTestPlan plan) {
        var month = monthPicker(plan);
        month.setItemEnabledProvider(m -> plan.drawOf(m).isEmpty());
        Quarter.parse(plan.quarter(), "quarter").months().stream().map(Object::toString)
                .filter(m -> plan.drawOf(m).isEmpty()).findFirst().ifPresent(month::setValue);
        var dialog = StepDialogs.form(this, t("calltest.draw.draw"), month, muted(t("calltest.draw.help")));
        StepDialogs.footer(dialog, "draw-save", () -> act(() -> draws.draw(plan.id(), month.getValue(),
                plan.version()), dialog, Map.of("month", month)));
    }

    private void openCancelDraw(CallTestPlan plan) {
        var month = monthPicker(plan);
        month.setItemEnabledProvider(m -> plan.drawOf(m).isPresent());
        plan.draws().stream().filter(d -> !d.cancelled()).findFirst().ifPresent(d -> month.setValue(d.month()));
        var reason = new TextArea(t("calltest.reason"));
        reason.setMaxLength(Kind.NOTE.maxLength());
        reason.setId("cancel-draw-reason");
        var dialog = StepDialogs.form(this, t("calltest.draw.cancel"), month, reason);
        StepDialogs.footer(dialog, "cancel-draw-save", () -> act(() -> draws.cancelDraw(plan.id(), month.getValue(),
                reason.getValue(), plan.version()), dialog, Map.of("month", month, "reason", reason)));
    }

    private void openSpotCheck(CallTestPlan plan) {
        var team = new ComboBox<UUID>(t("calltest.progress.team"));
        team.setItems(plan.teamIds());
        team.setItemLabelGenerator(this::team);
        team.setId("spot-team");
        var channel = new Select<CallChannel>();
        channel.setLabel(t("calltest.progress.channel"));
        channel.setItems(plan.channels());
        channel.setItemLabelGenerator(this::channel);
        channel.setValue(plan.channels().getFirst());
        channel.setId("spot-channel");
        var agent = new ComboBox<Person>(t("calltest.slot.agent"));
        agent.setItemLabelGenerator(p -> p.name() + " (" + p.employeeId() + ")");
        agent.setId("spot-agent");
        team.addValueChangeListener(e -> agent.setItems(e.getValue() == null ? List.of() : directory.people(
                new PersonFilter(null, null, e.getValue(), Role.AGENT, true), ScrollPosition.keyset(), 100)
                .getContent()));
        var at = DateLimits.anyTime(new DateTimePicker(t("calltest.slot.at")));
        at.setId("spot-at");
        var note = new TextArea(t("calltest.slot.note"));
        note.setMaxLength(Kind.NOTE.maxLength());
        note.setId("spot-note");
        var dialog = StepDialogs.form(this, t("calltest.spotCheck.add"), team, channel, agent, at, note);
        StepDialogs.footer(dialog, "spot-save", () -> act(() -> draws.addSpotCheck(plan.id(), new SpotCheckInput(
                team.getValue(), channel.getValue(), agent.getValue() == null ? null : agent.getValue().employeeId(),
                at.getValue() == null ? null : at.getValue().atZone(CompanyTime.zone()).toInstant(), note.getValue()),
                plan.version()), dialog, Map.of("teamId", team, "channel", channel, "agentEmployeeId", agent, "at", at,
                "note", note)));
    }

    private String scenarioLabel(UUID id, int revision) {
        try {
            return scenarios.get(id).number() + " v" + revision;
        } catch (app.ombud.platform.OmbudException e) {
            return id + " v" + revision;
        }
    }

    private String team(UUID id) {
        var team = teams.get(id);
        return team == null ? String.valueOf(id) : team.name();
    }

    private String channel(CallChannel channel) {
        return t("calltest.channel." + channel);
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }
}
