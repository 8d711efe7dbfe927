package app.ombud.calltest.ui;

import static app.ombud.platform.ui.Texts.entry;

import app.ombud.calltest.CallGrading;
import app.ombud.calltest.Calibration;
import app.ombud.calltest.TestCall;
import app.ombud.calltest.TestCallEntry;
import app.ombud.calltest.TestCallStatus;
import app.ombud.calltest.TestCallStep;
import app.ombud.calltest.TestCalls;
import app.ombud.calltest.WeakSpotActions;
import app.ombud.directory.DirectoryService;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.DateLimits;
import app.ombud.platform.ui.RecordPage;
import app.ombud.platform.ui.StepDialogs;
import app.ombud.platform.ui.Texts;
import app.ombud.policy.PolicyService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One test call and its report: scenario, performance, problems, suggestions; the measures'
 * facts; every executor's scoring side by side with their deviation from the final score
 * (calibration); the timeline; and the steps the reader may take now.
 */
@Route("calltest/calls/:id")
@RolesAllowed({"CALLTEST_STAFF", "ADMIN"})
public class TestCallView extends RecordPage<TestCall, TestCallStep> {

    private final TestCalls calls;
    private final PolicyService policy;
    private final WeakSpotActions actions;
    private final DirectoryService directory;
    private final Clock clock;

    public TestCallView(TestCalls calls, PolicyService policy, WeakSpotActions actions, DirectoryService directory,
            Clock clock) {
        super("test-call", TestCallStep.class, "nav.calltest.calls");
        this.calls = calls;
        this.policy = policy;
        this.actions = actions;
        this.directory = directory;
        this.clock = clock;
    }

    /** "Raise improvement action" from the call's finding (source TEST_CALL_FINDING), while it counts. */
    @Override
    protected List<Component> extraButtons(TestCall call) {
        if (call.status() != TestCallStatus.RECORDED) {
            return List.of();
        }
        var raise = new Button(t("improvement.raise"), click -> RaiseFromTestCalls.fromTestCall(this, actions,
                directory, clock, call));
        raise.setId("action-raise-improvement");
        return List.of(raise);
    }

    @Override
    protected TestCall load(UUID id) {
        return calls.get(id);
    }

    @Override
    protected UUID idOf(TestCall call) {
        return call.id();
    }

    @Override
    protected String numberOf(TestCall call) {
        return call.number();
    }

    @Override
    protected Set<TestCallStep> allowedSteps(TestCall call) {
        return call.allowedSteps();
    }

    @Override
    protected Component headline(TestCall call) {
        var score = new Span(call.finalScore() == null ? t("calltest.call.noScore")
                : t("calltest.call.score", call.finalScore().toPlainString()));
        score.addClassName("ombud-badge");
        score.setId("test-call-score");
        return Texts.headline("test-call", call.number(), t("calltest.call.status." + call.status()), score);
    }

    @Override
    protected StepButton button(TestCallStep step, TestCall call) {
        return switch (step) {
            case RECORD_FOLLOW_UP -> new StepButton("action-follow-up", "calltest.call.step.RECORD_FOLLOW_UP",
                    this::openFollowUp);
            case ADD_CALIBRATION -> new StepButton("action-calibrate", "calltest.call.step.ADD_CALIBRATION",
                    this::openCalibration);
            case SET_FINAL_SCORE -> new StepButton("action-final-score", "calltest.call.step.SET_FINAL_SCORE",
                    this::openFinalScore);
            case VOID -> new StepButton("action-void", "calltest.call.step.VOID", this::openVoid);
        };
    }

    @Override
    protected void content(TestCall call, Set<TestCallStep> allowed) {
        var form = new FormLayout();
        form.addFormItem(new Span(call.agentEmployeeId()), t("calltest.slot.agent"));
        form.addFormItem(new Span(t("calltest.channel." + call.channel())), t("calltest.call.channel"));
        form.addFormItem(new Span(CompanyTime.minute(call.calledAt())), t("calltest.call.calledAt"));
        form.addFormItem(new Span(t(call.spotCheck() ? "calltest.call.spotCheck" : "calltest.call.drawn")),
                t("calltest.call.kind"));
        form.addFormItem(new Span(call.ringsBeforeAnswer() != null ? t("calltest.call.ringsValue",
                call.ringsBeforeAnswer()) : t("calltest.call.minutesValue", call.firstReplyMinutes())),
                t("calltest.call.response"));
        form.addFormItem(new Span(t(call.solvedOnSpot() ? "policy.yesNo.true" : "policy.yesNo.false")),
                t("calltest.call.solved"));
        form.addFormItem(new Span(call.knowledge().stream().map(k -> k.code() + (k.correct() ? " ✓" : " ✗"))
                .collect(Collectors.joining("、"))), t("calltest.call.knowledge"));
        form.addFormItem(new Span(Integer.toString(call.communication().rating())), t("calltest.call.rating"));
        if (call.followUp() != null) {
            form.addFormItem(new Span(t("calltest.call.followUpValue", CompanyTime.minute(call.followUp()
                    .promisedDue()), call.followUp().deliveredAt() == null ? t("calltest.call.followUpOpen")
                    : CompanyTime.minute(call.followUp().deliveredAt()))), t("calltest.call.followUp"));
        }
        form.addFormItem(new Span(String.join("、", call.problems())), t("calltest.call.problems"));
        form.addFormItem(new Span(t("calltest.call.policyVersion", call.policyVersion())), t("calltest.call.scorecard"));
        add(form, entry(t("calltest.call.performance"), call.performance()),
                entry(t("calltest.call.suggestions"), call.suggestions()));
        if (call.voidReason() != null) {
            add(entry(t("calltest.call.voidReason"), call.voidReason()));
        }
        add(new H3(t("calltest.call.gradings")), gradings(call), new H3(t("calltest.call.timeline")), timeline(call));
    }

