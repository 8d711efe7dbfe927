package app.ombud.calltest.ui;

import app.ombud.calltest.CallChannel;
import app.ombud.calltest.TestCall;
import app.ombud.calltest.TestCallFilter;
import app.ombud.calltest.TestCallStatus;
import app.ombud.calltest.TestCalls;
import app.ombud.platform.OmbudException;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.GridPaging;
import app.ombud.platform.ui.Toasts;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Stream;

/** The recorded test calls (拨测 › 拨测记录), the latest first, by agent, channel and status. */
@Route("calltest/calls")
@Menu(title = "nav.calltest.calls", order = 43, icon = "vaadin:phone")
@RolesAllowed({"CALLTEST_STAFF", "ADMIN"})
public class TestCallsView extends VerticalLayout implements HasDynamicTitle {

    final TextField agent = new TextField();
    final Select<CallChannel> channel = new Select<>();
    final Select<TestCallStatus> status = new Select<>();
    final Grid<TestCall> grid = new Grid<>();

    public TestCallsView(TestCalls calls) {
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
                String who = agent.getValue() == null || agent.getValue().isBlank() ? null : agent.getValue().strip();
                return calls.search(new TestCallFilter(null, null, who, channel.getValue(), status.getValue(), null,
                        null), GridPaging.startingAt(query.getOffset()), query.getLimit()).stream();
            } catch (OmbudException e) {
                Toasts.error(e);
                return Stream.empty();
            }
        });
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate("calltest/calls/"
                + click.getItem().id())));
        grid.setSizeFull();
        add(new HorizontalLayout(agent, channel, status), grid);
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String getPageTitle() {
        return t("nav.calltest.calls");
    }
}
