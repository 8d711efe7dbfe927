package app.ombud;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.complaint.CaseFixture;
import app.ombud.complaint.CaseNote;
import app.ombud.complaint.ComplaintService;
import app.ombud.directory.AccountService;
import app.ombud.directory.DirectoryService;
import app.ombud.escalation.EscalationFixture;
import app.ombud.escalation.EscalationService;
import app.ombud.panel.Choice;
import app.ombud.panel.PanelService;
import app.ombud.panel.PanelStatus;
import app.ombud.platform.Role;
import app.ombud.policy.Grading;
import app.ombud.policy.HandlingRole;
import app.ombud.policy.LevelRule;
import app.ombud.policy.PolicySections;
import app.ombud.policy.PolicyService;
import app.ombud.policy.PolicyVersion;
import app.ombud.policy.ReviewWindows;
import app.ombud.review.Appeals;
import app.ombud.review.ReviewDesk;
import app.ombud.review.ReviewFixture;
import app.ombud.review.ReviewQueries;
import app.ombud.review.WorkOrders;
import app.ombud.support.BrowserTest;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.RawText;
import app.ombud.support.TestData;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.LoadState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.ScrollPosition;

/**
 * Issue 10: a zh-CN reader of the case, escalation, review, panel and policy-history pages sees no
 * raw code, no English word and no UTC time — anywhere the browser shows text, inside the Vaadin
 * components' shadow roots too, on every tab. The records behind each page have a long history,
 * so that the page shows as many kinds of text as it can. One screenshot per page.
 */
@OmbudIntegrationTest
class ChineseScreensBrowserTest extends BrowserTest {

    /**
     * Every text the page shows: the text nodes that have a box on the screen, in the light DOM and
     * in every open shadow root (styles, scripts and templates aside), and the values and
     * placeholders of visible fields; each with where it is. Text kept only for screen readers
     * (clipped to nothing, or in a box of a pixel) and transparent text do not show.
     */
    private static final String VISIBLE_TEXT = """
            () => {
              const out = [];
              const up = node => node.assignedSlot ?? node.parentElement ?? node.parentNode?.host;
              const shown = node => {
                const range = document.createRange();
                range.selectNodeContents(node);
                return [...range.getClientRects()].some(r => r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0);
              };
              const hidden = element => {
                if (getComputedStyle(element).visibility !== 'visible') {
                  return true;
                }
                for (let e = element; e && e.nodeType === Node.ELEMENT_NODE; e = up(e)) {
                  const style = getComputedStyle(e);
                  const box = e.getBoundingClientRect();
                  if (style.opacity === '0' || (style.clip !== 'auto' && style.clip !== '')
                      || style.clipPath.startsWith('inset(50%') || style.clipPath.startsWith('inset(100%')
                      || (style.overflow.includes('hidden') && style.display !== 'contents'
                          && (box.width <= 1 || box.height <= 1))) {
                    return true;
                  }
                }
                return false;
              };
              const where = element => {
                const path = [];
                for (let e = element; e && path.length < 4; e = e.parentElement ?? e.parentNode?.host) {
                  path.unshift(e.localName + (e.id ? '#' + e.id : ''));
                }
                return path.join(' > ');
              };
              const walk = node => {
                if (node.nodeType === Node.TEXT_NODE) {
                  const text = node.textContent.trim();
                  const parent = node.parentElement ?? node.parentNode.host;
                  if (text && parent && shown(node) && !hidden(up(node))) {
                    out.push([text, where(parent)]);
                  }
                  return;
                }
                if (node.nodeType === Node.ELEMENT_NODE) {
                  if (['style', 'script', 'template', 'noscript'].includes(node.localName)) {
                    return;
                  }
                  if ((node.localName === 'input' || node.localName === 'textarea') && node.type !== 'hidden'
                      && node.getClientRects().length > 0 && !hidden(node)) {
                    for (const text of [node.value, node.placeholder]) {
                      if (text && text.trim()) {
                        out.push([text.trim(), where(node)]);
                      }
                    }
                  }
                  if (node.shadowRoot) {
                    walk(node.shadowRoot);
                  }
                }
                node.childNodes.forEach(walk);
              };
              walk(document.body);
              // what the connection indicator says once the server is out of reach
              const indicator = window.Vaadin?.connectionIndicator;
              for (const text of [indicator?.onlineText, indicator?.offlineText, indicator?.reconnectingText]) {
                out.push([text ?? '', 'vaadin-connection-indicator']);
              }
              return out;
            }""";