    /** Each executor's score beside the final one, with their deviation (calibration). */
    private Component gradings(TestCall call) {
        Map<String, BigDecimal> deviation = new HashMap<>();
        if (call.finalScore() != null) {
            Calibration.deviations(call.gradings().stream().map(g -> new Calibration.Graded(call.id().toString(),
                    g.executor(), g.score())).toList(), Map.of(call.id().toString(), call.finalScore()))
                    .getOrDefault(call.id().toString(), Map.of()).forEach(deviation::put);
        }
        var grid = new Grid<CallGrading>();
        grid.setId("test-call-gradings");
        grid.addColumn(g -> g.executorName() == null ? g.executor() : g.executorName())
                .setHeader(t("calltest.call.executor")).setAutoWidth(true);
        grid.addColumn(g -> g.score() == null ? "" : g.score().toPlainString()).setHeader(t("calltest.call.scoreColumn"))
                .setKey("score").setAutoWidth(true);
        grid.addColumn(g -> deviation.containsKey(g.executor()) ? deviation.get(g.executor()).toPlainString() : "")
                .setHeader(t("calltest.call.deviation")).setKey("deviation").setAutoWidth(true);
        grid.addColumn(g -> String.join("、", g.failedCriticalItems())).setHeader(t("calltest.call.failedCritical"))
                .setFlexGrow(1);
        grid.addColumn(g -> CompanyTime.minute(g.at())).setHeader(t("case.timeline.when")).setAutoWidth(true);
        grid.setItems(call.gradings());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Component timeline(TestCall call) {
        var grid = new Grid<TestCallEntry>();
        grid.setId("test-call-timeline");
        grid.addColumn(e -> CompanyTime.time(e.at())).setHeader(t("case.timeline.when")).setAutoWidth(true);
        grid.addColumn(e -> e.actorName() == null ? e.actor() : e.actorName()).setHeader(t("case.timeline.who"))
                .setAutoWidth(true);
        grid.addColumn(e -> t("calltest.call.timeline." + e.action(), e.args().toArray()))
                .setHeader(t("case.timeline.what")).setAutoWidth(true);
        grid.addColumn(e -> e.note() == null ? "" : e.note()).setHeader(t("case.timeline.why")).setFlexGrow(1);
        grid.setItems(call.timeline());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private void openFollowUp() {
        var call = current();
        var at = new DateTimePicker(t("calltest.call.deliveredAt"));
        at.setValue(LocalDateTime.ofInstant(clock.instant(), CompanyTime.zone()).truncatedTo(ChronoUnit.MINUTES));
        DateLimits.past(at, clock, java.time.Duration.ofDays(92));
        at.setId("follow-up-at");
        var dialog = StepDialogs.form(this, t("calltest.call.step.RECORD_FOLLOW_UP"), at);
        StepDialogs.footer(dialog, "follow-up-save", () -> act(() -> calls.recordFollowUp(call.id(),
                at.getValue() == null ? null : at.getValue().atZone(CompanyTime.zone()).toInstant(), call.version()),
                dialog, Map.of("deliveredAt", at)));
    }

    private void openCalibration() {
        var call = current();
        var answers = new ScorecardAnswers(policy.version(call.policyVersion()).content().scorecard(), getLocale());
        var dialog = StepDialogs.form(this, t("calltest.call.step.ADD_CALIBRATION"), answers);
        StepDialogs.footer(dialog, "calibrate-save", () -> act(() -> calls.addCalibration(call.id(), answers.value(),
                call.version()), dialog, answers.fields()));
    }

    private void openFinalScore() {
        var call = current();
        var score = new BigDecimalField(t("calltest.call.finalScore"));
        score.setValue(call.finalScore());
        score.setId("final-score");
        var reason = new TextArea(t("calltest.call.reason"));
        reason.setId("final-score-reason");
        var dialog = StepDialogs.form(this, t("calltest.call.step.SET_FINAL_SCORE"), score, reason);
        StepDialogs.footer(dialog, "final-score-save", () -> act(() -> calls.setFinalScore(call.id(), score.getValue(),
                reason.getValue(), call.version()), dialog, Map.of("score", score, "reason", reason)));
    }

    private void openVoid() {
        var call = current();
        var reason = new TextArea(t("calltest.call.reason"));
        reason.setId("void-reason");
        var dialog = StepDialogs.form(this, t("calltest.call.step.VOID"), reason);
        StepDialogs.footer(dialog, "void-save", () -> act(() -> calls.voidCall(call.id(), reason.getValue(),
                call.version()), dialog, Map.of("reason", reason)));
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

}
