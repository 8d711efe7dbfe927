package app.ombud;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.AccountService;
import app.ombud.directory.DirectoryService;
import app.ombud.panel.PanelFixture;
import app.ombud.panel.PanelService;
import app.ombud.support.BrowserTest;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * End to end in Debian's Chromium, in Chinese: a panelist signs in, finds the panel under "my
 * ballots", casts a secret ballot and sees the receipt. Skips where no Chromium is installed.
 */
@OmbudIntegrationTest
class PanelBrowserTest extends BrowserTest {

    private static final Pattern RECEIPT = Pattern.compile("^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$");

    @Autowired
    DirectoryService directory;

    @Autowired
    AccountService accounts;

    @Autowired
    PanelService panels;

    @Test
    void aPanelistSignsInCastsAVoteAndSeesTheReceipt() {
        String password = "Panel-pass-2026";
        var fx = new PanelFixture(directory, panels, "PB");
        List<String> reviewSide = fx.reviewSide;
        TestData.asAdmin(() -> fx.members().forEach(member -> accounts.setPasswordForDemo(
                directory.personByEmployeeId(member).orElseThrow().id(), password)));
        var panel = fx.form("维持还是推翻判责？");
        String member = reviewSide.get(1);

        signIn(member, password);
        page.waitForURL(url -> !url.contains("/login"));
        page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("我的评审投票")).first()
                .click();
        page.waitForURL(Pattern.compile(".*/panels$"));
        Locator grid = page.locator("#my-ballots");
        assertThat(grid.getByText(panel.number())).isVisible();
        assertThat(grid.getByText("已投 0/6")).isVisible();
        grid.getByText(panel.number()).click();

        page.waitForURL(Pattern.compile(".*/panels/" + panel.id() + "$"));
        assertThat(page.locator("#panel-title")).hasText(panel.number());
        assertThat(page.locator("#panel-voted")).hasText("已有 0/6 人投票");
        page.locator("#ballot-choice vaadin-radio-button").filter(new Locator.FilterOptions().setHasText("推翻原判"))
                .click();
        screenshot("panel-ballot-form-zh-CN.png");
        page.locator("#ballot-cast").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认投票").setExact(true)).click();

        Locator receipt = page.locator("#ballot-receipt");
        assertThat(receipt).hasText(RECEIPT);
        assertThat(page.locator("#panel-voted")).hasText("已有 1/6 人投票");
        assertThat(page.locator("#panel-voted-already")).isVisible();
        assertThat(page.locator("#ballot-choice")).hasCount(0);
        screenshot("panel-ballot-receipt-zh-CN.png");

        var seen = TestData.as(member, () -> panels.get(panel.id()));
        assertThat(seen.votedCount()).isEqualTo(1);
        assertThat(seen.viewerHasVoted()).isTrue();
        String shown = receipt.textContent().strip();
        assertThat(TestData.as(member, () -> panels.receiptCounted(panel.id(), shown))).isTrue();

        // the receipt is shown once: reloading the page shows only that the member has voted
        page.reload();
        assertThat(page.locator("#panel-voted-already")).isVisible();
        assertThat(page.locator("#ballot-receipt")).hasCount(0);
        assertThat(page.getByText(shown)).hasCount(0);
    }

}
