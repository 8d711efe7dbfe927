package app.ombud.policy;

import static app.ombud.policy.CaseCategory.DELIVERY_DELAY;
import static app.ombud.policy.CaseCategory.INQUIRY;
import static app.ombud.policy.CaseCategory.POLICY_TERMS;
import static app.ombud.policy.CaseCategory.PRODUCT_QUALITY;
import static app.ombud.policy.CaseCategory.SERVICE_ATTITUDE;
import static app.ombud.policy.CaseFlag.BUSINESS_BADLY_HURT;
import static app.ombud.policy.CaseFlag.CANNOT_USE;
import static app.ombud.policy.CaseFlag.DISPUTES_TERMS;
import static app.ombud.policy.CaseFlag.EXCHANGE_OR_RETURN_REQUESTED;
import static app.ombud.policy.CaseFlag.LONG_WAIT;
import static app.ombud.policy.CaseFlag.MAJOR_PROPERTY_LOSS;
import static app.ombud.policy.CaseFlag.PUBLIC_OPINION_EVENT;
import static app.ombud.policy.CaseFlag.REGULATOR_OR_MEDIA_THREAT;
import static app.ombud.policy.CaseFlag.SAFETY_THREAT;
import static app.ombud.policy.CaseFlag.SERIOUS_SERVICE_FAILURE;
import static app.ombud.policy.CaseFlag.SMALL_REQUEST;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** The policy Ombud ships with: SPEC §1.2 levels, §5 routing and windows, §3 targets. */
public final class PolicyDefaults {

    private PolicyDefaults() {
    }

    /** Every section's defaults. */
    public static PolicyContent content() {
        return new PolicyContent(java.util.Map.of());
    }

    static ReviewWindows reviewWindows() {
        return new ReviewWindows(2, 48, 3, 2, 3, 7, List.of("10016"));
    }

    static CallTestThresholds callTestThresholds() {
        return new CallTestThresholds(new BigDecimal("90"), new BigDecimal("95"), 3, 2, new BigDecimal("90"),
                new BigDecimal("5"), CallTestThresholds.DEFAULT_COMMUNICATION_SATISFIED_RATING,
                CallTestThresholds.DEFAULT_CONSECUTIVE_MISSES_TO_FLAG);
    }

