package app.ombud.calltest.ui;

import app.ombud.calltest.FigureWords;
import app.ombud.calltest.Scenarios;
import app.ombud.calltest.TestCall;
import app.ombud.calltest.TestCallGroup;
import app.ombud.calltest.TestCallStatistics;
import app.ombud.calltest.TestCalls;
import app.ombud.calltest.WeakSpot;
import app.ombud.calltest.WeakSpotActions;
import app.ombud.calltest.WeakSpots.Streak;
import app.ombud.directory.DirectoryService;
import app.ombud.platform.OmbudException;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.GridPaging;
import app.ombud.platform.ui.Toasts;
import app.ombud.policy.PolicyService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The streaks of misses (拨测 › 连续未达标): the agents and teams whose latest test calls of a range,
 * the policy's number of them or more in a row, each missed the same measure — the same list as
 * {@code testCallStreaks} in the API and what the streak job tells the group's lead. Each row links
 * to the run's first and last call and raises an improvement action from the weak spot
 * ({@link RaiseFromTestCalls}). A lazy grid over the service's pages.
 */
@Route("calltest/streaks")
@Menu(title = "nav.calltest.streaks", order = 44.5, icon = "vaadin:warning")
@RolesAllowed({"CALLTEST_STAFF", "ADMIN"})
public class TestCallStreaksView extends VerticalLayout implements HasDynamicTitle {

    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Select<TestCallGroup> groupBy = new Select<>();
    final Grid<Streak> grid = new Grid<>();
    private final TestCalls calls;
    private final WeakSpotActions actions;
    private final Scenarios scenarios;
    private final DirectoryService directory;
    private final Clock clock;
    /** The runs' first and last calls read for the rows shown, by ID (a call's number and time do not change). */
    private final Map<String, TestCall> read = new HashMap<>();
    /** What the rows shown were asked for: the grouping and the range. */
    private TestCallGroup shownGroup;
    private String shownPeriod;

    public TestCallStreaksView(TestCallStatistics statistics, TestCalls calls, WeakSpotActions actions,
            Scenarios scenarios, DirectoryService directory, PolicyService policy, Clock clock) {
        this.calls = calls;
        this.actions = actions;
        this.scenarios = scenarios;
        this.directory = directory;
        this.clock = clock;
        addClassName("ombud-view");
        setSizeFull();
        LocalDate today = LocalDate.ofInstant(clock.instant(), CompanyTime.zone());
        from.setLabel(t("calltest.stats.from"));
        from.setValue(today.withDayOfMonth(1).minusMonths(2));
        from.setId("streaks-from");
        to.setLabel(t("calltest.stats.to"));
        to.setValue(today);
        to.setId("streaks-to");
        groupBy.setLabel(t("calltest.stats.groupBy"));
        groupBy.setItems(TestCallGroup.values());
        groupBy.setItemLabelGenerator(g -> t("calltest.stats.group." + g));
        groupBy.setValue(TestCallGroup.AGENT);
        groupBy.setId("streaks-group");
        var show = new Button(t("calltest.stats.show"), click -> grid.getDataProvider().refreshAll());
        show.setId("streaks-show");
        var filters = new HorizontalLayout(from, to, groupBy, show);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        int k = policy.current().content().callTestThresholds().consecutiveMissesToFlag();
        var help = new Paragraph(t("calltest.streaks.help", k));
        help.setId("streaks-help");

        grid.setId("streaks");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(this::groupName).setHeader(t("calltest.stats.groupColumn")).setKey("group")
                .setAutoWidth(true);
        grid.addColumn(s -> t("calltest.measure." + s.measure())).setHeader(t("calltest.stats.measure"))
                .setKey("measure").setAutoWidth(true);
        grid.addColumn(Streak::calls).setHeader(t("calltest.streaks.calls")).setKey("calls").setAutoWidth(true);
        grid.addComponentColumn(s -> callLink(s.callIds().getFirst())).setHeader(t("calltest.streaks.first"))
                .setKey("first").setAutoWidth(true);
        grid.addComponentColumn(s -> callLink(s.callIds().getLast())).setHeader(t("calltest.streaks.last"))
                .setKey("last").setAutoWidth(true);
        grid.addComponentColumn(this::raiseButton).setKey("raise").setAutoWidth(true);
        grid.setEmptyStateText(t("calltest.streaks.none", k));
        grid.setItems(query -> {
            try {
                var page = statistics.streaks(from.getValue(), to.getValue(), groupBy.getValue(),
                        GridPaging.startingAt(query.getOffset()), query.getLimit());
                shownGroup = groupBy.getValue();
                shownPeriod = from.getValue() + ".." + to.getValue();
                return page.stream();
            } catch (OmbudException e) {
                Toasts.error(e);
                return Stream.empty();
            }
        });
        grid.setSizeFull();
        add(filters, help, grid);
    }

    /** A link to a call of the run: its number and when it was made. */
    private Component callLink(String callId) {
        TestCall call = read.computeIfAbsent(callId, id -> calls.get(UUID.fromString(id)));
        var link = new Anchor("calltest/calls/" + call.id(),
                call.number() + " · " + CompanyTime.minute(call.calledAt()));
        link.setId("streak-call-" + call.id());
        return link;
    }

    /** "Raise improvement action" on a team's or an agent's streak: a weak spot over the range shown. */
    private Component raiseButton(Streak streak) {
        TestCallGroup group = shownGroup;
        if (group != TestCallGroup.TEAM && group != TestCallGroup.AGENT) {
            return new Span();
        }
        String period = shownPeriod;
        var button = new Button(t("calltest.stats.raise"), click -> RaiseFromTestCalls.fromWeakSpot(this, actions,
                scenarios, directory, clock, new WeakSpot(group, streak.groupId(), streak.groupName(),
                        streak.measure(), period), department(group, streak.groupId())));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setId("streak-raise-" + streak.groupId() + "-" + streak.measure());
        return button;
    }

    /** The weak spot's department to preselect: the team's or the agent's. */
    private UUID department(TestCallGroup group, String groupId) {
        try {
            return group == TestCallGroup.TEAM ? directory.team(UUID.fromString(groupId)).departmentId()
                    : directory.personByEmployeeId(groupId).map(app.ombud.directory.Person::departmentId).orElse(null);
        } catch (OmbudException | IllegalArgumentException e) {
            return null;
        }
    }

    private String groupName(Streak streak) {
        return FigureWords.group(shownGroup, streak.groupId(), streak.groupName(), (key, args) -> getTranslation(key,
                args));
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String getPageTitle() {
        return t("nav.calltest.streaks");
    }
}
