package app.ombud.policy;

import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput;
import app.ombud.platform.TimeInput;
import java.net.URI;
import java.time.LocalDate;

/**
 * Where a year's public holidays and swapped working days (调休) come from: for China the State
 * Council's notice (国务院办公厅关于…部分节假日安排的通知), named by its title, its document number
 * (文号), the day it was published and its address on gov.cn.
 */
public record HolidaySource(int year, String title, String documentNumber, LocalDate published, String url) {

    public HolidaySource validate() {
        if (year < TimeInput.FIRST_DATE.getYear() || year > TimeInput.LAST_DATE.getYear()) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", "sources.year", "{0} must be between {1} and {2}",
                    "year", TimeInput.FIRST_DATE.getYear(), TimeInput.LAST_DATE.getYear());
        }
        TextInput.required(title, "sources.title", TextInput.Kind.LINE);
        TextInput.optional(documentNumber, "sources.documentNumber", TextInput.Kind.NAME);
        if (published != null) {
            TimeInput.checkRange(published, "sources.published");
        }
        String address = TextInput.optional(url, "sources.url", TextInput.Kind.LINE);
        if (address != null && !isWebAddress(address)) {
            throw OmbudException.badRequest("CALENDAR_SOURCE_URL_INVALID", "sources.url",
                    "The source address must be an http or https address: {0}", address);
        }
        return this;
    }

    private static boolean isWebAddress(String address) {
        try {
            URI uri = new URI(address);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
