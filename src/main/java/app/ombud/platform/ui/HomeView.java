package app.ombud.platform.ui;

import app.ombud.platform.Actor;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.WorkItems;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The start page is the person's work queue: each workflow module's {@link WorkQueue} lists their
 * open items (cases they handle, escalations to review, work orders to check, ballots to cast, ...),
 * overdue and due-today items marked, at most {@link #LIMIT} per list with a link to the whole list.
 */
@Route("")
@com.vaadin.flow.router.Menu(title = "nav.home", order = 0, icon = "vaadin:home")
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    /** Items shown per list; the rest are behind the list's "all" link. */
    public static final int LIMIT = 5;
    private static final int TITLE_LENGTH = 60;
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final ObjectProvider<WorkQueue> queues;

    public HomeView(ObjectProvider<WorkQueue> queues) {
        this.queues = queues;
        addClassName("ombud-home");
    }

    /** Read afresh on every visit (navigating home again reuses this view). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Actor actor = CurrentActor.get();
        add(new H2(getTranslation("home.welcome", actor.name())));
        String roles = actor.roles().stream().map(r -> getTranslation(r.labelKey())).sorted()
                .collect(Collectors.joining("、"));
        add(new Paragraph(getTranslation("home.roles", roles.isEmpty() ? "—" : roles)));
        List<WorkQueue.Section> sections = queues.orderedStream().sorted(Comparator.comparingInt(WorkQueue::order))
                .flatMap(queue -> queue.sections(LIMIT).stream()).filter(s -> s.items().total() > 0).toList();
        if (sections.isEmpty()) {
            var nothing = new Paragraph(getTranslation("home.queue.empty"));
            nothing.setId("work-empty");
            add(nothing);
            return;
        }
        var grid = new Div();
        grid.addClassName("ombud-work-queue");
        sections.forEach(section -> grid.add(section(section)));
        add(grid);
    }

    private Div section(WorkQueue.Section section) {
        var box = new Div();
        box.setId("work-" + section.id());
        box.addClassName("ombud-work-section");
        var heading = new H3(getTranslation(section.titleKey()) + " (" + section.items().total() + ")");
        box.add(heading);
        for (WorkItems.Item item : section.items().items()) {
            box.add(item(section, item));
        }
        var all = new Anchor(section.allLink(), getTranslation("home.queue.all", section.items().total()));
        all.setId("work-" + section.id() + "-all");
        all.addClassName("ombud-work-all");
        box.add(all);
        return box;
    }

    private Div item(WorkQueue.Section section, WorkItems.Item item) {
        String title = item.title() == null ? "" : " " + shortened(item.title());
        var link = new Anchor(item.link(), item.number() + title);
        link.setId("work-" + section.id() + "-" + item.number());
        var status = new Span(getTranslation(item.statusKey()));
        status.addClassNames("ombud-badge", "ombud-badge-status");
        var row = new Div(link, status);
        row.addClassName("ombud-work-item");
        if (item.urgency() != WorkItems.Urgency.LATER) {
            var mark = new Span(getTranslation("home.queue." + item.urgency().name()));
            mark.addClassNames("ombud-badge", item.urgency() == WorkItems.Urgency.OVERDUE ? "ombud-badge-error"
                    : "ombud-badge-warning", "ombud-work-mark");
            row.add(mark);
        }
        if (item.due() != null) {
            row.add(Texts.muted(getTranslation("home.queue.due", DUE.format(item.due().atZone(CompanyTime.zone())))));
        }
        return row;
    }

    /** A title on one line: the first {@link #TITLE_LENGTH} characters. */
    private static String shortened(String title) {
        String line = title.strip().replaceAll("\\s+", " ");
        return line.length() <= TITLE_LENGTH ? line : line.substring(0, TITLE_LENGTH - 1) + "…";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title");
    }
}
