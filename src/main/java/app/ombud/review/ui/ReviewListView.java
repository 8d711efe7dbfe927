package app.ombud.review.ui;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.PersonalData;
import app.ombud.platform.ui.GridPaging;
import app.ombud.platform.ui.Toasts;
import app.ombud.review.Review;
import app.ombud.review.ReviewFilter;
import app.ombud.review.ReviewQueries;
import app.ombud.review.ReviewQueue;
import app.ombud.review.ReviewStatus;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A list of reviews of one {@link ReviewQueue}: the service decides which reviews the signed-in
 * person sees and in which order; the page adds a text filter, a status filter where the queue
 * holds several states, "overdue only" where the queue knows deadlines, and opens a review on
 * click. Subclasses choose the queue and the columns.
 */
abstract class ReviewListView extends VerticalLayout implements HasDynamicTitle {

    private final ReviewQueries reviews;
    private final DirectoryService directory;
    private final ReviewQueue queue;
    private final String titleKey;
    /** Names of the people on the rows read so far, by employee ID (one directory call per page). */
    private final Map<String, String> names = new HashMap<>();

    final TextField text = new TextField();
    final Select<ReviewStatus> status = new Select<>();
    final Checkbox overdueOnly = new Checkbox();
    final Grid<Review> grid = new Grid<>();
    final HorizontalLayout toolbar = new HorizontalLayout();

    /**
     * @param statuses the states the status filter offers (none: no status filter)
     * @param overdue whether the queue has an "overdue only" filter
     */
    ReviewListView(ReviewQueries reviews, DirectoryService directory, ReviewQueue queue, String titleKey,
            List<ReviewStatus> statuses, boolean overdue) {
        this.reviews = reviews;
        this.directory = directory;
        this.queue = queue;
        this.titleKey = titleKey;
        addClassName("ombud-view");
        setSizeFull();

        text.setLabel(t("review.list.search"));
        text.setId("filter-text");
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(change -> refresh());
        // the service refuses a text search to BI readers: it would reveal personal data
        text.setVisible(!PersonalData.hiddenFrom(CurrentActor.get()));
        toolbar.add(text);
        if (!statuses.isEmpty()) {
            status.setLabel(t("review.list.status"));
            status.setItems(statuses);
            status.setEmptySelectionAllowed(true);
            status.setEmptySelectionCaption(t("common.all"));
            status.setItemLabelGenerator(s -> s == null ? t("common.all") : t("review.status." + s));
            status.setId("filter-status");
            status.addValueChangeListener(change -> refresh());
            toolbar.add(status);
        }
        if (overdue) {
            overdueOnly.setLabel(t("review.list.overdueOnly"));
            overdueOnly.setId("filter-overdue");
            overdueOnly.addValueChangeListener(change -> refresh());
            toolbar.add(overdueOnly);
        }
        toolbar.addClassName("ombud-toolbar");
        toolbar.setAlignItems(Alignment.BASELINE);

        grid.setId("reviews");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Review::number).setHeader(t("review.list.number")).setKey("number").setAutoWidth(true);
        grid.setItems(this::fetch);
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate("reviews/" + click.getItem().id())));
        grid.setSizeFull();

        add(toolbar, grid);
        setFlexGrow(1, grid);
    }

    private Stream<Review> fetch(Query<Review, Void> query) {
        try {
            List<Review> page = reviews.search(queue, filter(), GridPaging.startingAt(query.getOffset()),
                    query.getLimit()).getContent();
            rememberNames(page);
            return page.stream();
        } catch (OmbudException e) {
            Toasts.error(e);
            return Stream.empty();
        }
    }

    ReviewFilter filter() {
        String search = text.getValue() == null || text.getValue().isBlank() ? null : text.getValue().strip();
        return new ReviewFilter(status.getValue(), search, overdueOnly.getValue() ? Boolean.TRUE : null);
    }

    private void rememberNames(List<Review> page) {
        Set<String> wanted = page.stream()
                .flatMap(r -> Stream.of(r.workOrder().submitterEmployeeId(), r.workOrder().accusedEmployeeId(),
                        r.assignee()))
                .filter(Objects::nonNull).filter(Predicate.not(names::containsKey)).collect(Collectors.toSet());
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, Person> people = directory.peopleByEmployeeIds(wanted);
        wanted.forEach(id -> names.put(id, people.containsKey(id) ? people.get(id).name() : null));
    }

    /** "Name (ID)" when the directory knows the person, else the ID. */
    String who(String employeeId) {
        if (employeeId == null) {
            return "";
        }
        String name = names.get(employeeId);
        return name == null || name.isBlank() ? employeeId : name + " (" + employeeId + ")";
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    /** A red badge, shown only when {@code on}. */
    static Component badge(boolean on, String text) {
        var badge = new Span(on ? text : "");
        badge.addClassNames("ombud-badge", "ombud-badge-error");
        badge.setVisible(on);
        return badge;
    }

    String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String getPageTitle() {
        return t(titleKey);
    }
}
