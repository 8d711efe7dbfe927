package app.ombud.calltest.ui;

import app.ombud.calltest.CallChannel;
import app.ombud.calltest.Communication;
import app.ombud.calltest.KnowledgeResult;
import app.ombud.calltest.Plans;
import app.ombud.calltest.ScenarioRef;
import app.ombud.calltest.ScenarioRevision;
import app.ombud.calltest.Scenarios;
import app.ombud.calltest.Slot;
import app.ombud.calltest.TestCallInput;
import app.ombud.calltest.TestCalls;
import app.ombud.calltest.Draws;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.DateLimits;
import app.ombud.platform.ui.FieldErrors;
import app.ombud.platform.ui.RouteIds;
import app.ombud.platform.ui.SubmitButton;
import app.ombud.platform.ui.Texts;
import app.ombud.policy.PolicyService;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test-call form (拨测记录), fast to fill during a call: the slot's agent, channel and time
 * at the top; the scenario of the plan, rings or minutes, solved on the spot, each knowledge
 * point right or wrong, the communication rating, a follow-up promised, what the agent said,
 * problems and suggestions; the scorecard with every item at the top of its scale, so the
 * executor marks only what went wrong. A refusal shows on its field; nothing is saved until all
 * is right.
 */
@Route("calltest/slots/:id/call")
@RolesAllowed({"CALLTEST_STAFF", "ADMIN"})
public class TestCallFormView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TestCalls calls;
    private final Draws draws;
    private final Plans plans;
    private final Scenarios scenarios;
    private final PolicyService policy;
    private final Clock clock;
    private final IdempotencyKey submission = IdempotencyKey.random();

    final Select<ScenarioOption> scenario = new Select<>();
    final DateTimePicker calledAt = new DateTimePicker();
    final IntegerField rings = new IntegerField();
    final BigDecimalField minutes = new BigDecimalField();
    final Checkbox solved = new Checkbox();
    final VerticalLayout knowledge = new VerticalLayout();
    final Map<String, RadioButtonGroup<Boolean>> points = new LinkedHashMap<>();
    final RadioButtonGroup<Integer> rating = new RadioButtonGroup<>();
    final DateTimePicker followUpDue = new DateTimePicker();
    final TextArea performance = new TextArea();
    final TextField problems = new TextField();
    final TextArea suggestions = new TextArea();
    final TextField recording = new TextField();
    ScorecardAnswers answers;
    private Slot slot;

    /** A scenario of the plan as the picker shows it. */
    record ScenarioOption(ScenarioRef ref, ScenarioRevision revision) {
    }

    public TestCallFormView(TestCalls calls, Draws draws, Plans plans, Scenarios scenarios, PolicyService policy,
            Clock clock) {
        this.calls = calls;
        this.draws = draws;
        this.plans = plans;
        this.scenarios = scenarios;
        this.policy = policy;
        this.clock = clock;
        addClassName("ombud-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RouteIds.show(event, this, "test-call-refused", id -> show(draws.slot(id)));
    }

    private void show(Slot s) {
        slot = s;
        removeAll();
        var plan = plans.get(s.planId());
        add(Texts.headline("test-call-form", t("calltest.call.new"), t("calltest.channel." + s.channel())),
                Texts.muted(t("calltest.call.slot", s.agentEmployeeId(), CompanyTime.minute(s.at()),
                        t(s.spotCheck() ? "calltest.call.spotCheck" : "calltest.call.drawn"))));

        List<ScenarioOption> options = new ArrayList<>();
        for (ScenarioRef ref : plan.scenarios()) {
            var revision = scenarios.revision(ref.scenarioId(), ref.revision());
            if (revision.channel() == s.channel()) {
                options.add(new ScenarioOption(ref, revision));
            }
        }
        scenario.setLabel(t("calltest.call.scenario"));
        scenario.setItems(options);
        scenario.setItemLabelGenerator(o -> o.revision().title());
        scenario.setId("call-scenario");
        scenario.addValueChangeListener(change -> knowledgePoints(change.getValue()));
        calledAt.setLabel(t("calltest.call.calledAt"));
        calledAt.setValue(LocalDateTime.ofInstant(clock.instant(), CompanyTime.zone()).truncatedTo(ChronoUnit.MINUTES));
        DateLimits.past(calledAt, clock, java.time.Duration.ofDays(92));
        calledAt.setId("call-at");
        rings.setLabel(t("calltest.call.rings"));
        rings.setMin(0);
        rings.setMax(60);
        rings.setStepButtonsVisible(true);
        rings.setId("call-rings");
        minutes.setLabel(t("calltest.call.minutes"));
        minutes.setId("call-minutes");
        solved.setLabel(t("calltest.call.solved"));
        solved.setId("call-solved");
        rating.setLabel(t("calltest.call.rating"));
        rating.setItems(1, 2, 3, 4, 5);
        rating.setId("call-rating");
        followUpDue.setLabel(t("calltest.call.followUpDue"));
        followUpDue.setId("call-follow-up");
        performance.setLabel(t("calltest.call.performance"));
        performance.setMaxLength(Kind.TEXT.maxLength());
        performance.setWidthFull();
        performance.setId("call-performance");
        problems.setLabel(t("calltest.call.problems"));
        problems.setHelperText(t("calltest.call.problems.help"));
        problems.setId("call-problems");
        suggestions.setLabel(t("calltest.call.suggestions"));
        suggestions.setWidthFull();
        suggestions.setId("call-suggestions");
        recording.setLabel(t("calltest.call.recording"));
        recording.setId("call-recording");
        knowledge.setPadding(false);
        knowledge.setId("call-knowledge");

        var form = new FormLayout(scenario, calledAt, s.channel() == CallChannel.PHONE ? rings : minutes, solved,
                rating, followUpDue, recording, problems);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        answers = new ScorecardAnswers(policy.current().content().scorecard(), getLocale());
        var errors = new FieldErrors().on("scenario", scenario).on("calledAt", calledAt)
                .on("ringsBeforeAnswer", rings).on("firstReplyMinutes", minutes).on("communication.rating", rating)
                .on("followUpPromisedDue", followUpDue).on("performance", performance).on("problems", problems)
                .on("suggestions", suggestions).on("recordingRef", recording);
        answers.fields().forEach(errors::on);
        var save = SubmitButton.of(t("calltest.call.save"), "call-save", () -> save(errors));
        add(form, new H3(t("calltest.call.knowledge")), knowledge, performance, suggestions,
                new H3(t("calltest.call.scorecard")), answers, save);
        if (options.size() == 1) {
            scenario.setValue(options.getFirst());
        }
    }

    private void knowledgePoints(ScenarioOption option) {
        knowledge.removeAll();
        points.clear();
        if (option == null) {
            return;
        }
        for (var point : option.revision().knowledgePoints()) {
            var group = new RadioButtonGroup<Boolean>(point.text());
            group.setItems(true, false);
            group.setItemLabelGenerator(v -> t(v ? "calltest.call.right" : "calltest.call.wrong"));
            group.setId("point-" + point.code());
            points.put(point.code(), group);
            knowledge.add(group);
        }
    }

    private void save(FieldErrors errors) {
        errors.clear();
        List<KnowledgeResult> checked = new ArrayList<>();
        points.forEach((code, group) -> {
            if (group.getValue() != null) {
                checked.add(new KnowledgeResult(code, group.getValue()));
            }
        });
        var chosen = scenario.getValue();
        try {
            var call = calls.record(new TestCallInput(slot.id(), chosen == null ? null : chosen.ref(),
                    instant(calledAt.getValue()), rings.getValue(), minutes.getValue(), performance.getValue(),
                    solved.getValue(), checked, rating.getValue() == null ? null : new Communication(rating.getValue(),
                            null, null, null), instant(followUpDue.getValue()), Arrays.stream(problems.getValue()
                            .split("[,，、\\s]+")).filter(p -> !p.isBlank()).toList(), suggestions.getValue(),
                    recording.getValue(), answers.value()), submission);
            getUI().ifPresent(ui -> ui.navigate("calltest/calls/" + call.id()));
        } catch (OmbudException e) {
            errors.show(e);
        }
    }

    private static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(CompanyTime.zone()).toInstant();
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String getPageTitle() {
        return t("calltest.call.new");
    }
}
