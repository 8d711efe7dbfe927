package app.ombud.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.notification.Channel;
import app.ombud.notification.Outbox;
import app.ombud.notification.OutboxEntry;
import app.ombud.notification.OutboxMessage;
import app.ombud.notification.internal.OutboxDispatcher;
import app.ombud.platform.Role;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Without an SMS gateway (as in the tests) a message is only written to the log: the outbox says
 * LOGGED, not SENT, in the API, on the outbox page and in the metrics.
 */
@OmbudIntegrationTest
@WithUserDetails("admin")
class LoggedMessagesTest extends SpringBrowserlessTest {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    ApiAccess api;

    @Autowired
    MeterRegistry meters;

    @Test
    void aMessageWithoutAGatewayIsShownAsLoggedNotSent() {
        double loggedBefore = logged();
        var message = new OutboxMessage(UUID.randomUUID(), Channel.SMS, "13800138000", null, "您的投诉已受理",
                "Test", "t-logged");
        outbox.enqueue(message);
        dispatcher.dispatchDue();

        var entry = TestData.asAdmin(() -> outbox.get(message.id()));
        assertThat(entry.status()).isEqualTo(OutboxEntry.Status.LOGGED);
        assertThat(entry.sentAt()).isNotNull();
        assertThat(logged()).isGreaterThan(loggedBefore);

        List<String> ids = api.as(Role.ADMIN).document("""
                { outboxMessages(status: LOGGED, first: 100) { edges { node { id status } } } }""").execute()
                .path("outboxMessages.edges[*].node.id").entityList(String.class).get();
        assertThat(ids).contains(message.id().toString());

        navigate(OutboxView.class);
        @SuppressWarnings("unchecked")
        Select<OutboxEntry.Status> status = $(Select.class).id("outbox-status");
        test(status).selectItem(status.getItemLabelGenerator().apply(OutboxEntry.Status.LOGGED));
        @SuppressWarnings("unchecked")
        var grid = test((Grid<OutboxEntry>) $(Grid.class).first());
        int row = IntStream.range(0, grid.size()).filter(i -> grid.getRow(i).id().equals(message.id())).findFirst()
                .orElseThrow();
        assertThat(grid.getCellText(row, grid.getColumnPosition("status")))
                .isIn("仅记录日志（未配置网关）", "Logged only (no gateway)");
    }

    private double logged() {
        return meters.counter("ombud.outbox.deliveries", "channel", "SMS", "outcome", "LOGGED").count();
    }
}
