package app.ombud.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.platform.OmbudException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped policy encodes SPEC §1.2 grading and §5 routing; bad policies are refused. */
class PolicyRulesTest {

    final PolicyContent policy = PolicyDefaults.content().validate();

    GradingResult grade(CaseCategory category, Set<CaseFlag> flags, String amount, int repeats) {
        return policy.grading().evaluate(new CaseFacts(category, flags,
                amount == null ? null : new BigDecimal(amount), repeats), 1);
    }

    @Test
    void level1ExamplesOfTheSpec() {
        assertThat(grade(CaseCategory.PRODUCT_QUALITY, Set.of(CaseFlag.SAFETY_THREAT), null, 0))
                .extracting(GradingResult::level, GradingResult::matchedCriteria).containsExactly(1, List.of("L1_SAFETY"));
        assertThat(grade(CaseCategory.OTHER, Set.of(CaseFlag.PUBLIC_OPINION_EVENT), null, 0).level()).isEqualTo(1);
        assertThat(grade(CaseCategory.PRODUCT_QUALITY, Set.of(CaseFlag.MAJOR_PROPERTY_LOSS), null, 0).level()).isEqualTo(1);
        var repeated = grade(CaseCategory.SERVICE_ATTITUDE,
                Set.of(CaseFlag.REGULATOR_OR_MEDIA_THREAT, CaseFlag.CUSTOMER_AGITATED), null, 3);
        assertThat(repeated.level()).isEqualTo(1);
        assertThat(repeated.matchedCriteria()).containsExactly("L1_REPEAT_THREAT");
        // a first complaint with a media threat is not yet level 1
        assertThat(grade(CaseCategory.SERVICE_ATTITUDE, Set.of(CaseFlag.REGULATOR_OR_MEDIA_THREAT), null, 0).level())
                .isEqualTo(3);
    }

    @Test
    void level2ExamplesOfTheSpec() {
        assertThat(grade(CaseCategory.PRODUCT_QUALITY, Set.of(CaseFlag.CANNOT_USE,
                CaseFlag.EXCHANGE_OR_RETURN_REQUESTED), null, 0).matchedCriteria())
                .containsExactly("L2_UNUSABLE_EXCHANGE");
        assertThat(grade(CaseCategory.PRODUCT_QUALITY, Set.of(CaseFlag.CANNOT_USE), "5000", 0).matchedCriteria())
                .containsExactly("L2_UNUSABLE_COMPENSATION");
        assertThat(grade(CaseCategory.PRODUCT_QUALITY, Set.of(CaseFlag.CANNOT_USE), "200", 0).level()).isEqualTo(3);
        assertThat(grade(CaseCategory.SERVICE_ATTITUDE, Set.of(CaseFlag.SERIOUS_SERVICE_FAILURE), null, 0).level())
                .isEqualTo(2);
        assertThat(grade(CaseCategory.DELIVERY_DELAY, Set.of(CaseFlag.BUSINESS_BADLY_HURT), null, 0).level())
                .isEqualTo(2);
    }

    @Test
    void level3And4ExamplesOfTheSpec() {
        assertThat(grade(CaseCategory.PRODUCT_QUALITY, Set.of(), "100", 0).matchedCriteria()).containsExactly("L3_DEFECT");
        assertThat(grade(CaseCategory.OTHER, Set.of(CaseFlag.LONG_WAIT), null, 0).matchedCriteria())
                .containsExactly("L3_SLOW_RESPONSE");
        assertThat(grade(CaseCategory.POLICY_TERMS, Set.of(CaseFlag.DISPUTES_TERMS), null, 0).matchedCriteria())
                .containsExactly("L3_TERMS_DISPUTE", "L3_POLICY");
        assertThat(grade(CaseCategory.INQUIRY, Set.of(), null, 0).matchedCriteria()).containsExactly("L4_INQUIRY");
        assertThat(grade(CaseCategory.OTHER, Set.of(CaseFlag.SMALL_REQUEST), null, 0).level()).isEqualTo(4);
    }

