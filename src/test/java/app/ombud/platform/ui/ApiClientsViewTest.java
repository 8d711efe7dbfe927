package app.ombud.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.platform.Role;
import app.ombud.platform.security.ApiClient;
import app.ombud.platform.security.ApiClientService;
import app.ombud.platform.security.ApiClientType;
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
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.security.test.context.support.WithUserDetails;

@OmbudIntegrationTest
@WithUserDetails("admin")
class ApiClientsViewTest extends SpringBrowserlessTest {

    @Autowired
    ApiClientService clients;

    @Autowired
    ApiAccess api;

    @Test
    void creatingAClientShowsItsWorkingSecretOnceAndListsTheClient() {
        String id = "bi-view-" + Long.toHexString(System.nanoTime());
        navigate(ApiClientsView.class);

        test($(Button.class).id("create-client")).click();
        test($(TextField.class).id("client-id")).setValue(id);
        test($(TextField.class).id("client-name")).setValue("Monthly report tool");
        test($(Button.class).id("create-save")).click();

        String secret = $(Div.class).id("client-secret").getText();
        assertThat(secret).hasSizeGreaterThan(30);
        assertThat($(Div.class).id("client-secret").getClassNames()).contains("ombud-secret");
        assertThat($(Div.class).id("client-curl").getText())
                .startsWith("curl -u " + id + ":" + secret + " -d grant_type=client_credentials http")
                .endsWith("/oauth2/token");
        assertThat(api.fetchToken(id, secret)).isNotBlank();

        test($(Button.class).id("secret-close")).click();
        assertThat($(Div.class).withId("client-secret").exists()).isFalse();

        var grid = test(gridOfClients());
        var row = IntStream.range(0, grid.size()).mapToObj(grid::getRow)
                .filter(client -> client.clientId().equals(id)).findFirst().orElseThrow();
        assertThat(row.name()).isEqualTo("Monthly report tool");
        assertThat(row.roles()).containsExactly(Role.BI_READER);
        int index = IntStream.range(0, grid.size()).filter(i -> grid.getRow(i).clientId().equals(id))
                .findFirst().orElseThrow();
        assertThat(grid.getCellText(index, grid.getColumnPosition("roles")))
                .isEqualTo(UI.getCurrent().getTranslation("role.BI_READER"));
    }

    @Test
    void aPublicClientIsCreatedWithRedirectUrisAndNoSecretOrRoles() {
        String id = "tool-view-" + Long.toHexString(System.nanoTime());
        navigate(ApiClientsView.class);

        test($(Button.class).id("create-client")).click();
        test($(TextField.class).id("client-id")).setValue(id);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<ApiClientType> type = $(RadioButtonGroup.class).id("client-type");
        type.setValue(ApiClientType.PUBLIC);
        assertThat($(MultiSelectComboBox.class).withId("client-roles").exists()).as("no roles of its own").isFalse();
        test($(TextArea.class).id("client-redirect-uris")).setValue("http://127.0.0.1/callback\n\nhttps://tool.example.com/cb");
        test($(Button.class).id("create-save")).click();

        assertThat($(Div.class).withId("client-secret").exists()).isFalse();
        assertThat($(Div.class).id("client-endpoints").getText()).contains("/oauth2/authorize?response_type=code&client_id="
                + id).contains("code_challenge_method=S256").contains("/oauth2/token");
        var stored = TestData.asAdmin(() -> clients.get(id));
        assertThat(stored.type()).isEqualTo(ApiClientType.PUBLIC);
        assertThat(stored.roles()).isEmpty();
        assertThat(stored.redirectUris()).containsExactly("http://127.0.0.1/callback", "https://tool.example.com/cb");
        test($(Button.class).id("public-close")).click();

        var grid = test(gridOfClients());
        int index = IntStream.range(0, grid.size()).filter(i -> grid.getRow(i).clientId().equals(id))
                .findFirst().orElseThrow();
        assertThat(grid.getCellText(index, grid.getColumnPosition("type")))
                .isEqualTo(UI.getCurrent().getTranslation("apiclients.type.PUBLIC"));
        assertThat(grid.getCellText(index, grid.getColumnPosition("roles")))
                .isEqualTo(UI.getCurrent().getTranslation("apiclients.roles.person"));
        assertThat($(Button.class, grid.getCellComponent(index, "actions")).withId("rotate-" + id).exists())
                .as("no secret to rotate").isFalse();
    }