    /**
     * The test-call scorecard of a telecom hotline, shaped like the third-party evaluations of the
     * 12345 hotlines (ANALYTICS.md §1): 服务响应 / 服务规范 / 问题解决, 8 level-2 indicators, 19
     * items. Passing the customer on, arguing, leaking data and a wrong answer are critical; the
     * phone and the online response items allow N/A (a call is one or the other).
     */
    public static Scorecard scorecard() {
        return new Scorecard(List.of(
                indicator("RESPONSE", "服务响应", "Service response",
                        sub("RESPONSE_SPEED", "接通及时", "Prompt answer",
                                item("RINGS_WITHIN_LIMIT", "电话在规定振铃次数内接听", "Phone answered within the ring limit",
                                        10, ScoreScale.YES_NO, false, true),
                                item("ONLINE_REPLY_IN_TIME", "在线首次回复及时", "First online reply in time",
                                        10, ScoreScale.YES_NO, false, true),
                                item("HOLD_ANNOUNCED", "转接或等待前告知客户", "Tells the customer before a transfer or hold",
                                        4, ScoreScale.YES_NO, false, true)),
                        sub("FIRST_CONTACT", "首问负责", "First-contact responsibility",
                                item("NEED_IDENTIFIED", "准确识别客户诉求", "Identifies the customer's need",
                                        6, ScoreScale.THREE_POINTS, false, false),
                                item("NO_PASSING_ON", "不推诿，首问负责到底", "Owns the request, no passing on",
                                        8, ScoreScale.YES_NO, true, false))),
                indicator("CONDUCT", "服务规范", "Service conduct",
                        sub("STANDARD_PHRASES", "规范用语", "Standard phrases",
                                item("GREETING", "标准开场白并报工号", "Standard greeting with employee ID",
                                        4, ScoreScale.YES_NO, false, false),
                                item("CLOSING", "标准结束语", "Standard closing", 3, ScoreScale.YES_NO, false, false)),
                        sub("ATTITUDE", "服务态度", "Attitude",
                                item("POLITENESS", "礼貌、耐心", "Polite and patient", 8, ScoreScale.FIVE_POINTS, false, false),
                                item("EMPATHY", "理解并回应客户情绪", "Understands and answers the customer's feelings",
                                        5, ScoreScale.FOUR_POINTS, false, true),
                                item("NO_ARGUING", "无争吵、训斥客户", "No arguing with or scolding the customer",
                                        6, ScoreScale.YES_NO, true, false)),
                        sub("COMMUNICATION", "沟通表达", "Communication",
                                item("CLARITY", "表达清晰、简洁", "Clear and concise", 5, ScoreScale.FIVE_POINTS, false, false),
                                item("LISTENING", "认真倾听，不打断客户", "Listens without interrupting",
                                        4, ScoreScale.THREE_POINTS, false, false)),
                        sub("INFORMATION_SECURITY", "信息安全", "Information security",
                                item("IDENTITY_CHECKED", "按规定核实客户身份", "Verifies the customer's identity as required",
                                        4, ScoreScale.YES_NO, false, true),
                                item("NO_DATA_LEAK", "未泄露客户信息", "No customer data disclosed",
                                        5, ScoreScale.YES_NO, true, false))),
                indicator("SOLVING", "问题解决", "Problem solving",
                        sub("ACCURACY", "业务准确", "Accurate answer",
                                item("ANSWER_CORRECT", "解答正确", "Correct answer", 10, ScoreScale.FIVE_POINTS, true, false),
                                item("KNOWLEDGE_COMPLETE", "知识点完整", "Every knowledge point covered",
                                        6, ScoreScale.FOUR_POINTS, false, false)),
                        sub("RESOLUTION", "解决效果", "Resolution",
                                item("SOLVED_ON_SPOT", "当场解决", "Solved on the spot", 8, ScoreScale.YES_NO, false, true),
                                item("FOLLOW_UP_PROMISED", "不能当场解决时约定回复时间", "Promises a reply time when not solved at once",
                                        4, ScoreScale.YES_NO, false, true),
                                item("RECORD_ACCURATE", "工单记录准确完整", "Accurate and complete work-order record",
                                        3, ScoreScale.THREE_POINTS, false, true)))));
    }

    private static Scorecard.Indicator indicator(String code, String zh, String en, Scorecard.SubIndicator... subs) {
        return new Scorecard.Indicator(code, LocalizedText.of(zh, en), List.of(subs));
    }

    private static Scorecard.SubIndicator sub(String code, String zh, String en, Scorecard.Item... items) {
        return new Scorecard.SubIndicator(code, LocalizedText.of(zh, en), List.of(items));
    }

    private static Scorecard.Item item(String code, String zh, String en, int weight, ScoreScale scale,
            boolean critical, boolean notApplicableAllowed) {
        return new Scorecard.Item(code, LocalizedText.of(zh, en), weight, scale, critical, notApplicableAllowed);
    }

    static MessageTemplates templates() {
        return new MessageTemplates(
                LocalizedText.of("尊敬的客户，关于您反映的问题我们已核实处理，多次致电未能联系到您。如有疑问请致电{hotline}，感谢您的理解与支持。",
                        "Dear customer, we have looked into the matter you raised and could not reach you by phone. "
                                + "Please call {hotline} if you have questions. Thank you."),
                LocalizedText.of("尊敬的客户，您的投诉（编号{caseNumber}）已受理，我们将尽快处理并与您联系。",
                        "Dear customer, your complaint {caseNumber} has been received; we will contact you soon."),
                List.of("成立", "属实", "有责", "无责", "判责", "upheld", "not upheld", "verdict", "at fault"));
    }

    static OperationsTargets operations() {
        return new OperationsTargets(70, 5, new BigDecimal("69"), new BigDecimal("74"), 24, 48, 2);
    }

    /**
     * Mon–Fri, 09:00–12:00 and 13:30–18:00 in Asia/Shanghai, with the shipped holiday packs: the
     * State Council's published holidays and swapped working days of every year Ombud ships.
     */
    public static WorkingCalendar calendar() {
        return app.ombud.policy.internal.HolidayPacks.applyAll(WorkingCalendar.chinaDefault());
    }

