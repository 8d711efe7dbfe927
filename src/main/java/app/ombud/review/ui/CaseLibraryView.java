package app.ombud.review.ui;

import app.ombud.platform.CurrentActor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.PersonalData;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.GridPaging;
import app.ombud.platform.ui.Toasts;
import app.ombud.policy.JudgmentCriterion;
import app.ombud.policy.JudgmentType;
import app.ombud.policy.PolicyService;
import app.ombud.policy.ReviewCriteria;
import app.ombud.review.CaseLibrary;
import app.ombud.review.EarlyWarning;
import app.ombud.review.LibraryCase;
import app.ombud.review.ReviewQueries;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The case library (案例库) every employee learns from: judged cases with the criteria that
 * applied and the lesson, without the accused or the customer. Those who see every review open
 * the review page; everybody else reads the case in place. Above it, for the review team and
 * the managers, the early warnings raised on business topics.
 */
@Route("reviews/library")
@Menu(title = "nav.reviews.library", order = 27, icon = "vaadin:book")
@PermitAll
public class CaseLibraryView extends VerticalLayout implements HasDynamicTitle {

    /**
     * Who sees every review (the service's visibility rule), so the review page opens for them;
     * the same people receive and read the early warnings.
     */

    private final CaseLibrary library;
    private final ReviewQueries reviews;
    private final ReviewCriteria criteria;
    private final boolean opensReviews;

    final TextField text = new TextField();
    final TextField tag = new TextField();
    final Grid<LibraryCase> cases = new Grid<>();
    final Grid<EarlyWarning> warnings = new Grid<>();

    public CaseLibraryView(CaseLibrary library, ReviewQueries reviews, PolicyService policies) {
        this.library = library;
        this.reviews = reviews;
        this.criteria = policies.current().content().reviewCriteria();
        addClassName("ombud-view");
        setSizeFull();
        opensReviews = reviews.oversees();

        if (opensReviews) {
            add(new H3(t("review.library.warnings")), warningsGrid());
        }

        text.setLabel(t("review.library.search"));
        text.setId("library-text");
        tag.setLabel(t("review.library.tag"));
        tag.setId("library-tag");
        for (var field : List.of(text, tag)) {
            field.setClearButtonVisible(true);
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(change -> cases.getDataProvider().refreshAll());
        }
        // the service refuses a text search to BI readers: it would reveal personal data
        text.setVisible(!PersonalData.hiddenFrom(CurrentActor.get()));
        var toolbar = new HorizontalLayout(text, tag);
        toolbar.addClassName("ombud-toolbar");

        cases.setId("library");
        cases.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        cases.addColumn(LibraryCase::reviewNumber).setHeader(t("review.library.number")).setKey("number")
                .setAutoWidth(true);
        cases.addColumn(LibraryCase::topic).setHeader(t("review.library.topic")).setKey("topic").setAutoWidth(true);
        cases.addColumn(c -> c.type() == null ? "" : t("review.judgmentType." + c.type()))
                .setHeader(t("review.library.type")).setKey("type").setAutoWidth(true);
        cases.addColumn(this::criteriaTexts).setHeader(t("review.library.criteria")).setKey("criteria")
                .setFlexGrow(2);
        cases.addColumn(c -> c.upheld() == null ? "" : t(c.upheld() ? "common.yes" : "common.no"))
                .setHeader(t("review.library.upheld")).setKey("upheld").setAutoWidth(true);
        cases.addColumn(LibraryCase::complaint).setHeader(t("review.library.complaint")).setKey("complaint")
                .setFlexGrow(2);
        cases.addColumn(LibraryCase::lesson).setHeader(t("review.library.lesson")).setKey("lesson").setFlexGrow(2);
        cases.addColumn(c -> String.join("、", c.tags())).setHeader(t("review.library.tags")).setKey("tags")
                .setAutoWidth(true);
        cases.addColumn(c -> (c.addedByName() == null ? "" : c.addedByName() + " · ") + CompanyTime.time(c.addedAt()))
                .setHeader(t("review.library.added")).setKey("added").setAutoWidth(true);
        cases.setItems(query -> {
            try {
                return library.library(blank(text.getValue()), blank(tag.getValue()),
                        GridPaging.startingAt(query.getOffset()), query.getLimit()).stream();
            } catch (OmbudException e) {
                Toasts.error(e);
                return Stream.empty();
            }
        });
        cases.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        cases.setDetailsVisibleOnClick(false);
        cases.addItemClickListener(click -> open(click.getItem()));
        cases.setSizeFull();

        add(new H3(t("review.library.cases")), toolbar, cases);
        setFlexGrow(1, cases);
    }

    private Grid<EarlyWarning> warningsGrid() {
        warnings.setId("early-warnings");
        warnings.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        warnings.addColumn(EarlyWarning::topic).setHeader(t("review.library.warning.topic")).setKey("topic")
                .setAutoWidth(true);
        warnings.addColumn(EarlyWarning::count).setHeader(t("review.library.warning.count")).setKey("count")
                .setAutoWidth(true);
        warnings.addColumn(EarlyWarning::days).setHeader(t("review.library.warning.days")).setKey("days")
                .setAutoWidth(true);
        warnings.addColumn(w -> String.join(", ", w.reviewNumbers())).setHeader(t("review.library.warning.reviews"))
                .setKey("reviews").setFlexGrow(2);
        warnings.addColumn(w -> CompanyTime.time(w.raisedAt())).setHeader(t("review.library.warning.raisedAt"))
                .setKey("raised").setAutoWidth(true);
        warnings.setItems(query -> {
            try {
                return reviews.earlyWarnings(GridPaging.startingAt(query.getOffset()), query.getLimit()).stream();
            } catch (OmbudException e) {
                Toasts.error(e);
                return Stream.empty();
            }
        });
        warnings.setHeight("12em");
        return warnings;
    }

    private void open(LibraryCase c) {
        if (opensReviews) {
            getUI().ifPresent(ui -> ui.navigate("reviews/" + c.reviewId()));
        } else {
            cases.setDetailsVisible(c, !cases.isDetailsVisible(c));
        }
    }

    /** The whole case, for those who read it in place. */
    Component details(LibraryCase c) {
        var box = new Div();
        box.setId("library-details-" + c.reviewNumber());
        box.add(entry("review.library.complaint", c.complaint()), entry("review.library.demand", c.demand()),
                entry("review.library.criteria", criteriaTexts(c)), entry("review.library.basis", c.basis()),
                entry("review.library.lesson", c.lesson()));
        return box;
    }

    private Paragraph entry(String label, String value) {
        var name = new Span(t(label) + ": ");
        name.addClassName("ombud-muted");
        return new Paragraph(name, new Span(value == null ? "" : value));
    }

    /** The criteria as the policy words them (the code when the policy no longer has it). */
    String criteriaTexts(LibraryCase c) {
        return c.criteria().stream().map(code -> text(c.type(), code)).collect(Collectors.joining("；"));
    }

    private String text(JudgmentType type, String code) {
        var found = type == null ? criteria.attitude().stream().filter(x -> x.code().equals(code)).findFirst()
                .or(() -> criteria.business().stream().filter(x -> x.code().equals(code)).findFirst())
                : criteria.find(type, code);
        return found.map(JudgmentCriterion::text).map(text -> text.in(getLocale())).orElse(code);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String getPageTitle() {
        return t("nav.reviews.library");
    }
}
