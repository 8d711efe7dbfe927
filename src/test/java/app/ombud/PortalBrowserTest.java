package app.ombud;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.platform.Role;
import app.ombud.support.BrowserTest;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import com.microsoft.playwright.Locator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * End to end in Debian's Chromium: sign in to the portal in Chinese and open a list page. Skips
 * where no Chromium is installed.
 */
@OmbudIntegrationTest
class PortalBrowserTest extends BrowserTest {

    /** The list page the journey opens: Directory → people. */
    static final String JOURNEY_PATH = "directory/people";
    static final String JOURNEY_MENU_LABEL_ZH = "人员";

    @Autowired
    app.ombud.directory.DirectoryService directory;

    @Test
    void anAdminSignsInAndSeesTheListInChinese() {
        String employeeId = "P" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        TestData.asAdmin(() -> directory.createPerson(new app.ombud.directory.PersonInput(employeeId, "测试坐席",
                null, null, java.util.Set.of(Role.AGENT), true, null, null)));

        signIn("admin", TestData.ADMIN_PASSWORD);
        page.waitForURL(url -> !url.contains("/login"));
        assertThat(page.locator(".ombud-brand")).containsText("客诉管理");

        page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText(JOURNEY_MENU_LABEL_ZH))
                .first().click();
        page.waitForURL(Pattern.compile(".*/" + Pattern.quote(JOURNEY_PATH) + "$"));
        Locator grid = page.locator("vaadin-grid");
        assertThat(grid).isVisible();
        page.locator("#people-filter-text input").fill(employeeId);
        assertThat(grid.getByText(employeeId).first()).isVisible();
        assertThat(grid.getByText("测试坐席").first()).isVisible();
        assertThat(page.locator(".ombud-page-title")).hasText(JOURNEY_MENU_LABEL_ZH);
        screenshot("journey-" + JOURNEY_PATH.replace('/', '-') + "-zh-CN.png");
    }

    @Test
    void anAdminCreatesAClientSeesItsSecretOnceAndFindsItInTheAuditLog() {
        String clientId = "browser-" + Long.toHexString(System.nanoTime());
        signIn("admin", TestData.ADMIN_PASSWORD);
        page.waitForURL(url -> !url.contains("/login"));
        page.navigate(api.baseUrl() + "/admin/api-clients");

        page.locator("#create-client").click();
        page.locator("#client-id input").fill(clientId);
        page.locator("#client-name input").fill("月度报表工具");
        page.locator("#create-save").click();

        Locator secret = page.locator("#client-secret");
        assertThat(secret).isVisible();
        assertThat(page.locator("#client-curl")).containsText("curl -u " + clientId + ":");
        assertThat(page.locator("#client-curl")).containsText(api.baseUrl() + "/oauth2/token");
        assertThat(api.fetchToken(clientId, secret.textContent().strip())).isNotBlank();
        screenshot("api-client-secret-zh-CN.png");
        page.locator("#secret-close").click();
        assertThat(secret).hasCount(0);
        assertThat(page.locator("vaadin-grid").getByText("月度报表工具")).isVisible();

        page.navigate(api.baseUrl() + "/admin/audit");
        page.locator("#audit-target input").fill(clientId);
        page.locator("#audit-search").click();
        // rows the grid no longer shows keep their old cells in the DOM, hidden: count visible ones
        Locator cells = page.locator("#audit-entries vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setVisible(true));
        assertThat(cells.getByText("ApiClient " + clientId, new Locator.GetByTextOptions().setExact(true)))
                .hasCount(2);
        assertThat(cells.getByText("client.created", new Locator.GetByTextOptions().setExact(true))).hasCount(1);
        assertThat(cells.getByText("auth.token-issued", new Locator.GetByTextOptions().setExact(true)))
                .hasCount(1);
        screenshot("audit-log-zh-CN.png");
    }

    /**
     * The Content-Security-Policy at work: a script injected into a portal page (as an XSS hole
     * would) does not run, and the browser reports it, which fails every browser test that meets
     * one ({@code BrowserTest}).
     */
    @Test
    void anInjectedInlineScriptDoesNotRunAndIsReported() {
        signIn("admin", TestData.ADMIN_PASSWORD);
        page.waitForURL(url -> !url.contains("/login"));
        assertThat(page.locator(".ombud-brand")).isVisible();

        Object ran = page.waitForConsoleMessage(new com.microsoft.playwright.Page.WaitForConsoleMessageOptions()
                        .setPredicate(message -> message.text().startsWith("CSP violation")),
                () -> assertThat(page.evaluate("""
                        () => {
                          window.injected = false;
                          const script = document.createElement('script');
                          script.textContent = 'window.injected = true';
                          document.head.appendChild(script);
                          return window.injected;
                        }""")).as("the injected script ran").isEqualTo(false));
        assertThat(ran).isNotNull();
        assertThat(takeCspViolations()).isNotEmpty().allSatisfy(violation -> assertThat(violation).contains("script-src"));
    }

    @Test
    void aWrongPasswordShowsTheLoginError() {
        signIn("admin", "definitely-not-the-password-9");

        page.waitForURL(Pattern.compile(".*/login\\?error.*"));
        Locator form = page.locator("vaadin-login-form");
        assertThat(form).hasAttribute("error", "");
        assertThat(page.getByText("登录失败")).isVisible();
        screenshot("login-error-zh-CN.png");
    }

    @Autowired
    app.ombud.directory.AccountService accounts;

    @Test
    void anAgentTakesInACaseAndFindsItInTheInbox() {
        String agent = "B" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        String password = "Agent-pass-2026";
        TestData.asAdmin(() -> {
            var person = directory.createPerson(new app.ombud.directory.PersonInput(agent, "浏览器坐席", null, null,
                    java.util.Set.of(Role.AGENT), true, null, null));
            accounts.setPasswordForDemo(person.id(), password);
        });
        String subject = "网页受理测试 " + agent;

        signIn(agent, password);
        page.waitForURL(url -> !url.contains("/login"));
        page.navigate(api.baseUrl() + "/cases/new");
        page.locator("#intake-category").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("产品质量")).first().click();
        page.locator("#intake-name input").fill("王先生");
        page.locator("#intake-phone input").fill("13912345678");
        page.locator("#intake-subject input").fill(subject);
        page.locator("#intake-description textarea").fill("机顶盒开机黑屏");
        page.locator("#intake-save").click();
        page.waitForURL(Pattern.compile(".*/cases/[0-9a-f-]{36}$"));
        assertThat(page.getByText(subject).first()).isVisible();
        screenshot("case-page-zh-CN.png");

        page.navigate(api.baseUrl() + "/cases");
        Locator grid = page.locator("#cases");
        assertThat(grid).isVisible();
        assertThat(grid.getByText(subject).first()).isVisible();
        screenshot("case-inbox-zh-CN.png");
    }

    @Autowired
    app.ombud.complaint.ComplaintService cases;

    @Test
    void anAdminAttachesEvidenceToACaseAndDownloadsIt() throws Exception {
        String p = "EV" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        var department = TestData.asAdmin(() -> directory.createDepartment(
                new app.ombud.directory.DepartmentInput(p, "证据测试部" + p, null, null)));
        var created = TestData.asAdmin(() -> cases.intake(new app.ombud.complaint.CaseIntake(
                app.ombud.complaint.IntakeChannel.HOTLINE, new app.ombud.complaint.Customer("钱先生", "13600001111", null),
                "证据上传 " + p, null, app.ombud.policy.CaseCategory.PRODUCT_QUALITY, java.util.Set.of(), null, false,
                null)));
        TestData.asAdmin(() -> cases.dispatch(created.id(), department.id(), null, null, null, null));
        Path report = Files.createTempFile("检测报告", ".txt");
        Files.writeString(report, "主板故障");

        signIn("admin", TestData.ADMIN_PASSWORD);
        page.waitForURL(url -> !url.contains("/login"));
        page.navigate(api.baseUrl() + "/cases/" + created.id());
        page.locator("vaadin-tab").filter(new Locator.FilterOptions().setHasText("证据材料")).click();
        page.locator("#evidence-upload input[type=file]").setInputFiles(report);
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText("已保存"))
                .first()).isVisible();
        page.locator("vaadin-tab").filter(new Locator.FilterOptions().setHasText("证据材料")).click();
        Locator link = page.locator("#case-evidence a").filter(new Locator.FilterOptions()
                .setHasText(report.getFileName().toString()));
        assertThat(link).isVisible();
        var download = page.waitForDownload(link::click);
        assertThat(Files.readString(download.path())).isEqualTo("主板故障");
        screenshot("case-evidence-zh-CN.png");
    }

    /** Issue #4's walk-through: an agent takes a case in, the department head resolves it, an admin reads the timeline. */
    @Test
    void anAgentTakesACaseInTheHeadResolvesItAndTheAdminSeesTheTimeline() {
        String p = "W" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        String password = "Walk-pass-2026";
        var department = TestData.asAdmin(() -> directory.createDepartment(
                new app.ombud.directory.DepartmentInput(p, "热线运营部" + p, null, p + "H")));
        TestData.asAdmin(() -> {
            for (var person : java.util.List.of(
                    new app.ombud.directory.PersonInput(p + "A", "坐席" + p, department.id(), null,
                            java.util.Set.of(Role.AGENT), true, null, null),
                    new app.ombud.directory.PersonInput(p + "H", "部门负责人" + p, department.id(), null,
                            java.util.Set.of(Role.DEPT_HEAD), true, null, null))) {
                accounts.setPasswordForDemo(directory.createPerson(person).id(), password);
            }
        });
        String subject = "走查 " + p;

        signIn(p + "A", password);
        page.waitForURL(url -> !url.contains("/login"));
        page.navigate(api.baseUrl() + "/cases/new");
        page.locator("#intake-category").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("服务态度")).first().click();
        page.locator("#intake-phone input").fill("13711112222");
        page.locator("#intake-subject input").fill(subject);
        page.locator("#intake-save").click();
        page.waitForURL(Pattern.compile(".*/cases/[0-9a-f-]{36}$"));
        String caseUrl = page.url();

        context.clearCookies();
        signIn(p + "H", password);
        page.waitForURL(url -> !url.contains("/login"));
        page.navigate(caseUrl);
        page.locator("#action-dispatch").click();
        page.locator("#dispatch-department input").fill("热线运营部" + p);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("热线运营部" + p)).first()
                .click();
        page.locator("#dispatch-save").click();
        page.locator("#action-acknowledge").click();
        page.locator("#action-plan").click();
        page.locator("#plan-remedies input").fill("道歉");
        page.locator("vaadin-multi-select-combo-box-item").filter(new Locator.FilterOptions().setHasText("道歉"))
                .first().click();
        page.locator("#plan-save").click();
        page.locator("#action-result").click();
        page.locator("#result-text textarea").fill("已电话致歉");
        page.locator("#result-save").click();
        page.locator("#action-answer").click();
        // nothing is preselected: the person records what the customer said
        page.locator("#answer-accepted vaadin-radio-button").filter(new Locator.FilterOptions().setHasText("客户接受"))
                .first().click();
        page.locator("#answer-save").click();
        assertThat(page.locator("#case-status")).hasText("已结案");

        context.clearCookies();
        signIn("admin", TestData.ADMIN_PASSWORD);
        page.waitForURL(url -> !url.contains("/login"));
        page.navigate(caseUrl);
        Locator timeline = page.locator("#case-timeline");
        assertThat(timeline).containsText("部门负责人" + p);
        assertThat(timeline.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("坐席" + p)).first()).isVisible();
        screenshot("walkthrough-timeline-zh-CN.png");
    }
}
