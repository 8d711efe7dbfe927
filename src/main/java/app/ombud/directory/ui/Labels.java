package app.ombud.directory.ui;

import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.Role;
import com.vaadin.flow.component.Component;
import java.time.Instant;
import java.util.Collection;
import java.util.stream.Collectors;

/** Display texts shared by the directory views. */
final class Labels {


    private Labels() {
    }

    static String roles(Component component, Collection<Role> roles) {
        return roles.stream().sorted().map(r -> component.getTranslation(r.labelKey()))
                .collect(Collectors.joining(component.getTranslation("directory.list.separator")));
    }

    static String time(Instant instant) {
        return CompanyTime.minute(instant);
    }
}
