package app.ombud.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.platform.security.ApiClientService;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Every platform mutation is ADMIN only: FORBIDDEN (and no change) for others, done for ADMIN. */
@OmbudIntegrationTest
class ApiClientMutationRolesTest {

    private static final String CREATE = """
            mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { client { clientId } secret } }""";
    private static final String UPDATE = """
            mutation($input: UpdateApiClientInput!) { updateApiClient(input: $input) { client { clientId name roles } } }""";
    private static final String ENABLE = """
            mutation($input: SetApiClientEnabledInput!) { setApiClientEnabled(input: $input) { client { enabled } } }""";
    private static final String CREATE_PUBLIC = """
            mutation($input: CreatePublicApiClientInput!) { createPublicApiClient(input: $input) { client { clientId type } } }""";
    private static final String UPDATE_PUBLIC = """
            mutation($input: UpdatePublicApiClientInput!) { updatePublicApiClient(input: $input) { client { redirectUris } } }""";
    private static final String ROTATE = """
            mutation($input: RotateApiClientSecretInput!) { rotateApiClientSecret(input: $input) { client { clientId } secret } }""";

    @Autowired
    ApiAccess api;

    @Autowired
    ApiClientService clients;

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"AGENT", "BI_READER"})
    void everyClientMutationIsForbiddenWithoutAdmin(Role role) {
        var target = api.newClient(EnumSet.of(Role.BI_READER)).client();
        String id = target.clientId();
        HttpGraphQlTester caller = api.as(role);

        assertForbidden(caller, CREATE, Map.of("clientId", id + "-new", "roles", new String[] {"ADMIN"}));
        assertForbidden(caller, UPDATE, Map.of("clientId", id, "name", "hijacked", "roles", new String[] {"ADMIN"}));
        assertForbidden(caller, ENABLE, Map.of("clientId", id, "enabled", false));
        assertForbidden(caller, ROTATE, Map.of("clientId", id));
        assertForbidden(caller, CREATE_PUBLIC, Map.of("clientId", id + "-new", "redirectUris",
                new String[] {"http://127.0.0.1/callback"}));
        assertForbidden(caller, UPDATE_PUBLIC, Map.of("clientId", "ombud-cli", "redirectUris",
                new String[] {"https://evil.example/callback"}));
        assertThat(TestData.asAdmin(() -> clients.get("ombud-cli")).redirectUris())
                .doesNotContain("https://evil.example/callback");

        var after = TestData.asAdmin(() -> clients.get(id));
        assertThat(after.name()).isNotEqualTo("hijacked");
        assertThat(after.roles()).containsExactly(Role.BI_READER);
        assertThat(after.enabled()).isTrue();
        assertThat(after.version()).isEqualTo(target.version());
        assertThatThrownBy(() -> TestData.asAdmin(() -> clients.get(id + "-new")))
                .isInstanceOfSatisfying(OmbudException.class, e -> assertThat(e.code()).isEqualTo("CLIENT_NOT_FOUND"));
    }

    @Test
    void anAdminMayDoEachOfThem() {
        HttpGraphQlTester admin = api.as(Role.ADMIN);
        String id = "roles-check-" + Long.toHexString(System.nanoTime());

        admin.document(CREATE).variable("input", Map.of("clientId", id, "roles", new String[] {"BI_READER"}))
                .execute().path("createApiClient.secret").entity(String.class).satisfies(s -> assertThat(s).hasSizeGreaterThan(20));
        admin.document(UPDATE).variable("input", Map.of("clientId", id, "name", "KPI board", "roles",
                        new String[] {"BI_READER", "AGENT"}))
                .execute().path("updateApiClient.client.name").entity(String.class).isEqualTo("KPI board");
        admin.document(ENABLE).variable("input", Map.of("clientId", id, "enabled", false))
                .execute().path("setApiClientEnabled.client.enabled").entity(Boolean.class).isEqualTo(false);
        admin.document(ROTATE).variable("input", Map.of("clientId", id))
                .execute().path("rotateApiClientSecret.client.clientId").entity(String.class).isEqualTo(id);
        admin.document(CREATE_PUBLIC).variable("input", Map.of("clientId", id + "-cli", "redirectUris",
                        new String[] {"http://127.0.0.1/callback"}))
                .execute().path("createPublicApiClient.client.type").entity(String.class).isEqualTo("PUBLIC");
        admin.document(UPDATE_PUBLIC).variable("input", Map.of("clientId", id + "-cli", "redirectUris",
                        new String[] {"http://[::1]/done"}))
                .execute().path("updatePublicApiClient.client.redirectUris").entityList(String.class)
                .containsExactly("http://[::1]/done");
    }

    private static void assertForbidden(HttpGraphQlTester caller, String mutation, Map<String, Object> input) {
        caller.document(mutation).variable("input", input).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
    }
}
