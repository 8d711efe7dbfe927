package app.ombud.calltest.ui;

import app.ombud.calltest.MyTestCallResult;
import app.ombud.calltest.TestCalls;
import app.ombud.platform.OmbudException;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.GridPaging;
import app.ombud.platform.ui.Toasts;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A person's own test-call results (我的拨测结果), of the periods whose report is published. */
@Route("my-test-call-results")
@Menu(title = "nav.calltest.mine", order = 46, icon = "vaadin:user-check")
@PermitAll
public class MyResultsView extends VerticalLayout implements HasDynamicTitle {

    final Grid<MyTestCallResult> grid = new Grid<>();

    public MyResultsView(TestCalls calls) {
        addClassName("ombud-view");
        setSizeFull();
        grid.setId("my-results");
        grid.addColumn(r -> CompanyTime.minute(r.calledAt())).setHeader(t("calltest.call.calledAt"))
                .setAutoWidth(true);
        grid.addColumn(r -> t("calltest.channel." + r.channel())).setHeader(t("calltest.call.channel"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.score() == null ? "" : r.score().toPlainString()).setHeader(t("calltest.call.scoreColumn"))
                .setKey("score").setAutoWidth(true);
        grid.addColumn(r -> r.measures().entrySet().stream().map(e -> t("calltest.measure." + e.getKey()) + " "
                + String.format(Locale.ROOT, "%.1f", e.getValue())).collect(Collectors.joining("；")))
                .setHeader(t("calltest.stats.measure")).setFlexGrow(2);
        grid.addColumn(r -> String.join("、", r.problems())).setHeader(t("calltest.call.problems")).setFlexGrow(1);
        grid.addColumn(r -> r.suggestions() == null ? "" : r.suggestions()).setHeader(t("calltest.call.suggestions"))
                .setFlexGrow(1);
        grid.setItems(query -> {
            try {
                return calls.myResults(GridPaging.startingAt(query.getOffset()), query.getLimit()).stream();
            } catch (OmbudException e) {
                Toasts.error(e);
                return Stream.empty();
            }
        });
        grid.setSizeFull();
        var appraisal = new RouterLink(t("calltest.mine.appraisal"), MyAppraisalView.class);
        appraisal.setId("my-results-appraisal");
        add(new Paragraph(t("calltest.mine.hint")), appraisal, grid);
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String getPageTitle() {
        return t("nav.calltest.mine");
    }
}
