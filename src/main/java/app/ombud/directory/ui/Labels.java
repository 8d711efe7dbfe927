package app.ombud.directory.ui;

import app.ombud.platform.Role;
import com.vaadin.flow.component.Component;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.stream.Collectors;

/** Display texts shared by the directory views. */
final class Labels {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Labels() {
    }

    static String roles(Component component, Collection<Role> roles) {
        return roles.stream().sorted().map(r -> component.getTranslation(r.labelKey()))
                .collect(Collectors.joining(component.getTranslation("directory.list.separator")));
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(ZONE));
    }
}
