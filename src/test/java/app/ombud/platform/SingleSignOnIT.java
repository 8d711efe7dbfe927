package app.ombud.platform;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.support.BrowserTest;
import app.ombud.support.CompanyIdp;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on to the portal in Chromium, through a company IdP (mock-oauth2-server with its
 * sign-in page, where the test types a subject and the {@code employee_id} claim). Its own JVM
 * (failsafe): the shared test context has no IdP.
 */
@OmbudIntegrationTest
class SingleSignOnIT extends BrowserTest {

    private static final CompanyIdp IDP = CompanyIdp.withLoginPage("company");

    @DynamicPropertySource
    static void companyIdp(DynamicPropertyRegistry registry) {
        IDP.configurePortalLogin(registry);
    }

    @AfterAll
    static void stopIdp() {
        IDP.shutdown();
    }

    @Autowired
    DirectoryService directory;

    @Autowired
    AuditTrail audit;

    @Test
    void aPersonOfTheDirectorySignsInWithTheCompanyAccountHasTheirDirectoryRolesAndSignsOutAgain() {
        String employeeId = newPerson("单点坐席", true);

        signInAtTheIdp("li.lei", employeeId);

        page.waitForURL(url -> url.startsWith(api.baseUrl()) && !url.contains("/login"));
        assertThat(page.locator(".ombud-user")).containsText("单点坐席");
        assertThat(page.locator(".ombud-home p").first()).containsText("坐席");
        assertThat(page.locator(".ombud-home p").first()).not().containsText("管理员");
        screenshot("sso-home-zh-CN.png");
        var signedIn = TestData.asAdmin(() -> audit.page(new AuditTrail.Filter("auth.login", employeeId, null, null,
                null), ScrollPosition.keyset(), 5).getContent());
        assertThat(signedIn).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("auth.login");
            assertThat(entry.details()).containsEntry("method", "sso");
        });

        page.locator("#logout").click();
        page.waitForURL(Pattern.compile(".*/login$"));
        page.navigate(api.baseUrl() + "/cases");
        page.waitForURL(Pattern.compile(".*/login$"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
    }

    @Test
    void someoneTheDirectoryDoesNotKnowIsRefusedWithAClearPage() {
        signInAtTheIdp("stranger", "NOBODY-" + Long.toHexString(System.nanoTime()));

        page.waitForURL(Pattern.compile(".*/login\\?sso=unknown-person$"));
        assertThat(page.getByText("人员目录中没有您的工号")).isVisible();
        screenshot("sso-refused-zh-CN.png");
        page.navigate(api.baseUrl() + "/cases");
        page.waitForURL(Pattern.compile(".*/login$"));
    }

    @Test
    void aDeactivatedPersonIsRefused() {
        String employeeId = newPerson("已停用", false);

        signInAtTheIdp("gone", employeeId);

        page.waitForURL(Pattern.compile(".*/login\\?sso=inactive-person$"));
        assertThat(page.getByText("您在 Ombud 中的人员记录已停用")).isVisible();
        var refused = TestData.asAdmin(() -> audit.page(new AuditTrail.Filter("auth.login-failed", employeeId, null,
                null, null), ScrollPosition.keyset(), 5).getContent());
        assertThat(refused).singleElement().satisfies(entry -> assertThat(entry.details())
                .containsEntry("reason", "inactive-person").containsEntry("method", "sso"));
    }

    /** Decided: the password form stays beside the company account, for the first admin and break-glass logins. */
    @Test
    void theLocalFormStaysBesideSingleSignOn() {
        signIn("admin", TestData.ADMIN_PASSWORD);

        page.waitForURL(url -> !url.contains("/login"));
        assertThat(page.locator(".ombud-brand")).isVisible();
    }

    private void signInAtTheIdp(String subject, String employeeId) {
        page.navigate(api.baseUrl() + "/login");
        page.locator("#sso-login").click();
        page.waitForURL(url -> !url.startsWith(api.baseUrl()));
        page.locator("input[name='username']").fill(subject);
        page.locator("textarea[name='claims']").fill("{\"employee_id\": \"" + employeeId + "\", \"name\": \"IdP Name\"}");
        page.locator("input[type='submit']").click();
    }

    private String newPerson(String name, boolean active) {
        String employeeId = "SSO" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        TestData.asAdmin(() -> directory.createPerson(new PersonInput(employeeId, name, null, null,
                Set.of(Role.AGENT), active, null, null)));
        return employeeId;
    }
}