    /** The raw fragments the pages of the running test showed. */
    private final List<String> found = new ArrayList<>();

    @Autowired
    ComplaintService cases;

    @Autowired
    DirectoryService directory;

    @Autowired
    EscalationService escalations;

    @Autowired
    WorkOrders workOrders;

    @Autowired
    ReviewDesk desk;

    @Autowired
    ReviewQueries reviews;

    @Autowired
    Appeals appeals;

    @Autowired
    PanelService panels;

    @Autowired
    AccountService accounts;

    @Autowired
    PolicyService policies;

    @Test
    void theCasePageIsChineseOnEveryTab() {
        // a prefix ending in a digit: the names built from it never end in Latin letters
        var fx = new CaseFixture(cases, directory, "C1");
        UUID id = fx.rejected().id();
        fx.asHead(() -> cases.overrideLevel(id, 1, "客户扬言向媒体反映", null));
        fx.asAgent(() -> cases.planResolution(id, fx.plan(Instant.now().plus(Duration.ofDays(2))), null));
        fx.asAgent(() -> cases.addNote(id, CaseNote.Kind.INVESTIGATION, "检测报告：主板故障", null));
        fx.asAgent(() -> cases.attachEvidence(id, "检测报告.txt", "主板故障".getBytes(StandardCharsets.UTF_8), null));
        var c = fx.asAgent(() -> cases.get(id));
        assertThat(c.timeline()).extracting(e -> e.action()).contains("graded", "dispatched", "planned",
                "result-sent", "rejected", "level-overridden", "re-planned", "evidence-added");

        signInAsAdmin();
        open("/cases/" + id, "#case-timeline");
        assertThat(page.locator("#case-timeline")).containsText("客户扬言向媒体反映");
        screenshot("case-zh-CN.png");
        read("case", fx.p, "添加证据材料", "检测报告：主板故障", "连接已断开");
    }

    @Test
    void theEscalationPageAndItsCaseAreChinese() {
        var fx = EscalationFixture.create("E", directory, cases, escalations);
        var closed = fx.closed(fx.raise(fx.dispatchedCase(null)));

        signInAsAdmin();
        open("/escalations/" + closed.id(), "#escalation-timeline");
        assertThat(page.locator("#escalation-timeline")).containsText("处理及时");
        screenshot("escalation-zh-CN.png");
        read("escalation", fx.p, "处理及时", "技术支持", "厂家确认更换整机");

        // the case the escalation closed: escalated, closed by it, with its result
        open("/cases/" + closed.caseId(), "#case-timeline");
        assertThat(page.locator("#case-escalation")).hasText(closed.number());
        screenshot("escalated-case-zh-CN.png");
        read("escalated case", fx.p, "升级结案，处理结果已反馈 → 已结案");
    }

