package app.ombud.platform.ui;

import app.ombud.platform.TimeInput;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Date pickers offer the range the services take ({@link TimeInput}), so people cannot pick a
 * day that will be refused. The services check again: a picker's range is set when the form opens.
 */
public final class DateLimits {

    private DateLimits() {
    }

    /** A moment that has happened: from {@code maxAge} ago until now (company time). */
    public static DateTimePicker past(DateTimePicker picker, Clock clock, Duration maxAge) {
        picker.setMin(local(clock.instant().minus(maxAge)).plusMinutes(1));
        picker.setMax(local(clock.instant().plus(TimeInput.CLOCK_SKEW)));
        return picker;
    }

    /** A moment still to come: from now until {@code maxAhead}. */
    public static DateTimePicker future(DateTimePicker picker, Clock clock, Duration maxAhead) {
        picker.setMin(local(clock.instant()).plusMinutes(1));
        picker.setMax(local(clock.instant().plus(maxAhead)));
        return picker;
    }

    /** Any moment the API takes (a filter, a preview): 1970 to 2200. */
    public static DateTimePicker anyTime(DateTimePicker picker) {
        picker.setMin(TimeInput.FIRST_DATE.atStartOfDay());
        picker.setMax(TimeInput.LAST_DATE.atTime(23, 59));
        return picker;
    }

    /** Any day the API takes: 1970 to 2200. */
    public static DatePicker anyDay(DatePicker picker) {
        picker.setMin(TimeInput.FIRST_DATE);
        picker.setMax(TimeInput.LAST_DATE);
        return picker;
    }

    private static LocalDateTime local(java.time.Instant instant) {
        return LocalDateTime.ofInstant(instant, CompanyTime.zone()).withSecond(0).withNano(0);
    }
}
