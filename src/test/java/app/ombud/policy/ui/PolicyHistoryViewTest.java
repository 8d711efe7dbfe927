package app.ombud.policy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.policy.PolicyDiff;
import app.ombud.policy.PolicySections;
import app.ombud.policy.PolicyService;
import app.ombud.policy.ReviewWindows;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OmbudIntegrationTest
@WithPortalAdmin("history-admin")
class PolicyHistoryViewTest extends SpringBrowserlessTest {

    @Autowired
    PolicyService policies;

    @Test
    @SuppressWarnings("unchecked")
    void theDiffOfTheNewestVersionShowsTheChangedSetting() {
        var saved = TestData.asPerson("history-admin", "策略管理员", () -> {
            var now = policies.current();
            ReviewWindows w = now.content().reviewWindows();
            return policies.update(PolicySections.REVIEW_WINDOWS, now.number(), new ReviewWindows(w.teamLeadCheckHours(),
                    w.customerReplyHours(), w.followUpDays() == 5 ? 6 : 5, w.panelVotingWorkingDays(),
                    w.earlyWarningCount(), w.earlyWarningDays(), w.outOfScopeSources()), "history test");
        }, app.ombud.platform.Role.ADMIN);
        int previousDays = TestData.asAdmin(() -> policies.version(saved.number() - 1))
                .content().reviewWindows().followUpDays();

        navigate(PolicyHistoryView.class);

        Grid<app.ombud.policy.PolicyVersion> versions = $view(Grid.class).id("history-versions");
        assertThat(test(versions).size()).isEqualTo(saved.number());
        assertThat(test(versions).getCellText(0, 0)).isEqualTo(String.valueOf(saved.number()));
        // the person who saved it by name, as the case timeline names people, not by their login
        assertThat(test(versions).getCellText(0, 2)).isEqualTo("策略管理员");
        assertThat(test(versions).getCellText(0, 3)).isEqualTo("history test");
        assertThat(test(versions).getRow(saved.number() - 1).number()).isEqualTo(1);

        Grid<PolicyDiff> diff = $view(Grid.class).id("history-diff");
        assertThat(diff.getListDataView().getItems().toList()).containsExactly(new PolicyDiff(
                "reviewWindows.followUpDays", String.valueOf(previousDays),
                String.valueOf(saved.content().reviewWindows().followUpDays())));

        // picking version 1 compares it with itself: nothing differs
        test(versions).clickRow(saved.number() - 1);
        assertThat(diff.getListDataView().getItems().toList()).isEmpty();
    }

    /** Latin words: a raw path segment ("levels", "zh"), an English text or a code such as DEPARTMENT_HEAD. */
    static final java.util.regex.Pattern LATIN = java.util.regex.Pattern.compile("[A-Za-z]{2,}");

    @Test
    @SuppressWarnings("unchecked")
    void inChineseTheHistoryShowsLabelsAndNoRawPathOrEnglish() {
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        var before = TestData.asAdmin(() -> policies.current().content());
        try {
            showsLabelsOfAChangedGradingAndAnImport();
        } finally {
            // the other tests of the shared context grade and route by the policy as it was
            TestData.asAdmin(() -> policies.save(policies.current().number(), before, "还原"));
        }
    }

    @SuppressWarnings("unchecked")
    private void showsLabelsOfAChangedGradingAndAnImport() {
        var graded = TestData.asAdmin(() -> {
            var now = policies.current();
            var grading = now.content().grading();
            var levels = new java.util.ArrayList<>(grading.levels());
            var two = levels.get(1);
            levels.set(1, new app.ombud.policy.LevelRule(2, two.name(), two.description(),
                    two.handler() == app.ombud.policy.HandlingRole.BUSINESS_TEAM
                            ? app.ombud.policy.HandlingRole.DEPARTMENT_HEAD : app.ombud.policy.HandlingRole.BUSINESS_TEAM,
                    two.acknowledgeHours(), two.resolutionWorkingDays() % 10 + 1, two.criteria(), two.tellsLeadership()));
            return policies.update(PolicySections.GRADING, now.number(),
                    new app.ombud.policy.Grading(levels, grading.repeatWindowDays(), grading.fallbackLevel()), "调整二级");
        });
        var imported = TestData.asAdmin(() -> policies.importCalendarYear(graded.number(), 2035,
                app.ombud.policy.PolicyFixture.ics("国务院办公厅关于2035年部分节假日安排的通知", "20350101 20350102 元旦")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), null, null));

        var view = navigate(PolicyHistoryView.class);
        Grid<PolicyDiff> diff = $view(Grid.class).id("history-diff");
        for (int number : new int[] {graded.number(), imported.number()}) {
            view.pick(number);
            var cells = test(diff);
            assertThat(cells.size()).isPositive();
            for (int row = 0; row < cells.size(); row++) {
                for (int column = 0; column < 3; column++) {
                    assertThat(cells.getCellText(row, column)).as("version %d, row %d, column %d", number, row, column)
                            .doesNotContainPattern(LATIN).doesNotContain("[", "]");
                }
            }
        }
        view.pick(graded.number());
        assertThat(test(diff).getCellText(0, 0)).startsWith("客诉分级 › 2级 › ");
        assertThat(java.util.stream.IntStream.range(0, test(diff).size()).mapToObj(r -> test(diff).getCellText(r, 2)))
                .containsAnyOf("责任部门负责人", "责任部门业务团队");

        Grid<app.ombud.policy.PolicyVersion> versions = $view(Grid.class).id("history-versions");
        int first = test(versions).size() - 1;
        assertThat(test(versions).getCellText(first, 2)).isEqualTo("系统");
        assertThat(test(versions).getCellText(first, 3)).startsWith("Ombud 默认设置")
                .doesNotContain("defaults");
        assertThat(test(versions).getCellText(0, 3)).isEqualTo("导入 2035 年节假日");
        assertThat(test(versions).getCellText(0, 4)).isEqualTo("工作日历");
    }

    @Autowired
    app.ombud.policy.internal.PolicyJson json;

    /** Every setting of every section has a label of its own in both languages: no segment shows raw. */
    @Test
    void everySettingOfEverySectionHasALabelInBothLanguages() throws java.io.IOException {
        for (String language : new String[] {"zh_CN", "en"}) {
            var texts = new java.util.Properties();
            try (var in = getClass().getResourceAsStream("/vaadin-i18n/translations_" + language + ".properties")) {
                texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            var labels = new PolicyDiffText((key, args) -> texts.getProperty(key) == null ? null
                    : new java.text.MessageFormat(texts.getProperty(key)).format(args));
            var settings = json.settings(app.ombud.policy.PolicyDefaults.content());
            assertThat(settings).hasSizeGreaterThan(100);
            for (String path : settings) {
                String label = labels.label(path);
                assertThat(label).as("%s (%s)", path, language).doesNotContainPattern("[a-z][A-Z]|\\.\\w|\\[")
                        .doesNotMatch("(?s).*\\b(zh|en)\\b.*");
                if (language.equals("zh_CN")) {
                    assertThat(label.replaceAll("[A-Z0-9_]+", "")).as(path).doesNotContainPattern(LATIN);
                }
            }
        }
    }
}
