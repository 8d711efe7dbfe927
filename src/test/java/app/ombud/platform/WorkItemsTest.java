package app.ombud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.platform.WorkItems.Urgency;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WorkItemsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 10:00 in Shanghai. */
    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

    @Test
    void anItemIsOverdueWhenPastDueOrFlaggedAndDueTodayByTheCompanysCalendarDay() {
        assertThat(Urgency.of(Instant.parse("2026-12-02T01:59:00Z"), false, NOW, SHANGHAI)).isEqualTo(Urgency.OVERDUE);
        assertThat(Urgency.of(Instant.parse("2026-12-05T00:00:00Z"), true, NOW, SHANGHAI)).isEqualTo(Urgency.OVERDUE);
        // 23:59 in Shanghai is today; the next minute is tomorrow, though still 2 December in UTC
        assertThat(Urgency.of(Instant.parse("2026-12-02T15:59:00Z"), false, NOW, SHANGHAI))
                .isEqualTo(Urgency.DUE_TODAY);
        assertThat(Urgency.of(Instant.parse("2026-12-02T16:00:00Z"), false, NOW, SHANGHAI)).isEqualTo(Urgency.LATER);
        assertThat(Urgency.of(null, false, NOW, SHANGHAI)).isEqualTo(Urgency.LATER);
    }
}
