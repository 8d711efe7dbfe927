package app.ombud.calltest.ui;

import app.ombud.calltest.CallChannel;
import app.ombud.calltest.ScenarioType;
import app.ombud.calltest.TestCall;
import app.ombud.calltest.TestCallFilter;
import app.ombud.calltest.TestCallGroup;
import app.ombud.calltest.TestCallStatus;
import app.ombud.calltest.TestCalls;
import app.ombud.directory.DirectoryService;
import app.ombud.platform.OmbudException;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.GridPaging;
import app.ombud.platform.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The recorded test calls (拨测 › 拨测记录), the latest first, by agent, channel and status — and,
 * opened from a figure of the statistics ({@link #drillDown}), by the company-local days of its
 * period and its team, department or scenario type too; the page says that narrowing in words and
 * clears it.
 */
@Route("calltest/calls")
@Menu(title = "nav.calltest.calls", order = 43, icon = "vaadin:phone")
@RolesAllowed({"CALLTEST_STAFF", "ADMIN"})
public class TestCallsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String FROM = "from";
    static final String TO = "to";
    static final String TEAM = "team";
    static final String DEPARTMENT = "department";
    static final String SCENARIO_TYPE = "scenarioType";
    static final String AGENT = "agent";
    static final String CHANNEL = "channel";
    static final String STATUS = "status";

    final TextField agent = new TextField();
    final Select<CallChannel> channel = new Select<>();
    final Select<TestCallStatus> status = new Select<>();
    final Grid<TestCall> grid = new Grid<>();
    final Span narrowed = new Span();
    final Button clear = new Button();
    private final DirectoryService directory;
    private Narrowing narrowing = Narrowing.NONE;

    /** What a drill-down narrows beyond the page's own fields; null parts do not narrow. */
    record Narrowing(LocalDate from, LocalDate to, UUID teamId, UUID departmentId, ScenarioType scenarioType) {

        static final Narrowing NONE = new Narrowing(null, null, null, null, null);

        boolean any() {
            return !equals(NONE);
        }
    }

    public TestCallsView(TestCalls calls, DirectoryService directory) {
        this.directory = directory;
        addClassName("ombud-view");
        setSizeFull();
        agent.setLabel(t("calltest.slot.agent"));
        agent.setClearButtonVisible(true);
        agent.setId("filter-agent");
        agent.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        channel.setLabel(t("calltest.call.channel"));
        channel.setItems(CallChannel.values());
        channel.setEmptySelectionAllowed(true);
        channel.setItemLabelGenerator(c -> c == null ? t("common.all") : t("calltest.channel." + c));
        channel.setId("filter-channel");
        channel.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        status.setLabel(t("calltest.call.statusLabel"));
        status.setItems(TestCallStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setItemLabelGenerator(s -> s == null ? t("common.all") : t("calltest.call.status." + s));
        status.setId("filter-status");
        status.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        narrowed.setId("calls-narrowed");
        clear.setText(t("calltest.calls.narrowed.clear"));
        clear.setId("calls-narrowed-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        clear.addClickListener(click -> getUI().ifPresent(ui -> ui.navigate(TestCallsView.class)));
        var shownNarrowing = new HorizontalLayout(narrowed, clear);
        shownNarrowing.setAlignItems(FlexComponent.Alignment.BASELINE);
        narrowed.setVisible(false);
        clear.setVisible(false);

        grid.setId("test-calls");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(TestCall::number).setHeader(t("calltest.call.number")).setKey("number").setAutoWidth(true);
        grid.addColumn(c -> CompanyTime.minute(c.calledAt())).setHeader(t("calltest.call.calledAt")).setKey("at")
                .setAutoWidth(true);
        grid.addColumn(TestCall::agentEmployeeId).setHeader(t("calltest.slot.agent")).setKey("agent")
                .setAutoWidth(true);
        grid.addColumn(c -> t("calltest.channel." + c.channel())).setHeader(t("calltest.call.channel"))
                .setKey("channel").setAutoWidth(true);
        grid.addColumn(c -> c.finalScore() == null ? "" : c.finalScore().toPlainString())
                .setHeader(t("calltest.call.scoreColumn")).setKey("score").setAutoWidth(true);
        grid.addColumn(c -> t("calltest.call.status." + c.status())).setHeader(t("calltest.call.statusLabel"))
                .setKey("status").setAutoWidth(true);
        grid.addColumn(c -> String.join("、", c.problems())).setHeader(t("calltest.call.problems")).setFlexGrow(1);
        grid.setItems(query -> {
            try {
                return calls.search(filter(), GridPaging.startingAt(query.getOffset()), query.getLimit()).stream();
            } catch (OmbudException e) {
                Toasts.error(e);
                return Stream.empty();
            }
        });
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate("calltest/calls/"
                + click.getItem().id())));
        grid.setSizeFull();
        add(new HorizontalLayout(agent, channel, status), shownNarrowing, grid);
    }

    /** The list as the fields and the drill-down narrow it. */
    TestCallFilter filter() {
        String who = agent.getValue() == null || agent.getValue().isBlank() ? null : agent.getValue().strip();
        var zone = CompanyTime.zone();
        var n = narrowing;
        return new TestCallFilter(null, n.teamId(), who, channel.getValue(), status.getValue(),
                n.from() == null ? null : n.from().atStartOfDay(zone).toInstant(),
                n.to() == null ? null : n.to().plusDays(1).atStartOfDay(zone).toInstant(), n.departmentId(),
                n.scenarioType());
    }

    /**
     * The query of the recorded calls behind a figure of the statistics: those of the company-local
     * days {@code from} to {@code to} (both inclusive) in the group {@code groupId} of {@code group}.
     */
    static QueryParameters drillDown(LocalDate from, LocalDate to, TestCallGroup group, String groupId) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put(FROM, from.toString());
        query.put(TO, to.toString());
        query.put(STATUS, TestCallStatus.RECORDED.name());
        switch (group) {
            case TEAM -> query.put(TEAM, groupId);
            case AGENT -> query.put(AGENT, groupId);
            case DEPARTMENT -> query.put(DEPARTMENT, groupId);
            case SCENARIO_TYPE -> query.put(SCENARIO_TYPE, groupId);
            case CHANNEL -> query.put(CHANNEL, groupId);
            case COMPANY -> {
                // every call of the days
            }
        }
        return QueryParameters.simple(query);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // a value the page cannot read does not narrow (and is not claimed in the words)
        var query = event.getLocation().getQueryParameters();
        Function<String, Optional<String>> given = name -> query.getSingleParameter(name).map(String::strip)
                .filter(v -> !v.isEmpty());
        narrowing = new Narrowing(given.apply(FROM).map(v -> read(v, LocalDate::parse)).orElse(null),
                given.apply(TO).map(v -> read(v, LocalDate::parse)).orElse(null),
                given.apply(TEAM).map(v -> read(v, UUID::fromString)).orElse(null),
                given.apply(DEPARTMENT).map(v -> read(v, UUID::fromString)).orElse(null),
                given.apply(SCENARIO_TYPE).map(v -> read(v, ScenarioType::valueOf)).orElse(null));
        agent.setValue(given.apply(AGENT).orElse(""));
        channel.setValue(given.apply(CHANNEL).map(v -> read(v, CallChannel::valueOf)).orElse(null));
        status.setValue(given.apply(STATUS).map(v -> read(v, TestCallStatus::valueOf)).orElse(null));
        narrowed.setText(narrowing.any() ? t("calltest.calls.narrowed", words(narrowing)) : "");
        narrowed.setVisible(narrowing.any());
        clear.setVisible(narrowing.any());
        grid.getDataProvider().refreshAll();
    }

    private static <T> T read(String value, Function<String, T> reader) {
        try {
            return reader.apply(value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The drill-down in words: the days, and the team, department or scenario type by name. */
    private String words(Narrowing n) {
        List<String> parts = new ArrayList<>();
        if (n.from() != null || n.to() != null) {
            parts.add(t("calltest.calls.narrowed.days", n.from() == null ? "…" : n.from().toString(),
                    n.to() == null ? "…" : n.to().toString()));
        }
        if (n.teamId() != null) {
            parts.add(t("calltest.stats.group.TEAM") + " " + name(() -> directory.team(n.teamId()).name(),
                    n.teamId()));
        }
        if (n.departmentId() != null) {
            parts.add(t("calltest.stats.group.DEPARTMENT") + " " + name(() -> directory.department(n.departmentId())
                    .name(), n.departmentId()));
        }
        if (n.scenarioType() != null) {
            parts.add(t("calltest.stats.group.SCENARIO_TYPE") + " " + t("calltest.scenario.type." + n.scenarioType()));
        }
        return String.join(" · ", parts);
    }

    private static String name(java.util.function.Supplier<String> lookup, UUID id) {
        try {
            return lookup.get();
        } catch (OmbudException e) {
            return id.toString();
        }
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String getPageTitle() {
        return t("nav.calltest.calls");
    }
}
