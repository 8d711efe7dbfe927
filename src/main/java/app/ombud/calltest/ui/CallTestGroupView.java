package app.ombud.calltest.ui;

import app.ombud.calltest.CallTestGroup;
import app.ombud.calltest.CallTestGroups;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.directory.PersonFilter;
import app.ombud.platform.Role;
import app.ombud.platform.ui.StepDialogs;
import app.ombud.platform.ui.SubmitButton;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.ScrollPosition;

/** The management group (拨测 › 管理小组): an admin names the lead and the members among the CALLTEST_STAFF people. */
@Route("calltest/group")
@Menu(title = "nav.calltest.group", order = 42, icon = "vaadin:group")
@RolesAllowed("ADMIN")
public class CallTestGroupView extends VerticalLayout implements HasDynamicTitle {

    final ComboBox<Person> lead = new ComboBox<>();
    final MultiSelectComboBox<Person> members = new MultiSelectComboBox<>();
    private final CallTestGroups groups;
    private CallTestGroup group;

    public CallTestGroupView(CallTestGroups groups, DirectoryService directory) {
        this.groups = groups;
        addClassName("ombud-view");
        List<Person> staff = directory.people(new PersonFilter(null, null, null, Role.CALLTEST_STAFF, true),
                ScrollPosition.keyset(), 100).getContent();
        lead.setLabel(getTranslation("calltest.group.lead"));
        lead.setItems(staff);
        lead.setItemLabelGenerator(p -> p.name() + " (" + p.employeeId() + ")");
        lead.setId("group-lead");
        members.setLabel(getTranslation("calltest.group.members"));
        members.setItems(staff);
        members.setItemLabelGenerator(p -> p.name() + " (" + p.employeeId() + ")");
        members.setId("group-members");
        var form = new FormLayout(lead, members);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        var save = SubmitButton.of(getTranslation("common.save"), "group-save", this::save);
        add(new Paragraph(getTranslation("calltest.group.help")), form, save);
        fill(groups.get());
    }

    private void fill(CallTestGroup next) {
        group = next;
        lead.setValue(lead.getListDataView().getItems().filter(p -> p.employeeId().equals(next.leadEmployeeId()))
                .findFirst().orElse(null));
        members.setValue(members.getListDataView().getItems()
                .filter(p -> next.memberEmployeeIds().contains(p.employeeId())).collect(Collectors.toSet()));
    }

    private void save() {
        StepDialogs.run(() -> {
            var saved = groups.set(lead.getValue() == null ? null : lead.getValue().employeeId(),
                    members.getValue().stream().map(Person::employeeId).sorted().toList(), group.version());
            return saved;
        }, null, () -> fill(groups.get()), Map.of("leadEmployeeId", lead, "memberEmployeeIds", members));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.calltest.group");
    }
}
