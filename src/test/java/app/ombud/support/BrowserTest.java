package app.ombud.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * End-to-end tests in Debian's Chromium (Playwright, no browser download): one browser per test
 * class, a fresh zh-CN context per test, signing in through the login page, screenshots into
 * target/screenshots. Skips with a message where no Chromium is installed.
 * <p>
 * Every journey runs under the portal's Content-Security-Policy and proves it: a test fails when
 * the browser reports a violation (its console message, or a {@code securitypolicyviolation}
 * event), or when a page of Ombud arrives without the header.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    @Autowired
    protected ApiAccess api;

    private Playwright playwright;
    private Browser browser;
    protected BrowserContext context;
    protected Page page;
    private final List<String> cspViolations = new CopyOnWriteArrayList<>();
    private final List<String> pagesWithoutCsp = new CopyOnWriteArrayList<>();

    @BeforeAll
    void launch() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "Skipped: no Chromium at " + CHROMIUM + " (apt-get install -y chromium fonts-noto-cjk)");
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    @BeforeEach
    void openContext() {
        cspViolations.clear();
        pagesWithoutCsp.clear();
        context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900));
        context.setDefaultTimeout(30_000);
        context.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error("
                + "'CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI + ' in ' + e.sourceFile"
                + " + ':' + e.lineNumber));");
        context.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy") || message.text().startsWith("CSP violation")) {
                cspViolations.add(message.text());
            }
        });
        context.onResponse(response -> {
            if ("document".equals(response.request().resourceType()) && response.url().startsWith(api.baseUrl())
                    && response.headerValue("content-security-policy") == null) {
                pagesWithoutCsp.add(response.status() + " " + response.url());
            }
        });
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        try {
            if (context != null) {
                flushConsole();
                assertThat(cspViolations).as("Content-Security-Policy violations the browser reported").isEmpty();
                assertThat(pagesWithoutCsp).as("pages of Ombud without a Content-Security-Policy").isEmpty();
            }
        } finally {
            if (context != null) {
                context.close();
            }
        }
    }

    /** Lets Playwright deliver the console messages the page logged so far. */
    private void flushConsole() {
        try {
            if (page != null && !page.isClosed()) {
                page.evaluate("() => 0");
            }
        } catch (com.microsoft.playwright.PlaywrightException navigatingAway) {
            // the page is between documents; what it logged before has arrived
        }
    }

    /** The violations reported so far in this test, which then no longer fail it (for tests that provoke one). */
    protected List<String> takeCspViolations() {
        List<String> taken = new ArrayList<>(cspViolations);
        cspViolations.removeAll(taken);
        return taken;
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** Fills and submits the portal's login form (the caller waits for where it leads). */
    protected void signIn(String login, String password) {
        page.navigate(api.baseUrl() + "/login");
        page.locator("vaadin-login-form input[name='username']").fill(login);
        page.locator("vaadin-login-form input[name='password']").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot='submit']").click();
    }

    protected void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = SCREENSHOTS.resolve(name);
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        assertThat(file).isNotEmptyFile();
    }
}