    /** The verdict criteria of SPEC §5: attitude and business. */
    public static ReviewCriteria reviewCriteria() {
        return new ReviewCriteria(List.of(
                judgment("A_ARGUING", "与客户争吵", "Arguing with the customer"),
                judgment("A_ABUSE", "质问、训斥、辱骂或命令客户", "Interrogating, scolding, insulting or ordering the customer"),
                judgment("A_ARROGANCE", "态度傲慢", "Arrogance"),
                judgment("A_IGNORING", "不回应客户关注的问题", "Not answering the customer's concern"),
                judgment("A_EVADING", "搪塞、敷衍、回避问题", "Bluffing or evading"),
                judgment("A_PASSING_ON", "推诿客户，违反首问负责制", "Passing the customer on, breaking first-contact responsibility")),
                List.of(
                judgment("B_WRONG_ANSWER", "解答错误且未及时更正，损害客户利益",
                        "A wrong answer, not corrected in time, that harms the customer"),
                judgment("B_CUSTOMER_LOSS", "提供错误信息，造成客户经济或权益损失",
                        "Wrong information that costs the customer money or rights"),
                judgment("B_COMPANY_LOSS", "提供错误信息，造成公司经济损失", "Wrong information that costs the company money"),
                judgment("B_CAUSED_COMPLAINT", "差错导致客户投诉、升级投诉，或引导客户到别处投诉",
                        "An error that gives the customer reason to complain or escalate, or sends them to complain elsewhere"),
                judgment("B_DATA_LEAK", "泄露公司机密或客户信息（如通话详单）",
                        "Leaking company secrets or customer data such as call detail records")));
    }

    private static JudgmentCriterion judgment(String code, String zh, String en) {
        return new JudgmentCriterion(code, LocalizedText.of(zh, en));
    }

