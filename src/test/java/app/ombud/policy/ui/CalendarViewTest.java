package app.ombud.policy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.policy.PolicySections;
import app.ombud.policy.PolicyService;
import app.ombud.policy.WorkingCalendar;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OmbudIntegrationTest
@WithPortalAdmin("calendar-admin")
class CalendarViewTest extends SpringBrowserlessTest {

    @Autowired
    PolicyService policies;

    @Test
    void theMonthShowsAHolidaySavedThroughTheServiceStyledAsHoliday() {
        LocalDate holiday = LocalDate.of(2031, 3, 12); // a Wednesday
        TestData.asAdmin(() -> {
            var now = policies.current();
            WorkingCalendar c = now.content().calendar();
            var holidays = new TreeMap<>(c.holidays());
            holidays.put(holiday, "Test holiday");
            return policies.update(PolicySections.CALENDAR, now.number(),
                    c.withSpecialDays(holidays, c.workdays()), "test");
        });

        var view = navigate(CalendarView.class);
        view.showMonth(YearMonth.of(2031, 3));

        Div cell = $view(Div.class).id("day-" + holiday);
        assertThat(cell.getClassNames()).contains("ombud-cal-day", "ombud-cal-holiday")
                .doesNotContain("ombud-cal-weekend");
        assertThat(cell.getElement().getTextRecursively()).contains("Test holiday");
        assertThat($view(Div.class).id("day-2031-03-13").getClassNames()).doesNotContain("ombud-cal-holiday");
        assertThat($view(Div.class).id("day-2031-03-15").getClassNames()).contains("ombud-cal-weekend");
    }

    @Test
    @SuppressWarnings("unchecked")
    void markingADayAndSavingMakesItAHolidayInTheVersionInForce() {
        LocalDate day = LocalDate.of(2031, 4, 16); // a Wednesday
        int before = policies.current().number();
        assertThat(policies.current().content().calendar().isWorkingDay(day)).isTrue();

        var view = navigate(CalendarView.class);
        view.showMonth(YearMonth.of(2031, 4));
        test($view(Div.class).id("day-" + day)).click();
        RadioButtonGroup<app.ombud.policy.CalendarDayKind> kind = $view(RadioButtonGroup.class).id("calendar-day-kind");
        kind.setValue(app.ombud.policy.CalendarDayKind.HOLIDAY);
        test($view(TextField.class).id("calendar-day-name")).setValue("Company day");
        test($view(Button.class).id("calendar-apply-day")).click();
        assertThat($view(Div.class).id("day-" + day).getClassNames()).contains("ombud-cal-holiday");

        test($view(TextField.class).id("calendar-comment")).setValue("Company day off");
        test($view(Button.class).id("calendar-save")).click();

        var current = policies.current();
        assertThat(current.number()).isEqualTo(before + 1);
        assertThat(current.content().calendar().holidays()).containsEntry(day, "Company day");
        assertThat(current.content().calendar().isWorkingDay(day)).isFalse();
        assertThat($view(Span.class).id("policy-version").getText()).contains(String.valueOf(before + 1));
        // the reloaded month still shows it
        assertThat($view(Div.class).id("day-" + day).getClassNames()).contains("ombud-cal-holiday");
    }

    @Test
    void anImportedYearIsPreviewedWithItsSourceAndSavedAsANewVersion() {
        String ics = app.ombud.policy.PolicyFixture.ics(null, "20340501 20340503 劳动节",
                "20340429 20340430 劳动节调休上班");
        int before = policies.current().number();
        var view = navigate(CalendarView.class);
        view.readImport(ics.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat($view(IntegerField.class).id("calendar-import-year").getValue()).isEqualTo(2034);
        // no source named in the file: the import is refused on the source field until one is given
        TextField title = $view(TextField.class).id("calendar-source-title");
        assertThat(title.isInvalid()).isTrue();
        test(title).setValue("国务院办公厅关于2034年部分节假日安排的通知");
        test($view(TextField.class).id("calendar-source-url")).setValue("https://www.gov.cn/zhengce/2034.htm");
        test($view(Button.class).id("calendar-import-preview")).click();
        String changes = $view(VerticalLayout.class).id("calendar-ics-preview").getElement().getTextRecursively();
        assertThat(changes).contains("2034-05-01", "2034-04-29", "劳动节调休上班");
        assertThat(policies.current().number()).as("a preview saves nothing").isEqualTo(before);

        test($view(Button.class).id("calendar-import-save")).click();

        var current = policies.current();
        assertThat(current.number()).isEqualTo(before + 1);
        assertThat(current.origin()).isEqualTo(app.ombud.policy.PolicyOrigin.CALENDAR_IMPORT);
        assertThat(current.content().calendar().isWorkingDay(LocalDate.of(2034, 5, 1))).isFalse();
        assertThat(current.content().calendar().isWorkingDay(LocalDate.of(2034, 4, 29))).isTrue();
        view.showMonth(YearMonth.of(2034, 5));
        assertThat($view(Div.class).id("day-2034-05-01").getClassNames()).contains("ombud-cal-holiday");
        assertThat($view(UnorderedList.class).id("calendar-sources").getElement().getTextRecursively())
                .contains("国务院办公厅关于2034年部分节假日安排的通知", "国务院办公厅关于2026年部分节假日安排的通知",
                        "国办发明电〔2025〕7号");
    }
}
