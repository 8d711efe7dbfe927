package app.ombud.notification.ui;

import app.ombud.platform.ui.CompanyTime;
import app.ombud.notification.Channel;
import app.ombud.notification.Outbox;
import app.ombud.notification.OutboxEntry;
import app.ombud.platform.OmbudException;
import app.ombud.platform.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import app.ombud.platform.ui.GridPaging;

/** Admins watch outgoing SMS, e-mails and phone tasks, and send a failed one again. */
@Route("admin/outbox")
@Menu(title = "nav.outbox", order = 930, icon = "vaadin:envelopes-o")
@RolesAllowed("ADMIN")
class OutboxView extends VerticalLayout implements HasDynamicTitle {

    private final Outbox outbox;
    private final Select<OutboxEntry.Status> status = new Select<>();
    private final Select<Channel> channel = new Select<>();
    private final Grid<OutboxEntry> grid = new Grid<>();

    OutboxView(Outbox outbox) {
        this.outbox = outbox;
        addClassName("ombud-view");
        setSizeFull();

        status.setId("outbox-status");
        status.setLabel(getTranslation("outbox.status"));
        status.setItems(OutboxEntry.Status.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("common.all"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("common.all") : getTranslation("outbox.status." + s));
        channel.setLabel(getTranslation("outbox.channel"));
        channel.setItems(Channel.values());
        channel.setEmptySelectionAllowed(true);
        channel.setEmptySelectionCaption(getTranslation("common.all"));
        channel.setItemLabelGenerator(c -> c == null ? getTranslation("common.all") : getTranslation("outbox.channel." + c));
        status.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        channel.addValueChangeListener(change -> grid.getDataProvider().refreshAll());

        grid.addColumn(e -> time(e.createdAt())).setHeader(getTranslation("outbox.created")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("outbox.channel." + e.channel())).setHeader(getTranslation("outbox.channel"))
                .setAutoWidth(true);
        grid.addColumn(OutboxEntry::recipient).setHeader(getTranslation("outbox.recipient")).setAutoWidth(true);
        grid.addColumn(e -> e.subject() != null ? e.subject() : e.body()).setHeader(getTranslation("outbox.text"))
                .setFlexGrow(3);
        grid.addColumn(e -> getTranslation("outbox.status." + e.status())).setKey("status")
                .setHeader(getTranslation("outbox.status"))
                .setAutoWidth(true);
        grid.addColumn(OutboxEntry::attempts).setHeader(getTranslation("outbox.attempts")).setAutoWidth(true);
        grid.addColumn(e -> e.sentAt() != null ? time(e.sentAt()) : time(e.nextAttemptAt()))
                .setHeader(getTranslation("outbox.when")).setAutoWidth(true);
        grid.addColumn(e -> e.lastError() == null ? "" : e.lastError()).setHeader(getTranslation("outbox.error"))
                .setFlexGrow(2);
        grid.addComponentColumn(e -> {
            var retry = new Button(getTranslation("outbox.retry"), click -> retry(e));
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
            retry.setVisible(e.status() == OutboxEntry.Status.FAILED);
            return retry;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(query -> outbox.page(filter(), GridPaging.startingAt(query.getOffset()), query.getLimit())
                .stream(), query -> (int) outbox.count(filter()));

        var toolbar = new HorizontalLayout(status, channel);
        toolbar.addClassName("ombud-toolbar");
        add(toolbar, grid);
        setFlexGrow(1, grid);
    }

    private Outbox.Filter filter() {
        return new Outbox.Filter(status.getValue(), channel.getValue());
    }

    private void retry(OutboxEntry entry) {
        try {
            outbox.retry(entry.id());
            Toasts.success(getTranslation("outbox.retried"));
        } catch (OmbudException e) {
            Toasts.error(e);
        }
        grid.getDataProvider().refreshAll();
    }

    private static String time(Instant instant) {
        return instant == null ? "" : NotificationBell.TIME.format(instant.atZone(CompanyTime.zone()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.outbox");
    }
}