    @Test
    void nothingMatchingFallsBackToTheDefaultLevel() {
        var result = grade(CaseCategory.OTHER, Set.of(), null, 0);
        assertThat(result.fallback()).isTrue();
        assertThat(result.level()).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({"1701,FRONT_DESK,17", "1899,FRONT_DESK,18", "2534,FRONT_DESK,25", "1002,BACK_OFFICE,10",
            "1399,BACK_OFFICE,13", "8009,LINE_89082000,8009", "3512,LINE_10109696,35"})
    void employeeIdsAreRoutedAsTheSpecSays(String employeeId, String group, String prefix) {
        var route = policy.routing().route(employeeId, 1);
        assertThat(route.routed()).isTrue();
        assertThat(route.rule().group()).isEqualTo(group);
        assertThat(route.matchedPrefix()).isEqualTo(prefix);
    }

    @Test
    void anUnknownIdIsExplicitlyUnrouted() {
        var route = policy.routing().route("9001", 1);
        assertThat(route.routed()).isFalse();
        assertThat(route.rule()).isNull();
        assertThat(policy.routing().route("1401", 1).routed()).isFalse();
    }

    @Test
    void overlappingRulesAreRefused() {
        var rules = new java.util.ArrayList<>(policy.routing().rules());
        rules.add(new RoutingRule("VIP", LocalizedText.of("贵宾", "VIP"), List.of("250"), List.of(), "123",
                RoutingRule.HandlingMode.NOTIFY_BY_CALL));
        assertThatThrownBy(() -> new Routing(rules).validate())
                .isInstanceOfSatisfying(OmbudException.class, e -> assertThat(e.code()).isEqualTo("ROUTING_OVERLAP"));
    }

    @Test
    void aLevelWithoutCriteriaOrAnAbsurdDeadlineIsRefused() {
        var levels = new java.util.ArrayList<>(policy.grading().levels());
        var two = levels.get(1);
        levels.set(1, new LevelRule(2, two.name(), two.description(), two.handler(), two.acknowledgeHours(),
                two.resolutionWorkingDays(), List.of(), two.tellsLeadership()));
        assertThatThrownBy(() -> new Grading(levels, 30, 3).validate())
                .isInstanceOfSatisfying(OmbudException.class, e -> {
                    assertThat(e.code()).isEqualTo("LEVEL_WITHOUT_CRITERIA");
                    assertThat(e.field()).isEqualTo("levels[2].criteria");
                });
        levels.set(1, new LevelRule(2, two.name(), two.description(), two.handler(), two.acknowledgeHours(), -1,
                two.criteria(), two.tellsLeadership()));
        assertThatThrownBy(() -> new Grading(levels, 30, 3).validate())
                .isInstanceOfSatisfying(OmbudException.class, e -> assertThat(e.code()).isEqualTo("VALUE_OUT_OF_RANGE"));
    }

    @Test
    void thePhoneTaskTextsComeFromTheTemplatesWithTheirOwnPlaceholders() {
        var templates = policy.templates();
        assertThat(templates.renderPhoneTask(Map.of("number", "8001", "group", "后台", "caseNumber", "BM-1",
                "agentId", "1102"))).containsExactly("请致电 8001（后台）",
                        "通知对方负责人白名单工单 BM-1：被投诉工号 1102。请记录通话时间和接听负责人姓名，并跟踪对方答复。");
        var own = new MessageTemplates(templates.reviewReply(), templates.acknowledgement(), templates.verdictWords(),
                null, "致电{number}", "工单{caseNumber}请跟进").validate();
        assertThat(own.renderPhoneTask(Map.of("number", "8001", "caseNumber", "BM-1")))
                .containsExactly("致电8001", "工单BM-1请跟进");
        assertThatThrownBy(() -> new MessageTemplates(templates.reviewReply(), templates.acknowledgement(),
                templates.verdictWords(), null, "致电{customerName}", null).validate())
                .isInstanceOfSatisfying(OmbudException.class,
                        e -> assertThat(e.code()).isEqualTo("TEMPLATE_UNKNOWN_PLACEHOLDER"));
    }

    @Test
    void theReviewReplySmsCannotRevealTheVerdict() {
        var templates = policy.templates();
        assertThatThrownBy(() -> new MessageTemplates(LocalizedText.of("您的投诉{verdict}", "x"),
                templates.acknowledgement(), templates.verdictWords()).validate())
                .isInstanceOfSatisfying(OmbudException.class,
                        e -> assertThat(e.code()).isEqualTo("TEMPLATE_REVEALS_VERDICT"));
        assertThatThrownBy(() -> new MessageTemplates(LocalizedText.of("经核实，您的投诉属实。", "x"),
                templates.acknowledgement(), templates.verdictWords()).validate())
                .isInstanceOfSatisfying(OmbudException.class,
                        e -> assertThat(e.code()).isEqualTo("TEMPLATE_REVEALS_VERDICT"));
        assertThatThrownBy(() -> new MessageTemplates(LocalizedText.of("请致电{phone}", "x"),
                templates.acknowledgement(), templates.verdictWords()).validate())
                .isInstanceOfSatisfying(OmbudException.class,
                        e -> assertThat(e.code()).isEqualTo("TEMPLATE_UNKNOWN_PLACEHOLDER"));
        // the rendered text is checked too: a value may carry a verdict word
        assertThatThrownBy(() -> templates.renderReviewReply(Locale.CHINA, Map.of("hotline", "10010（判责成立）")))
                .isInstanceOfSatisfying(OmbudException.class,
                        e -> assertThat(e.code()).isEqualTo("TEMPLATE_REVEALS_VERDICT"));
        assertThat(templates.renderReviewReply(Locale.CHINA, Map.of("hotline", "10010"))).contains("10010")
                .doesNotContain("{");
    }

    /** The automatic escalation form: defaults for a policy without it, only its placeholders, Chinese first. */
    @Test
    void theAutomaticEscalationFormIsWordedByThePolicy() {
        var templates = policy.templates();
        assertThat(templates.autoEscalation()).isEqualTo(AutoEscalationForm.DEFAULT);
        var own = new AutoEscalationForm(null, LocalizedText.of("超过时限 {deadline}（{caseNumber}）", "late"), null, null);
        assertThat(own.progress()).isEqualTo(AutoEscalationForm.DEFAULT.progress());
        assertThat(AutoEscalationForm.render(own.deadlineBreached(), Map.of("deadline", "2026-12-01 18:00",
                "caseNumber", "KS-1"))).isEqualTo("超过时限 2026-12-01 18:00（KS-1）");
        var unknown = new MessageTemplates(templates.reviewReply(), templates.acknowledgement(),
                templates.verdictWords(), templates.hotline(), new AutoEscalationForm(null, null,
                        LocalizedText.of("客户 {customerName} 仍不接受", null), null));
        assertThatThrownBy(unknown::validate).isInstanceOfSatisfying(OmbudException.class, e -> {
            assertThat(e.code()).isEqualTo("TEMPLATE_UNKNOWN_PLACEHOLDER");
            assertThat(e.field()).isEqualTo("autoEscalation.rejectedAgain");
        });
    }
}
