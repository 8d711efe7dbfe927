package app.ombud.directory.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.ombud.directory.AccountService;
import app.ombud.directory.Department;
import app.ombud.directory.DepartmentInput;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonFilter;
import app.ombud.directory.PersonInput;
import app.ombud.directory.TeamInput;
import app.ombud.platform.PortalUser;
import app.ombud.platform.Role;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The directory's portal views driven without a browser, inside the one shared test context
 * ({@code SpringBrowserlessTest} adds only a test execution listener, which is not part of the
 * context cache key, so no second context is started).
 */
@OmbudIntegrationTest
class DirectoryViewsTest extends SpringBrowserlessTest {

    @Autowired
    DirectoryService directory;

    @Autowired
    AccountService accounts;

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void peopleGridShowsACreatedPerson() {
        String employeeId = uniqueId();
        TestData.asAdmin(() -> directory.createPerson(person(employeeId, "张三")));
        logIn("test-admin", false, Role.ADMIN);

        navigate(PeopleView.class);
        test($(TextField.class).id("people-filter-text")).setValue(employeeId);

        var grid = test(peopleGrid());
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, 0)).isEqualTo(employeeId);
        assertThat(grid.getCellText(0, 1)).isEqualTo("张三");
        assertThat(grid.getCellText(0, 4)).isEqualTo(UI.getCurrent().getTranslation("role.AGENT"));
    }

    @Test
    void creatingAPersonThroughTheDialogWritesIt() {
        String employeeId = uniqueId();
        logIn("test-admin", false, Role.ADMIN);
        navigate(PeopleView.class);

        test($(Button.class).id("people-create")).click();
        test($(TextField.class).id("person-employeeId")).setValue(employeeId);
        test($(TextField.class).id("person-name")).setValue("李四");
        test($(Button.class).id("person-save")).click();

        var saved = directory.personByEmployeeId(employeeId);
        assertThat(saved).hasValueSatisfying(p -> {
            assertThat(p.name()).isEqualTo("李四");
            assertThat(p.active()).isTrue();
        });
        assertThat($(TextField.class).withId("person-employeeId").exists()).as("dialog closed").isFalse();
    }

    @Test
    void aDuplicateEmployeeIdIsShownOnTheFieldAndNothingIsWritten() {
        String employeeId = uniqueId();
        TestData.asAdmin(() -> directory.createPerson(person(employeeId, "王五")));
        logIn("test-admin", false, Role.ADMIN);
        navigate(PeopleView.class);

        test($(Button.class).id("people-create")).click();
        var field = $(TextField.class).id("person-employeeId");
        test(field).setValue(employeeId);
        test($(TextField.class).id("person-name")).setValue("赵六");
        test($(Button.class).id("person-save")).click();

        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage())
                .isEqualTo(UI.getCurrent().getTranslation("error.EMPLOYEE_ID_TAKEN", employeeId));
        assertThat(directory.countPeople(new PersonFilter(employeeId, null, null, null, null))).isEqualTo(1);
        assertThat(directory.personByEmployeeId(employeeId)).hasValueSatisfying(p ->
                assertThat(p.name()).isEqualTo("王五"));
    }

    @Test
    void savingOverSomeoneElsesChangeShowsTheConflict() {
        String employeeId = uniqueId();
        var created = TestData.asAdmin(() -> directory.createPerson(person(employeeId, "钱一")));
        logIn("test-admin", false, Role.ADMIN);
        navigate(PeopleView.class);
        test($(TextField.class).id("people-filter-text")).setValue(employeeId);
        var actions = (HorizontalLayout) test(peopleGrid()).getCellComponent(0, 7);
        test((Button) actions.getComponentAt(0)).click();

        // meanwhile another admin renames the person
        TestData.asAdmin(() -> directory.updatePerson(created.id(),
                new PersonInput(employeeId, "钱二", null, null, Set.of(Role.AGENT), true, null, null),
                created.version()));
        test($(TextField.class).id("person-name")).setValue("钱三");
        test($(Button.class).id("person-save")).click();

        assertThat(test($(Notification.class).last()).getText())
                .isEqualTo(UI.getCurrent().getTranslation("error.CONCURRENT_UPDATE"));
        assertThat(directory.personByEmployeeId(employeeId)).hasValueSatisfying(p ->
                assertThat(p.name()).isEqualTo("钱二"));
        assertThat($(TextField.class).withId("person-name").exists()).as("dialog stays open").isTrue();
    }

    @Test
    void aDepartmentIsCreatedThroughTheDialog() {
        String name = "部门-" + uniqueId();
        logIn("test-admin", false, Role.ADMIN);
        navigate(DepartmentsView.class);

        test($(Button.class).id("departments-create")).click();
        test($(TextField.class).id("department-name")).setValue(name);
        test($(Button.class).id("department-save")).click();

        assertThat(directory.allDepartments()).extracting(Department::name).contains(name);
    }

    @Test
    void deletingADepartmentInUseShowsWhyAndKeepsIt() {
        String name = "在用部门-" + uniqueId();
        var department = TestData.asAdmin(() -> {
            var created = directory.createDepartment(new DepartmentInput(null, name, null, null));
            directory.createTeam(new TeamInput("一组", created.id(), null));
            return created;
        });
        logIn("test-admin", false, Role.ADMIN);
        navigate(DepartmentsView.class);

        @SuppressWarnings("unchecked")
        Grid<Department> grid = $(Grid.class).single();
        var tester = test(grid);
        int row = -1;
        for (int i = 0; i < tester.size(); i++) {
            if (tester.getRow(i).id().equals(department.id())) {
                row = i;
                break;
            }
        }
        assertThat(row).as("row of the department").isNotNegative();
        var actions = (HorizontalLayout) tester.getCellComponent(row, 4);
        test((Button) actions.getComponentAt(1)).click();
        test($(ConfirmDialog.class).last()).confirm();

        assertThat(test($(Notification.class).last()).getText())
                .isEqualTo(UI.getCurrent().getTranslation("error.DEPARTMENT_IN_USE", name));
        assertThat(directory.allDepartments()).extracting(Department::id).contains(department.id());
    }

    @Test
    void aWrongCurrentPasswordIsShownOnThatField() {
        String employeeId = uniqueId();
        TestData.asAdmin(() -> {
            var person = directory.createPerson(person(employeeId, "孙七"));
            accounts.resetPassword(person.id(), person.version());
        });
        logIn(employeeId, true, Role.AGENT);

        navigate(MyAccountView.class);
        assertThat($(com.vaadin.flow.component.html.Div.class).id("account-must-change").isVisible()).isTrue();
        test($(PasswordField.class).id("account-current")).setValue("not-the-password-1");
        test($(PasswordField.class).id("account-new")).setValue("Brand-new-2026");
        test($(PasswordField.class).id("account-repeat")).setValue("Brand-new-2026");
        test($(Button.class).id("account-change")).click();

        var current = $(PasswordField.class).id("account-current");
        assertThat(current.isInvalid()).isTrue();
        assertThat(current.getErrorMessage()).isEqualTo(UI.getCurrent().getTranslation("error.PASSWORD_WRONG"));
        assertThat($(PasswordField.class).id("account-new").isInvalid()).isFalse();
    }

    @Test
    void aSuccessfulPasswordChangeEndsTheForcedChange() {
        String employeeId = uniqueId();
        String oneTime = TestData.asAdmin(() -> {
            var person = directory.createPerson(person(employeeId, "周八"));
            return accounts.resetPassword(person.id(), person.version());
        });
        logIn(employeeId, true, Role.AGENT);

        navigate(MyAccountView.class);
        test($(PasswordField.class).id("account-current")).setValue(oneTime);
        test($(PasswordField.class).id("account-new")).setValue("Brand-new-2026");
        test($(PasswordField.class).id("account-repeat")).setValue("Brand-new-2026");
        test($(Button.class).id("account-change")).click();

        assertThat(SecurityContextHolder.getContext().getAuthentication().getPrincipal())
                .isInstanceOfSatisfying(PortalUser.class, user -> {
                    assertThat(user.getUsername()).isEqualTo(employeeId);
                    assertThat(user.passwordChangeRequired()).isFalse();
                });
        assertThat(getCurrentView()).isNotInstanceOf(MyAccountView.class);
    }

    @Test
    void anImportWithAnErrorRowCannotBeApplied() {
        String employeeId = uniqueId();
        logIn("test-admin", false, Role.ADMIN);
        var view = navigate(PeopleImportView.class);

        String csv = "employee_id,name,department,team,roles,active,phone,email\n"
                + employeeId + ",吴九,,,NO_SUCH_ROLE,true,,\n";
        view.check(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        var report = test(view.report);
        assertThat(report.size()).isEqualTo(1);
        assertThat(report.getCellText(0, 2))
                .isEqualTo(UI.getCurrent().getTranslation("error.CSV_UNKNOWN_ROLE", "NO_SUCH_ROLE"));
        assertThat(view.apply.isEnabled()).isFalse();
        assertThat(directory.personByEmployeeId(employeeId)).isEmpty();
    }

    @Test
    void aCleanImportIsAppliedOnlyWhenImportIsPressed() {
        String employeeId = uniqueId();
        logIn("test-admin", false, Role.ADMIN);
        var view = navigate(PeopleImportView.class);

        String csv = "employee_id,name,department,team,roles,active,phone,email\n"
                + employeeId + ",郑十,,,AGENT,true,,\n";
        view.check(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(directory.personByEmployeeId(employeeId)).as("dry run writes nothing").isEmpty();
        assertThat(test(view.report).getCellText(0, 2))
                .isEqualTo(UI.getCurrent().getTranslation("import.outcome.CREATE"));

        test(view.apply).click();

        assertThat(directory.personByEmployeeId(employeeId)).hasValueSatisfying(p ->
                assertThat(p.name()).isEqualTo("郑十"));
        assertThat(view.apply.isEnabled()).isFalse();
    }

    @Test
    void differentRepeatedPasswordsAreCaughtInTheForm() {
        logIn("test-admin", false, Role.ADMIN);
        navigate(MyAccountView.class);
        test($(PasswordField.class).id("account-current")).setValue("whatever-1");
        test($(PasswordField.class).id("account-new")).setValue("Brand-new-2026");
        test($(PasswordField.class).id("account-repeat")).setValue("Brand-new-2027");
        test($(Button.class).id("account-change")).click();

        var repeat = $(PasswordField.class).id("account-repeat");
        assertThat(repeat.isInvalid()).isTrue();
        assertThat(repeat.getErrorMessage()).isEqualTo(UI.getCurrent().getTranslation("account.mismatch"));
    }

    @Test
    void aNonAdminCannotOpenThePeopleView() {
        logIn("agent-" + uniqueId(), false, Role.AGENT);

        Throwable refused = catchThrowable(() -> navigate(PeopleView.class));

        assertThat(getCurrentView()).as("view after navigating (%s)", refused).isNotInstanceOf(PeopleView.class);
    }

    @SuppressWarnings("unchecked")
    private Grid<app.ombud.directory.Person> peopleGrid() {
        return $(Grid.class).single();
    }

    private static PersonInput person(String employeeId, String name) {
        return new PersonInput(employeeId, name, null, null, Set.of(Role.AGENT), true, null, null);
    }

    private static String uniqueId() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static void logIn(String employeeId, boolean mustChangePassword, Role... roles) {
        var authorities = Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        var user = new PortalUser(employeeId, "", true, true, authorities, employeeId, employeeId,
                mustChangePassword);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
        SecurityContextHolder.setContext(context);
    }
}