    @Test
    void theReviewPageAndItsPanelAreChinese() {
        var fx = new ReviewFixture(directory, workOrders, desk, reviews);
        String criterion = TestData.asAdmin(() -> policies.current()).content().reviewCriteria().attitude()
                .getFirst().code();
        var review = fx.panelFormed(appeals, criterion);
        UUID panelId = review.appeal().panelId();
        // a tie, which the site manager decides with a reason
        for (int i = 0; i < fx.panelists.size(); i++) {
            Choice choice = i < 3 ? Choice.OVERTURN : Choice.UPHOLD;
            TestData.as(fx.panelists.get(i), () -> panels.cast(panelId, choice), Role.AGENT);
        }
        assertThat(TestData.asAdmin(() -> panels.get(panelId)).status()).isEqualTo(PanelStatus.AWAITING_SITE_MANAGER);

        // the site manager sees the form to decide the tie
        String password = "Site-pass-2026";
        TestData.asAdmin(() -> accounts.setPasswordForDemo(directory.personByEmployeeId(fx.siteManager).orElseThrow()
                .id(), password));
        signIn(fx.siteManager, password);
        page.waitForURL(url -> !url.contains("/login"));
        open("/panels/" + panelId, "#panel-timeline");
        assertThat(page.locator("#decision-save")).isVisible();
        screenshot("panel-decision-zh-CN.png");
        read("panel to decide", fx.p, "全体成员已投票；未决");
        context.clearCookies();

        TestData.as(fx.siteManager, () -> panels.decideAsSiteManager(panelId, Choice.UPHOLD, "录音显示坐席确有争吵，维持原判",
                null), Role.SITE_MANAGER);

        signInAsAdmin();
        open("/reviews/" + review.id(), "#review-timeline");
        assertThat(page.locator("#review-appeal-decision")).isVisible();
        screenshot("review-zh-CN.png");
        read("review", fx.p, "客户先辱骂坐席", "录音 03:40 坐席确有争吵", "未安抚客户、未引导客户解决实际问题");

        open("/panels/" + panelId, "#panel-timeline");
        assertThat(page.locator("#panel-receipts")).isVisible();
        screenshot("panel-zh-CN.png");
        read("panel", fx.p, "录音显示坐席确有争吵，维持原判", "现场负责人裁定", "XXXX-XXXX-XXXX-XXXX");
    }

