package app.ombud.calltest.ui;

import static app.ombud.support.TestData.as;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.calltest.CallTestFixture;
import app.ombud.calltest.CallTestGroups;
import app.ombud.calltest.CallTestReports;
import app.ombud.calltest.Plans;
import app.ombud.calltest.ReportStatus;
import app.ombud.calltest.Scenarios;
import app.ombud.directory.DirectoryService;
import app.ombud.platform.Role;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** The report page without a browser: the staff write the conclusions, only the lead publishes, then it is frozen. */
@app.ombud.support.OmbudIntegrationTest
class ReportViewsTest extends SpringBrowserlessTest {

    @Autowired
    DirectoryService directory;

    @Autowired
    CallTestGroups groups;

    @Autowired
    Scenarios scenarios;

    @Autowired
    Plans plans;

    @Autowired
    CallTestReports reports;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theStaffWriteConclusionsAndTheLeadPublishes() {
        var f = CallTestFixture.create("RV", directory, groups, scenarios, plans);
        // three months ago: no other test reports on it
        String period = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(3).toString();
        var draft = as(f.staff, () -> reports.create(period), Role.CALLTEST_STAFF);

        CallTestViewsTest.signIn(f.staff, Role.CALLTEST_STAFF);
        navigate(ReportView.class, Map.of("id", draft.id().toString()));
        assertThat($(Button.class).withId("action-publish").exists()).as("only the lead publishes").isFalse();
        test($(Button.class).id("action-edit")).click();
        test($(TextArea.class).id("report-conclusions")).setValue("整体达标，二班响铃偏多");
        test($(Button.class).id("report-save")).click();
        assertThat(as(f.staff, () -> reports.get(draft.id()), Role.CALLTEST_STAFF).conclusions())
                .isEqualTo("整体达标，二班响铃偏多");

        CallTestViewsTest.signIn(f.lead, Role.CALLTEST_STAFF);
        navigate(ReportView.class, Map.of("id", draft.id().toString()));
        test($(Button.class).id("action-publish")).click();
        var published = as(f.lead, () -> reports.get(draft.id()), Role.CALLTEST_STAFF);
        assertThat(published.status()).isEqualTo(ReportStatus.PUBLISHED);
        assertThat($(Button.class).withId("action-edit").exists()).isFalse();
        assertThat($(Paragraph.class).id("report-summary").getText()).isNotBlank();
        var pdf = $(com.vaadin.flow.component.html.Anchor.class).id("report-download-pdf");
        var excel = $(com.vaadin.flow.component.html.Anchor.class).id("report-download-excel");
        assertThat(pdf.isEnabled()).as("this machine has the PDF font").isTrue();
        assertThat(pdf.getHref()).isNotBlank();
        assertThat(excel.getHref()).isNotBlank();
        assertThat($(com.vaadin.flow.component.grid.Grid.class).withId("report-trends").exists()).isTrue();
        assertThat($(com.vaadin.flow.component.grid.Grid.class).withId("report-correlations").exists()).isTrue();
        assertThat($(com.vaadin.flow.component.html.Div.class).withId("report-chart").exists()).isTrue();
    }
}