    static Grading grading() {
        return new Grading(List.of(
                new LevelRule(1, LocalizedText.of("一级（重大）", "Level 1 (critical)"),
                        LocalizedText.of("安全威胁、重大财产损失、重大舆情、反复投诉并威胁向监管或媒体反映",
                                "Safety threat, major property loss, public-opinion event, repeated complaints with a regulator or media threat"),
                        HandlingRole.LEADERSHIP_TASK_FORCE, 1, 2, List.of(
                                criterion("L1_SAFETY", "产品质量威胁人身安全", "Product quality threatens personal safety",
                                        Set.of(SAFETY_THREAT), Set.of(), null, null),
                                criterion("L1_PROPERTY", "造成重大财产损失", "Major property loss",
                                        Set.of(MAJOR_PROPERTY_LOSS), Set.of(), null, null),
                                criterion("L1_PUBLIC_OPINION", "重大舆情事件", "Major public-opinion event",
                                        Set.of(PUBLIC_OPINION_EVENT), Set.of(), null, null),
                                criterion("L1_REPEAT_THREAT", "同一问题反复投诉未解决并威胁向监管或媒体反映",
                                        "Repeated complaints on the same issue, threatening regulators or media",
                                        Set.of(REGULATOR_OR_MEDIA_THREAT), Set.of(), null, 2)), true),
                new LevelRule(2, LocalizedText.of("二级（严重）", "Level 2 (serious)"),
                        LocalizedText.of("质量问题影响正常使用并要求换退货或大额赔偿、严重服务失误、延误严重影响客户业务",
                                "A quality problem stops normal use with an exchange, return or large claim; a serious service failure; a delay that badly hurts the customer's business"),
                        HandlingRole.DEPARTMENT_HEAD, 2, 2, List.of(
                                criterion("L2_UNUSABLE_EXCHANGE", "无法正常使用且要求换货或退货",
                                        "Cannot be used; exchange or return requested",
                                        Set.of(CANNOT_USE, EXCHANGE_OR_RETURN_REQUESTED), Set.of(), null, null),
                                criterion("L2_UNUSABLE_COMPENSATION", "无法正常使用且要求大额赔偿",
                                        "Cannot be used; large compensation asked",
                                        Set.of(CANNOT_USE), Set.of(), new BigDecimal("1000"), null),
                                criterion("L2_SERVICE_FAILURE", "严重服务失误（态度恶劣、推诿）",
                                        "Serious service failure (rude or obstructive staff)",
                                        Set.of(SERIOUS_SERVICE_FAILURE), Set.of(), null, null),
                                criterion("L2_DELIVERY_BUSINESS", "交付延误严重影响客户业务",
                                        "A delivery delay badly hurts the customer's business",
                                        Set.of(BUSINESS_BADLY_HURT), Set.of(DELIVERY_DELAY), null, null)), false),
                new LevelRule(3, LocalizedText.of("三级（一般）", "Level 3 (ordinary)"),
                        LocalizedText.of("一般质量缺陷、响应慢但无实际损失、对条款政策有异议",
                                "An ordinary defect, a slow response without real loss, a dispute about terms"),
                        HandlingRole.BUSINESS_TEAM, 4, 2, List.of(
                                criterion("L3_DEFECT", "一般质量缺陷（外观、小故障）",
                                        "Ordinary quality defect (cosmetic, minor malfunction)",
                                        Set.of(), Set.of(PRODUCT_QUALITY), null, null),
                                criterion("L3_SLOW_RESPONSE", "响应慢、等待时间长但无实际损失",
                                        "Slow response and long wait without real loss",
                                        Set.of(LONG_WAIT), Set.of(), null, null),
                                criterion("L3_DELAY", "交付延误", "Delivery delay",
                                        Set.of(), Set.of(DELIVERY_DELAY), null, null),
                                criterion("L3_SERVICE", "服务态度问题", "Service attitude",
                                        Set.of(), Set.of(SERVICE_ATTITUDE), null, null),
                                criterion("L3_TERMS_DISPUTE", "解释后仍对条款或政策有异议",
                                        "Disputes a term or policy after it was explained",
                                        Set.of(DISPUTES_TERMS), Set.of(), null, null),
                                criterion("L3_POLICY", "条款或政策问题", "Policy or terms",
                                        Set.of(), Set.of(POLICY_TERMS), null, null)), false),
                new LevelRule(4, LocalizedText.of("四级（轻微）", "Level 4 (minor)"),
                        LocalizedText.of("咨询类问题、小需求", "An inquiry or a small request"),
                        HandlingRole.AGENT, 8, 2, List.of(
                                criterion("L4_INQUIRY", "咨询（如何使用、功能说明）", "Inquiry (how to use, what a feature does)",
                                        Set.of(), Set.of(INQUIRY), null, null),
                                criterion("L4_SMALL_REQUEST", "小需求（小功能或设置）", "Small request (a small feature or setting)",
                                        Set.of(SMALL_REQUEST), Set.of(), null, null)), false)),
                30, 3);
    }

    static Routing routing() {
        return new Routing(List.of(
                new RoutingRule("FRONT_DESK", LocalizedText.of("前台", "Front desk"), List.of("17", "18"),
                        List.of(new RoutingRule.PrefixRange("20", "29")), null,
                        RoutingRule.HandlingMode.VERIFY_RECORDING_AND_CALL_BACK),
                new RoutingRule("BACK_OFFICE", LocalizedText.of("后台", "Back office"), List.of(),
                        List.of(new RoutingRule.PrefixRange("10", "13")), "8001",
                        RoutingRule.HandlingMode.NOTIFY_BY_CALL),
                new RoutingRule("LINE_89082000", LocalizedText.of("89082000 专线", "Line 89082000"), List.of("8009"),
                        List.of(), "89082000", RoutingRule.HandlingMode.NOTIFY_BY_CALL),
                new RoutingRule("LINE_10109696", LocalizedText.of("10109696 专线", "Line 10109696"), List.of("35"),
                        List.of(), "10109696", RoutingRule.HandlingMode.NOTIFY_BY_CALL)));
    }

    private static Criterion criterion(String code, String zh, String en, Set<CaseFlag> flags,
            Set<CaseCategory> categories, BigDecimal minCompensation, Integer minRepeat) {
        return new Criterion(code, LocalizedText.of(zh, en), flags, categories, minCompensation, minRepeat);
    }
}
