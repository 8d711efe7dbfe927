package app.ombud;

import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OmbudIntegrationTest
class TourScreenshotsTest {

    @Autowired
    ApiAccess api;
    @Autowired
    app.ombud.directory.DirectoryService directory;
    @Autowired
    app.ombud.directory.AccountService accounts;
    @Autowired
    app.ombud.complaint.ComplaintService cases;
    @Autowired
    app.ombud.review.ReviewService reviews;
    @Autowired
    java.time.Clock clock;

    @Test
    void tour() throws Exception {
        var ctor = Class.forName("app.ombud.demo.DemoData").getDeclaredConstructors()[0];
        ctor.setAccessible(true);
        Object demo = ctor.newInstance(true, "Demo-pass-2026", 0, directory, accounts, cases, reviews, clock);
        var load = demo.getClass().getDeclaredMethod("load");
        load.setAccessible(true);
        load.invoke(demo);
        try (var pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get("/usr/bin/chromium"))
                    .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu")));
            String[][] plan = {
                {"1701", "reviews/new", "reviews/mine", "reviews/about-me", "panels", "reviews/library", "reviews/scripts"},
                {"1801", "reviews/check"},
                {"R0001", "reviews/team", "reviews/replies", "reviews/appeals", "reviews/library"},
                {"W0001", "reviews/appeals", "panels/all"},
                {"M0001", "panels/all"}};
            for (String[] who : plan) {
                var context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1400, 900));
                Page page = context.newPage();
                page.navigate(api.baseUrl() + "/login");
                page.locator("vaadin-login-form input[name='username']").fill(who[0]);
                page.locator("vaadin-login-form input[name='password']").fill("Demo-pass-2026");
                page.locator("vaadin-login-form vaadin-button[slot='submit']").click();
                page.waitForURL(url -> !url.contains("/login"));
                for (int i = 1; i < who.length; i++) {
                    page.navigate(api.baseUrl() + "/" + who[i]);
                    page.waitForTimeout(1500);
                    page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("/tmp/tour/" + who[0] + "-" + who[i].replace('/', '_') + ".png")).setFullPage(true));
                    if (who[i].equals("reviews/team") || who[i].equals("reviews/appeals") || who[i].equals("panels")) {
                        var row = page.locator("vaadin-grid-cell-content").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(java.util.regex.Pattern.compile("BM-|PS-"))).first();
                        if (row.count() > 0) {
                            row.click();
                            page.waitForTimeout(1500);
                            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("/tmp/tour/" + who[0] + "-" + who[i].replace('/', '_') + "-open.png")).setFullPage(true));
                            if (page.url().contains("/reviews/") && who[0].equals("R0001")) {
                                page.navigate(page.url() + "/judge");
                                page.waitForTimeout(1500);
                                page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("/tmp/tour/" + who[0] + "-judge.png")).setFullPage(true));
                            }
                        }
                    }
                }
                context.close();
            }
        }
    }
}
