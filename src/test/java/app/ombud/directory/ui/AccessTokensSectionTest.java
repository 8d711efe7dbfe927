package app.ombud.directory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.AccountService;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.platform.PersonalAccessTokens;
import app.ombud.platform.PersonalAccessTokens.PersonalAccessToken;
import app.ombud.platform.PortalUser;
import app.ombud.platform.Role;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** "My account": a person's personal access tokens, made, shown once, listed and revoked in the portal. */
@OmbudIntegrationTest
class AccessTokensSectionTest extends SpringBrowserlessTest {

    @Autowired
    DirectoryService directory;

    @Autowired
    AccountService accounts;

    @Autowired
    PersonalAccessTokens tokens;

    @Autowired
    ApiAccess api;

    String employeeId;

    @BeforeEach
    void person() {
        employeeId = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TestData.asAdmin(() -> directory.createPerson(new PersonInput(employeeId, "王芳", null, null,
                Set.of(Role.AGENT, Role.TEAM_LEAD), true, null, null)));
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aNewTokenIsShownOnceWithACopyButtonWorksOnTheApiAndIsListedWithoutIt() {
        logIn(false, Role.AGENT, Role.TEAM_LEAD);
        navigate(MyAccountView.class);

        test($(Button.class).id("pat-create")).click();
        test($(TextField.class).id("pat-name")).setValue("Nightly export");
        rolePicker().setValue(Set.of(Role.AGENT));
        test($(Button.class).id("pat-save")).click();

        String secret = $(Div.class).id("pat-secret").getText();
        assertThat(secret).startsWith("ombud_pat_");
        assertThat($(Button.class).id("pat-copy").isVisible()).isTrue();
        assertThat($(Div.class).id("pat-header").getText()).isEqualTo("Authorization: Bearer " + secret);
        api.withToken(secret).document("{ me { employeeId roles } }").execute()
                .path("me.employeeId").entity(String.class).isEqualTo(employeeId)
                .path("me.roles").entityList(String.class).containsExactly("AGENT");

        test($(Button.class).id("pat-close")).click();
        assertThat($(Div.class).withId("pat-secret").exists()).as("gone once the dialog is closed").isFalse();

        var grid = test(tokenGrid());
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, grid.getColumnPosition("name"))).isEqualTo("Nightly export");
        assertThat(grid.getCellText(0, grid.getColumnPosition("roles")))
                .isEqualTo(UI.getCurrent().getTranslation("role.AGENT"));
        assertThat(grid.getCellText(0, grid.getColumnPosition("status")))
                .isEqualTo(UI.getCurrent().getTranslation("account.tokens.status.ACTIVE"));
        for (int column = 0; column < 6; column++) {
            assertThat(grid.getCellText(0, column)).doesNotContain(secret.substring(10));
        }
    }

    @Test
    void onlyTheOwnRolesAndLifetimesUpToTheLongestAreOffered() {
        logIn(false, Role.AGENT, Role.TEAM_LEAD);
        navigate(MyAccountView.class);
        test($(Button.class).id("pat-create")).click();

        assertThat(test(rolePicker()).getSuggestionItems()).containsExactly(Role.AGENT, Role.TEAM_LEAD);
        @SuppressWarnings("unchecked")
        Select<Integer> lifetime = $(Select.class).id("pat-lifetime");
        assertThat(test(lifetime).getSuggestionItems()).containsExactly(7, 30, 60, 90);
        assertThat(lifetime.getValue()).isEqualTo(30);
    }

    @Test
    void aMissingNameIsShownOnTheNameField() {
        logIn(false, Role.AGENT);
        navigate(MyAccountView.class);
        test($(Button.class).id("pat-create")).click();
        rolePicker().setValue(Set.of(Role.AGENT));
        test($(Button.class).id("pat-save")).click();

        TextField name = $(TextField.class).id("pat-name");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo(UI.getCurrent().getTranslation("error.REQUIRED", "name"));
        assertThat($(Div.class).withId("pat-secret").exists()).isFalse();
        assertThat(mine()).isEmpty();
    }

    @Test
    void revokingAsksFirstThenTheTokenIsRefused() {
        logIn(false, Role.AGENT);
        var issued = tokens.create("Old script", java.time.Instant.now().plus(java.time.Duration.ofDays(7)),
                Set.of(Role.AGENT));
        navigate(MyAccountView.class);

        var grid = test(tokenGrid());
        var revoke = $(Button.class, grid.getCellComponent(0, "actions")).id("pat-revoke-" + issued.token().id());
        test(revoke).click();
        test($(ConfirmDialog.class).last()).cancel();
        assertThat(status(issued.secret())).isEqualTo(200);

        test(revoke).click();
        test($(ConfirmDialog.class).last()).confirm();

        assertThat(status(issued.secret())).isEqualTo(401);
        assertThat(grid.getCellText(0, grid.getColumnPosition("status")))
                .isEqualTo(UI.getCurrent().getTranslation("account.tokens.status.REVOKED"));
        assertThat($(Button.class, grid.getCellComponent(0, "actions")).withId("pat-revoke-" + issued.token().id())
                .exists()).as("nothing left to revoke").isFalse();
    }

    @Test
    void someoneOnAOneTimePasswordMakesNoTokenUntilTheyChooseTheirOwn() {
        TestData.asAdmin(() -> {
            var person = directory.personByEmployeeId(employeeId).orElseThrow();
            return accounts.resetPassword(person.id(), person.version());
        });
        logIn(true, Role.AGENT);
        navigate(MyAccountView.class);
        test($(Button.class).id("pat-create")).click();
        test($(TextField.class).id("pat-name")).setValue("Before my own password");
        rolePicker().setValue(Set.of(Role.AGENT));
        test($(Button.class).id("pat-save")).click();

        assertThat(test($(Notification.class).last()).getText())
                .isEqualTo(UI.getCurrent().getTranslation("error.PASSWORD_CHANGE_REQUIRED"));
        assertThat(mine()).isEmpty();
    }

    private java.util.List<PersonalAccessToken> mine() {
        return TestData.as(employeeId, () -> tokens.mine(), Role.AGENT);
    }

    private int status(String token) {
        return api.http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + token).bodyValue(Map.of("query", "{ me { subject } }"))
                .exchange().returnResult(String.class).getStatus().value();
    }

    @SuppressWarnings("unchecked")
    private MultiSelectComboBox<Role> rolePicker() {
        return $(MultiSelectComboBox.class).id("pat-roles");
    }

    @SuppressWarnings("unchecked")
    private Grid<PersonalAccessToken> tokenGrid() {
        return $(Grid.class).id("pat-grid");
    }

    private void logIn(boolean mustChangePassword, Role... roles) {
        var authorities = Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        var user = new PortalUser(employeeId, "", true, true, authorities, "王芳", employeeId, mustChangePassword);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
    }
}
