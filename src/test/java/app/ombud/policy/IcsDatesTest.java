package app.ombud.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.platform.OmbudException;
import app.ombud.policy.internal.IcsDates;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class IcsDatesTest {

    static final String FEED = """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//test//holidays//CN
            BEGIN:VEVENT
            UID:nd-2026@test
            DTSTAMP:20260101T000000Z
            DTSTART;VALUE=DATE:20261001
            DTEND;VALUE=DATE:20261008
            SUMMARY:国庆节
            END:VEVENT
            BEGIN:VEVENT
            UID:nd-2026-w1@test
            DTSTAMP:20260101T000000Z
            DTSTART;VALUE=DATE:20260927
            DTEND;VALUE=DATE:20260928
            SUMMARY:国庆节 补班
            END:VEVENT
            BEGIN:VEVENT
            UID:meeting@test
            DTSTAMP:20260101T000000Z
            DTSTART:20261231T170000Z
            DTEND:20261231T180000Z
            SUMMARY:New Year's Day
            END:VEVENT
            END:VCALENDAR
            """.replace("\n", "\r\n");

    @Test
    void holidaysAndMakeUpWorkdaysAreRead() {
        var found = IcsDates.read(FEED.getBytes(StandardCharsets.UTF_8), ZoneId.of("Asia/Shanghai"));
        assertThat(found.holidays()).containsKeys(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7))
                .doesNotContainKey(LocalDate.of(2026, 10, 8));
        assertThat(found.workdays()).containsOnlyKeys(LocalDate.of(2026, 9, 27));
        // 17:00Z on Dec 31 is 01:00 on Jan 1 in Shanghai
        assertThat(found.holidays()).containsKey(LocalDate.of(2027, 1, 1));
    }

    @Test
    void aBrokenFileIsRefusedWithACode() {
        assertThatThrownBy(() -> IcsDates.read("BEGIN:VCALENDAR\r\nnonsense".getBytes(StandardCharsets.UTF_8),
                ZoneId.of("Asia/Shanghai")))
                .isInstanceOfSatisfying(OmbudException.class, e -> assertThat(e.code()).isEqualTo("ICS_UNREADABLE"));
    }
}