    @Test
    void aRedirectThatCouldLeakTheCodeIsShownOnTheRedirectField() {
        navigate(ApiClientsView.class);

        test($(Button.class).id("create-client")).click();
        test($(TextField.class).id("client-id")).setValue("tool-bad-" + Long.toHexString(System.nanoTime()));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<ApiClientType> type = $(RadioButtonGroup.class).id("client-type");
        type.setValue(ApiClientType.PUBLIC);
        test($(TextArea.class).id("client-redirect-uris")).setValue("http://localhost:8080/callback");
        test($(Button.class).id("create-save")).click();

        TextArea redirects = $(TextArea.class).id("client-redirect-uris");
        assertThat(redirects.isInvalid()).isTrue();
        assertThat(redirects.getErrorMessage()).isEqualTo(UI.getCurrent()
                .getTranslation("error.CLIENT_REDIRECT_URI_INVALID", "http://localhost:8080/callback"));
    }

    @Test
    void theGridShowsEveryClientFromTheFirstOne() {
        TestData.asAdmin(() -> clients.create("aaa-first-" + Long.toHexString(System.nanoTime()), "first",
                EnumSet.of(Role.BI_READER)));
        Set<String> stored = TestData.asAdmin(() -> clients.page(ScrollPosition.offset(), 1000).stream()
                .map(ApiClient::clientId).collect(Collectors.toSet()));
        navigate(ApiClientsView.class);

        var grid = test(gridOfClients());
        Set<String> shown = new HashSet<>();
        IntStream.range(0, grid.size()).forEach(i -> shown.add(grid.getRow(i).clientId()));
        assertThat(shown).isEqualTo(stored);
    }

    @Test
    void aTakenClientIdIsShownOnTheIdField() {
        String id = "bi-taken-" + Long.toHexString(System.nanoTime());
        TestData.asAdmin(() -> clients.create(id, "first", EnumSet.of(Role.BI_READER)));
        navigate(ApiClientsView.class);

        test($(Button.class).id("create-client")).click();
        test($(TextField.class).id("client-id")).setValue(id);
        test($(Button.class).id("create-save")).click();

        TextField clientId = $(TextField.class).id("client-id");
        assertThat(clientId.isInvalid()).isTrue();
        assertThat(clientId.getErrorMessage())
                .isEqualTo(UI.getCurrent().getTranslation("error.CLIENT_ID_TAKEN", id));
        assertThat($(Div.class).withId("client-secret").exists()).isFalse();
    }

    @Test
    void aBadClientIdIsShownOnTheIdField() {
        navigate(ApiClientsView.class);

        test($(Button.class).id("create-client")).click();
        test($(TextField.class).id("client-id")).setValue("no spaces allowed");
        test($(Button.class).id("create-save")).click();

        TextField clientId = $(TextField.class).id("client-id");
        assertThat(clientId.isInvalid()).isTrue();
        assertThat(clientId.getErrorMessage()).isEqualTo(UI.getCurrent().getTranslation("error.CLIENT_ID_INVALID"));
    }

    @Test
    void anEditAfterSomeoneElseChangedTheClientIsRefusedWithATranslatedMessage() {
        String id = "bi-edit-" + Long.toHexString(System.nanoTime());
        TestData.asAdmin(() -> clients.create(id, "before", EnumSet.of(Role.BI_READER)));
        navigate(ApiClientsView.class);

        test(action(id, "edit-")).click();
        TestData.asAdmin(() -> clients.update(id, "changed meanwhile", EnumSet.of(Role.BI_READER), null));
        test($(TextField.class).id("client-name")).setValue("mine");
        test($(Button.class).id("edit-save")).click();

        assertThat(test($(Notification.class).last()).getText())
                .isEqualTo(UI.getCurrent().getTranslation("error.CONCURRENT_UPDATE"));
        assertThat(TestData.asAdmin(() -> clients.get(id)).name()).isEqualTo("changed meanwhile");
    }

    @Test
    void disablingAsksFirstThenStopsTheClient() {
        String id = "bi-off-" + Long.toHexString(System.nanoTime());
        TestData.asAdmin(() -> clients.create(id, "to switch off", EnumSet.of(Role.BI_READER)));
        navigate(ApiClientsView.class);

        test(action(id, "toggle-")).click();
        var confirm = test($(ConfirmDialog.class).last());
        assertThat(confirm.getHeader()).contains(id);
        confirm.cancel();
        assertThat(TestData.asAdmin(() -> clients.get(id)).enabled()).isTrue();

        test(action(id, "toggle-")).click();
        test($(ConfirmDialog.class).last()).confirm();
        assertThat(TestData.asAdmin(() -> clients.get(id)).enabled()).isFalse();
    }

    /** A button of the client's row (rows are rendered lazily, so look inside the row's cell). */
    private Button action(String clientId, String idPrefix) {
        var grid = test(gridOfClients());
        int row = IntStream.range(0, grid.size()).filter(i -> grid.getRow(i).clientId().equals(clientId))
                .findFirst().orElseThrow();
        return $(Button.class, grid.getCellComponent(row, "actions")).id(idPrefix + clientId);
    }

    @SuppressWarnings("unchecked")
    private Grid<ApiClient> gridOfClients() {
        return $(Grid.class).id("api-clients");
    }
}
