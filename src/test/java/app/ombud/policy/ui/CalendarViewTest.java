package app.ombud.policy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.policy.PolicyService;
import app.ombud.policy.WorkingCalendar;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
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
            return policies.updateCalendar(now.number(),
                    new WorkingCalendar(c.zone(), c.workingDays(), c.periods(), holidays, c.workdays()), "test");
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
        RadioButtonGroup<CalendarView.DayKind> kind = $view(RadioButtonGroup.class).id("calendar-day-kind");
        kind.setValue(CalendarView.DayKind.HOLIDAY);
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
    void datesImportedFromAnIcsFileAreListedAndMarkedInTheMonthBeforeSaving() {
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//test//EN",
                "BEGIN:VEVENT", "UID:1@test", "DTSTAMP:20300101T000000Z", "DTSTART;VALUE=DATE:20310505",
                "DTEND;VALUE=DATE:20310506", "SUMMARY:Imported day", "END:VEVENT", "END:VCALENDAR", "");
        int before = policies.current().number();
        var view = navigate(CalendarView.class);
        view.previewImport(ics.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat($view(com.vaadin.flow.component.orderedlayout.VerticalLayout.class).id("calendar-ics-preview").getElement().getTextRecursively())
                .contains("2031-05-05").contains("Imported day");

        test($view(Button.class).id("calendar-ics-add")).click();
        view.showMonth(YearMonth.of(2031, 5));
        assertThat($view(Div.class).id("day-2031-05-05").getClassNames()).contains("ombud-cal-holiday");
        assertThat(policies.current().number()).isEqualTo(before);
    }
}