    @Test
    void thePolicyHistoryShowsTheDiffOfTwoEditsInChinese() {
        var before = TestData.asAdmin(() -> policies.current());
        try {
            // saved by the first-start admin, as the portal records a person who signed in
            var graded = TestData.asPerson("admin", "系统管理员", () -> {
                Grading g = policies.current().content().grading();
                var levels = new ArrayList<>(g.levels());
                var two = levels.get(1);
                levels.set(1, new LevelRule(two.level(), two.name(), two.description(),
                        two.handler() == HandlingRole.BUSINESS_TEAM ? HandlingRole.DEPARTMENT_HEAD
                                : HandlingRole.BUSINESS_TEAM,
                        two.acknowledgeHours() + 1, two.resolutionWorkingDays() % 10 + 1, two.criteria(),
                        !two.tellsLeadership()));
                return policies.update(PolicySections.GRADING, policies.current().number(), new Grading(levels,
                        g.repeatWindowDays() % 60 + 1, g.fallbackLevel(), g.warnBeforeHours()), "调整二级时限");
            }, Role.ADMIN);
            var windows = TestData.asPerson("admin", "系统管理员", () -> {
                ReviewWindows w = policies.current().content().reviewWindows();
                return policies.update(PolicySections.REVIEW_WINDOWS, policies.current().number(), new ReviewWindows(
                        w.teamLeadCheckHours() + 1, w.customerReplyHours(), w.followUpDays() % 9 + 1,
                        w.panelVotingWorkingDays(), w.earlyWarningCount(), w.earlyWarningDays(), w.outOfScopeSources(),
                        w.appealDays(), w.panelQuorum(), w.dutyChiefEmployeeIds(), w.panelReminderHours() % 48 + 1),
                        "延长回访时限");
            }, Role.ADMIN);

            signInAsAdmin();
            for (PolicyVersion version : List.of(graded, windows)) {
                open("/policy/history", "#history-versions");
                Locator row = page.locator("#history-versions vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText(version.comment())).first();
                row.click();
                assertThat(page.locator("#history-to input")).hasValue(String.valueOf(version.number()));
                assertThat(page.locator("#history-diff vaadin-grid-cell-content").first()).isVisible();
                waitForGrids();
                screenshot("policy-history-" + (version == graded ? "grading" : "review-windows") + "-zh-CN.png");
                read("policy history, version " + version.number(), othersComments(graded, windows), version.comment(),
                        version == graded ? "客诉分级 › 重复投诉统计天数" : "判责时限 › 回访天数");
            }
        } finally {
            // the other tests of the shared context grade and route by the policy as it was
            TestData.asAdmin(() -> policies.save(policies.current().number(), before.content(), "还原"));
        }
    }

    /**
     * What people wrote as the comment of the versions other tests saved: their data, shown as
     * written (this test's own comments are Chinese and checked).
     */
    private List<String> othersComments(PolicyVersion... mine) {
        var own = java.util.Arrays.stream(mine).map(PolicyVersion::number).toList();
        return TestData.asAdmin(() -> policies.history(ScrollPosition.keyset(), 100)).getContent().stream()
                .filter(v -> !own.contains(v.number()) && v.comment() != null).map(PolicyVersion::comment)
                // the longest first: "history test" goes before "test" can leave "history" behind
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
    }

    @Test
    void theTestCallPagesAreChinese() {
        var f = app.ombud.calltest.CallTestFixture.create("ZT", directory, callTestGroups, scenarios, plans);
        var plan = f.activePlan(1);
        var scenario = TestData.as(f.staff, () -> scenarios.get(plan.scenarios().getFirst().scenarioId()),
                Role.CALLTEST_STAFF);
        String agent = f.agents.getFirst();
        java.util.Map<String, Integer> answers = app.ombud.calltest.CallTestFixture.fullMarks(policies);
        // three calls in a row with nine rings: a weak spot and a streak of misses
        for (int i = 0; i < 3; i++) {
            Instant at = Instant.now().minus(Duration.ofMinutes(30L * (i + 1)));
            var spot = TestData.as(f.staff, () -> draws.addSpotCheck(plan.id(), new app.ombud.calltest.SpotCheckInput(
                    f.team.id(), app.ombud.calltest.CallChannel.PHONE, agent, f.quarter.firstMonth().atDay(10)
                    .atTime(9, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant(), "投诉集中"), null),
                    Role.CALLTEST_STAFF);
            TestData.as(f.staff, () -> testCalls.record(new app.ombud.calltest.TestCallInput(
                    spot.spotChecks().getLast().id(), new app.ombud.calltest.ScenarioRef(scenario.id(),
                    scenario.current().revision()), at, 9, null, "告知单号", false, List.of(),
                    new app.ombud.calltest.Communication(3, null, null, null), null, List.of("响铃过多"), "加强排班",
                    null, answers), app.ombud.platform.IdempotencyKey.NONE), Role.CALLTEST_STAFF);
        }
        // a draft of a month long past (the recent months are other tests' reports): no calls in it
        String period = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(41).toString();
        var report = TestData.as(f.staff, () -> callTestReports.create(period), Role.CALLTEST_STAFF);

        signInAsAdmin();
        open("/calltest/statistics", "#stats-rows");
        page.locator("#stats-group").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("全公司")).click();
        page.locator("#stats-show").click();
        waitForGrids();
        screenshot("calltest-statistics-zh-CN.png");
        read("test-call statistics", f.p, "当场正确解决率", "全公司", "导出 Excel");
        open("/calltest/streaks", "#streaks");
        screenshot("calltest-streaks-zh-CN.png");
        read("test-call streaks", f.p, othersNames(), "接通前响铃次数");
        open("/calltest/reports", "#reports");
        read("test-call reports", f.p, othersNames(), "拨测报告");
        open("/calltest/reports/" + report.id(), "#report-summary");
        screenshot("calltest-report-zh-CN.png");
        read("test-call report", f.p, "下载 PDF", "下载 Excel", "月度趋势");
        // the downloads work from the page, in the page's language
        var excel = page.waitForDownload(() -> page.locator("#report-download-excel").click());
        org.assertj.core.api.Assertions.assertThat(excel.suggestedFilename()).endsWith(".xlsx");
        byte[] workbook = readAll(excel.path());
        org.assertj.core.api.Assertions.assertThat(new String(workbook, 0, 2, StandardCharsets.ISO_8859_1))
                .as("a zip, as .xlsx files are").isEqualTo("PK");
        if (pdfFont.available()) {
            var pdf = page.waitForDownload(() -> page.locator("#report-download-pdf").click());
            org.assertj.core.api.Assertions.assertThat(new String(readAll(pdf.path()), 0, 5,
                    StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        }
    }

    private static byte[] readAll(java.nio.file.Path path) {
        try {
            return java.nio.file.Files.readAllBytes(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Autowired
    app.ombud.platform.export.ExportFont pdfFont;

    /** The names of people and teams other tests made (their random prefixes show as written). */
    private List<String> othersNames() {
        return TestData.asAdmin(() -> directory.people(app.ombud.directory.PersonFilter.ALL, ScrollPosition.offset(), 1000)).getContent()
                .stream().flatMap(person -> java.util.stream.Stream.of(person.name(), person.employeeId()))
                .filter(text -> text != null && !RawText.in(text).isEmpty())
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
    }

    @Autowired
    app.ombud.calltest.CallTestGroups callTestGroups;

    @Autowired
    app.ombud.calltest.Scenarios scenarios;

    @Autowired
    app.ombud.calltest.Plans plans;

    @Autowired
    app.ombud.calltest.Draws draws;

    @Autowired
    app.ombud.calltest.TestCalls testCalls;

    @Autowired
    app.ombud.calltest.CallTestReports callTestReports;

    private void signInAsAdmin() {
        signIn("admin", TestData.ADMIN_PASSWORD);
        page.waitForURL(url -> !url.contains("/login"));
    }

    /** Opens a page of Ombud and waits until its main content and every grid on it has loaded. */
    private void open(String path, String content) {
        page.navigate(api.baseUrl() + path);
        assertThat(page.locator(content)).isVisible();
        waitForGrids();
    }

    /** Waits until the server has answered every request of the page and no grid is loading rows. */
    private void waitForGrids() {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.waitForFunction("() => !Object.values(window.Vaadin?.Flow?.clients ?? {}).some(c => c.isActive?.())"
                + " && ![...document.querySelectorAll('vaadin-grid')].some(g => g.loading)");
    }

    /**
     * Reads the page on each of its tabs and keeps every raw fragment found, by page and tab; the
     * page must show the {@code expected} texts somewhere (proof that the reading sees them).
     */
    private void read(String name, String prefix, List<String> data, String... expected) {
        List<String> texts = new ArrayList<>(rawTexts(name, prefix, data));
        Locator tabs = page.locator("vaadin-tab").filter(new Locator.FilterOptions().setVisible(true));
        for (int i = 0; i < tabs.count(); i++) {
            tabs.nth(i).click();
            assertThat(tabs.nth(i)).hasAttribute("selected", java.util.regex.Pattern.compile(".*"));
            waitForGrids();
            texts.addAll(rawTexts(name + ", tab " + tabs.nth(i).textContent().strip(), prefix, data));
        }
        if (tabs.count() > 0) {
            tabs.first().click();
            waitForGrids();
        }
        assertThat(String.join("\n", texts)).as("texts the %s page shows", name).contains(expected);
    }

    private void read(String name, String prefix, String... expected) {
        read(name, prefix, List.of(), expected);
    }

    private void read(String name, List<String> data, String... expected) {
        read(name, null, data, expected);
    }

    /** A tall window: the screenshot shows the whole page, timelines and all. */
    @BeforeEach
    void tallWindow() {
        page.setViewportSize(1280, 2400);
    }

    /** Fails with the raw fragments every page read in this test showed. */
    @AfterEach
    void nothingRaw() {
        List<String> shown = List.copyOf(found);
        found.clear();
        org.assertj.core.api.Assertions.assertThat(shown).as("raw codes, English or UTC times on zh-CN pages")
                .isEmpty();
    }

    private void read(String name, String prefix) {
        read(name, prefix, List.of());
    }

    /** The texts the page shows now; what of them is raw goes to {@link #found}. */
    @SuppressWarnings("unchecked")
    private List<String> rawTexts(String where, String prefix, List<String> data) {
        var texts = (List<List<String>>) page.evaluate(VISIBLE_TEXT);
        assertThat(texts).as("texts on the %s page", where).hasSizeGreaterThan(20);
        List<String> shownTexts = new ArrayList<>();
        for (List<String> shownAt : texts) {
            String text = shownAt.get(0);
            shownTexts.add(text);
            // employee IDs and names carry the fixture's random prefix; they may show as they are
            String shown = prefix == null ? text : text.replace(prefix, "");
            for (String written : data) {
                shown = shown.replace(written, "");
            }
            RawText.in(shown).forEach(fragment -> found.add(where + ": " + fragment + "  (in \"" + text + "\" at "
                    + shownAt.get(1) + ")"));
        }
        return shownTexts;
    }
}
