package app.ombud.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.platform.Actor;
import app.ombud.platform.AuditTrail;
import app.ombud.support.OmbudIntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@OmbudIntegrationTest
@WithUserDetails("admin")
class AuditLogViewTest extends SpringBrowserlessTest {

    @Autowired
    AuditTrail audit;

    @Test
    void filteringByActionPrefixShowsOnlyThoseEntriesNewestFirstInBeijingTime() throws InterruptedException {
        String prefix = "test.view-" + Long.toHexString(System.nanoTime());
        audit.record(Actor.SYSTEM, prefix + ".first", "Thing", "t-1", Map.of("b", "2", "a", "1"));
        Thread.sleep(5);
        audit.record(Actor.SYSTEM, prefix + ".second", "Thing", "t-2", Map.of());
        audit.record(Actor.SYSTEM, "test.other", "Thing", "t-3", Map.of());
        navigate(AuditLogView.class);

        test($(TextField.class).id("audit-action")).setValue(prefix);
        test($(Button.class).id("audit-search")).click();

        var grid = test(entries());
        assertThat(grid.size()).isEqualTo(2);
        assertThat(grid.getRow(0).action()).isEqualTo(prefix + ".second");
        assertThat(grid.getRow(1).action()).isEqualTo(prefix + ".first");
        assertThat(grid.getCellText(1, grid.getColumnPosition("details"))).isEqualTo("a=1 b=2");
        assertThat(grid.getCellText(1, grid.getColumnPosition("target"))).isEqualTo("Thing t-1");
        String beijing = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"))
                .format(grid.getRow(1).at());
        assertThat(grid.getCellText(1, grid.getColumnPosition("at"))).isEqualTo(beijing);
    }

    @Test
    void aTimeRangeIsReadInTheCompanyZone() {
        String prefix = "test.range-" + Long.toHexString(System.nanoTime());
        audit.record(Actor.SYSTEM, prefix, "Thing", "t-1", Map.of());
        navigate(AuditLogView.class);
        test($(TextField.class).id("audit-action")).setValue(prefix);
        LocalDateTime nowInBeijing = LocalDateTime.now(ZoneId.of("Asia/Shanghai"));

        test($(DateTimePicker.class).id("audit-from")).setValue(nowInBeijing.minusMinutes(5));
        test($(DateTimePicker.class).id("audit-to")).setValue(nowInBeijing.plusMinutes(5));
        test($(Button.class).id("audit-search")).click();
        assertThat(test(entries()).size()).isEqualTo(1);

        // ten minutes from now in Beijing: were the picker read as UTC, the entry would be inside
        test($(DateTimePicker.class).id("audit-from")).setValue(nowInBeijing.plusMinutes(10));
        test($(DateTimePicker.class).id("audit-to")).setValue(nowInBeijing.plusHours(9));
        test($(Button.class).id("audit-search")).click();
        assertThat(test(entries()).size()).isZero();
    }

    @SuppressWarnings("unchecked")
    private Grid<AuditTrail.Entry> entries() {
        return $(Grid.class).id("audit-entries");
    }
}
