package app.ombud.demo;

import app.ombud.calltest.CallChannel;
import app.ombud.calltest.CallTestGroups;
import app.ombud.calltest.CallTestReports;
import app.ombud.calltest.CallTestPlan;
import app.ombud.calltest.Communication;
import app.ombud.calltest.Draws;
import app.ombud.calltest.KnowledgePoint;
import app.ombud.calltest.KnowledgeResult;
import app.ombud.calltest.MonthlyQuota;
import app.ombud.calltest.PlanInput;
import app.ombud.calltest.Plans;
import app.ombud.calltest.Quarter;
import app.ombud.calltest.Scenario;
import app.ombud.calltest.ScenarioInput;
import app.ombud.calltest.ScenarioRef;
import app.ombud.calltest.ScenarioType;
import app.ombud.calltest.Scenarios;
import app.ombud.calltest.Slot;
import app.ombud.calltest.SpecialSituation;
import app.ombud.calltest.SpotCheckInput;
import app.ombud.calltest.TestCall;
import app.ombud.calltest.TestCallInput;
import app.ombud.calltest.TestCalls;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.Role;
import app.ombud.policy.PolicyService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's test-call programme, made through the calltest services: the management group (lead
 * Q0001, members Q0002 and Q0003), two scenarios of each type, the current quarter's plan on four
 * teams with monthly quotas, approved by the lead, the months still open drawn, and a quarter of
 * recorded test calls — {@link #CALLS} of the drawn slots, their call times spread over the last
 * three months (the services refuse plans and draws for months that are over, so the earlier months'
 * calls sit on this month's slots) — plus two spot checks. Each team has its own quality, so some
 * teams miss some thresholds; some calls promised a follow-up, delivered on time, late or not yet.
 */
@Component
class DemoTestCalls {

    private static final Logger log = LoggerFactory.getLogger(DemoTestCalls.class);
    static final String LEAD = "Q0001";
    static final List<String> MEMBERS = List.of("Q0002", "Q0003");
    /** How many drawn slots get a recorded test call. */
    static final int CALLS = 60;
    private static final List<String> PROBLEMS = List.of("未核实身份", "未告知单号", "推诿", "等待过长", "用语不规范",
            "未主动回访");

    /** A team in the plan's scope and how well its agents do (0–1). */
    record PlanTeam(UUID teamId, double quality) {
    }

    private final CallTestGroups groups;
    private final Scenarios scenarios;
    private final Plans plans;
    private final Draws draws;
    private final TestCalls testCalls;
    private final PolicyService policy;
    private final CallTestReports reports;
    private final Clock clock;
    private final Random random = new Random(20261201);

    DemoTestCalls(CallTestGroups groups, Scenarios scenarios, Plans plans, Draws draws, TestCalls testCalls,
            PolicyService policy, CallTestReports reports, Clock clock) {
        this.reports = reports;
        this.groups = groups;
        this.scenarios = scenarios;
        this.plans = plans;
        this.draws = draws;
        this.testCalls = testCalls;
        this.policy = policy;
        this.clock = clock;
    }

    /** The whole programme; {@code as} runs work as a demo person with roles. */
    void load(List<PlanTeam> teams, Runner as) {
        long start = System.nanoTime();
        as.run("admin", () -> groups.set(LEAD, MEMBERS, null), Role.ADMIN);
        String staff = MEMBERS.getFirst();
        List<Scenario> library = new ArrayList<>();
        for (ScenarioInput input : scenarioInputs()) {
            library.add(as.run(staff, () -> scenarios.create(input, IdempotencyKey.NONE), Role.CALLTEST_STAFF));
        }
        ZoneId zone = policy.calendar().zone();
        Instant now = clock.instant();
        Quarter quarter = Quarter.of(LocalDate.ofInstant(now, zone));
        YearMonth current = YearMonth.from(now.atZone(zone));
        // the open months take the calls: this month's quota is the larger, the later months' the usual
        List<MonthlyQuota> quotas = new ArrayList<>();
        for (YearMonth month = quarter.firstMonth(); !month.isAfter(quarter.firstMonth().plusMonths(2));
                month = month.plusMonths(1)) {
            boolean thisMonth = month.equals(current);
            for (PlanTeam team : teams) {
                quotas.add(new MonthlyQuota(month.toString(), team.teamId(), CallChannel.PHONE, thisMonth ? 12 : 6));
                quotas.add(new MonthlyQuota(month.toString(), team.teamId(), CallChannel.ONLINE, thisMonth ? 6 : 3));
            }
        }
        var input = new PlanInput(quarter.toString(), "检验首问负责制、一次解决率与回访承诺兑现",
                teams.stream().map(PlanTeam::teamId).toList(), List.of("10010", "在线客服"),
                List.of(CallChannel.PHONE, CallChannel.ONLINE), "工作日 9:00–18:00 随机拨测",
                library.stream().map(Scenario::id).toList(), MEMBERS, quotas);
        CallTestPlan created = as.run(staff, () -> plans.create(input, IdempotencyKey.NONE), Role.CALLTEST_STAFF);
        as.run(staff, () -> plans.submit(created.id(), created.version()), Role.CALLTEST_STAFF);
        CallTestPlan plan = as.run(LEAD, () -> plans.approve(created.id(), null), Role.CALLTEST_STAFF);
        YearMonth last = quarter.firstMonth().plusMonths(2);
        for (YearMonth month = current; !month.isAfter(last); month = month.plusMonths(1)) {
            String drawn = month.toString();
            plan = as.run(staff, () -> draws.draw(created.id(), drawn, null), Role.CALLTEST_STAFF);
        }
        // the slots in random order, so the few left planned are of any team and channel
        List<Slot> slots = new ArrayList<>(plan.drawOf(current.toString()).orElseThrow().slots());
        Collections.shuffle(slots, random);
        Map<UUID, Double> quality = new LinkedHashMap<>();
        teams.forEach(team -> quality.put(team.teamId(), team.quality()));

        // call times over the last three months (within the 92 days a call may be recorded after), oldest first
        long span = Duration.ofDays(85).toMinutes();
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < Math.min(CALLS, slots.size()); i++) {
            times.add(workingHour(now.minus(Duration.ofMinutes(60 + Math.floorMod(random.nextLong(), span))), zone));
        }
        times.sort(null);
        int recorded = 0;
        for (int i = 0; i < times.size(); i++) {
            Slot slot = slots.get(i);
            record(slot, library, quality.get(slot.teamId()), times.get(i), now, as);
            recorded++;
        }
        // two spot checks this quarter, on the weakest team
        PlanTeam weakest = teams.stream().min(Comparator.comparingDouble(PlanTeam::quality)).orElseThrow();
        Slot any = slots.stream().filter(s -> s.teamId().equals(weakest.teamId())).findFirst().orElseThrow();
        for (int i = 0; i < 2; i++) {
            Instant at = workingHour(max(quarter.firstMonth().atDay(1).atStartOfDay(zone).toInstant(),
                    now.minus(Duration.ofDays(20 + 15 * i))), zone);
            if (!quarter.contains(YearMonth.from(at.atZone(zone)))) {
                continue; // the quarter's first hours: no working time of it has passed yet
            }
            var channel = i == 0 ? CallChannel.PHONE : CallChannel.ONLINE;
            plan = as.run(staff, () -> draws.addSpotCheck(created.id(), new SpotCheckInput(weakest.teamId(), channel,
                    any.agentEmployeeId(), at, "投诉集中，不定期抽查"), null), Role.CALLTEST_STAFF);
            record(plan.spotChecks().getLast(), library, weakest.quality(), at, now, as);
            recorded++;
        }
        // the quarter's report in draft, its conclusions written: live figures, downloadable, for the lead to publish
        var report = as.run(staff, () -> reports.create(quarter.toString()), Role.CALLTEST_STAFF);
        as.run(staff, () -> reports.edit(report.id(), "多数班组达到当场解决率与沟通满意率标准；部分坐席接通前响铃偏多，"
                + "在线首次回复偏慢。", "高峰时段增加在线坐席；对未达标坐席开展知识点复训，下季度对薄弱班组复测。",
                report.version()), Role.CALLTEST_STAFF);
        log.info("Demo test calls: plan {}, {} calls recorded in {} ms", plan.number(), recorded,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Runs work as a demo person with roles. */
    @FunctionalInterface
    interface Runner {
        <T> T run(String employeeId, Supplier<T> work, Role... roles);
    }

    private void record(Slot slot, List<Scenario> library, double q, Instant calledAt, Instant now, Runner as) {
        List<Scenario> fitting = library.stream().filter(s -> s.current().channel() == slot.channel()).toList();
        Scenario scenario = fitting.get(random.nextInt(fitting.size()));
        boolean phone = slot.channel() == CallChannel.PHONE;
        List<KnowledgeResult> knowledge = scenario.current().knowledgePoints().stream()
                .map(point -> new KnowledgeResult(point.code(), random.nextDouble() < q + 0.12)).toList();
        List<String> problems = new ArrayList<>();
        if (random.nextDouble() > q) {
            problems.add(PROBLEMS.get(random.nextInt(PROBLEMS.size())));
        }
        Instant due = random.nextDouble() < 0.3 ? calledAt.plus(Duration.ofDays(1 + random.nextInt(2))) : null;
        Map<String, Integer> answers = new LinkedHashMap<>();
        policy.current().content().scorecard().items().forEach(item -> answers.put(item.code(),
                random.nextDouble() < q + 0.1 ? item.scale().max()
                        : item.scale().min() + random.nextInt(item.scale().max() - item.scale().min() + 1)));
        var input = new TestCallInput(slot.id(), new ScenarioRef(scenario.id(), scenario.current().revision()),
                calledAt, phone ? 1 + (int) Math.round(Math.abs(random.nextGaussian()) * (4 - 3 * q)) : null,
                phone ? null : BigDecimal.valueOf(0.3 + Math.abs(random.nextGaussian()) * (3.5 - 2.5 * q))
                        .setScale(1, RoundingMode.HALF_UP),
                phone ? "坐席核实身份后查询并告知了处理进度" : "坐席在线回复，提供了办理链接",
                random.nextDouble() < q + 0.05, knowledge,
                new Communication(rating(q), null, null, null), due, problems, problems.isEmpty() ? null : "加强" + problems.getFirst()
                        + "相关培训", null, answers);
        String executor = MEMBERS.get(random.nextInt(MEMBERS.size()));
        TestCall call = as.run(executor, () -> testCalls.record(input, IdempotencyKey.NONE), Role.CALLTEST_STAFF);
        if (due != null && due.isBefore(now.minus(Duration.ofDays(1)))) {
            // the better the team, the likelier on time; some are never delivered
            double roll = random.nextDouble();
            Instant delivered = roll < q ? due.minus(Duration.ofHours(2 + random.nextInt(20)))
                    : roll < q + 0.15 ? due.plus(Duration.ofHours(4 + random.nextInt(40))) : null;
            if (delivered != null) {
                Instant at = min(max(calledAt.plus(Duration.ofMinutes(30)), delivered),
                        now.minus(Duration.ofMinutes(5)));
                as.run(executor, () -> testCalls.recordFollowUp(call.id(), at, call.version()), Role.CALLTEST_STAFF);
            }
        }
    }

    /** The communication rating 1–5, around 5 for the best teams, 3–4 for the weakest. */
    private int rating(double quality) {
        return Math.max(1, Math.min(5, (int) Math.round(2.6 + 2.4 * quality + random.nextGaussian() * 0.6)));
    }

    /** The moment moved into working hours (9:00–17:59 on a weekday, company time). */
    private Instant workingHour(Instant at, ZoneId zone) {
        var local = at.atZone(zone);
        while (local.getDayOfWeek().getValue() > 5) {
            local = local.minusDays(1);
        }
        if (local.getHour() < 9 || local.getHour() > 17) {
            local = local.withHour(9 + random.nextInt(9));
        }
        Instant moved = local.toInstant();
        return moved.isAfter(clock.instant()) ? moved.minus(Duration.ofDays(1)) : moved;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static List<ScenarioInput> scenarioInputs() {
        return List.of(
                new ScenarioInput(ScenarioType.COMMON_QUESTION, null, CallChannel.PHONE, "查询宽带报修进度",
                        "客户来电称三天前报修宽带，询问维修人员何时上门", "核实身份，查询工单，告知预约上门时间并留下回访承诺",
                        points("核实身份", "告知工单号", "告知上门时间"), List.of("宽带", "报修")),
                new ScenarioInput(ScenarioType.COMMON_QUESTION, null, CallChannel.ONLINE, "在线咨询套餐变更",
                        "客户在线询问如何把套餐改为月租 59 元的档位", "说明变更规则与生效时间，发送办理链接",
                        points("说明生效时间", "发送办理链接"), List.of("套餐")),
                new ScenarioInput(ScenarioType.COMPLEX_OR_HARD_COMPLAINT, null, CallChannel.PHONE, "话费多扣要求退款",
                        "客户称本月话费多扣 58 元，情绪不满，要求当场退款", "核实账单明细，解释扣费原因，按规定提交退费并告知时限",
                        points("核实账单明细", "解释扣费原因", "告知退费时限"), List.of("话费", "退费")),
                new ScenarioInput(ScenarioType.COMPLEX_OR_HARD_COMPLAINT, null, CallChannel.ONLINE, "物流延误多次催促",
                        "客户在线第三次催促设备配送，称已影响开业", "致歉，查询物流节点，升级处理并承诺回访时间",
                        points("主动致歉", "查询物流节点", "承诺回访时间"), List.of("物流")),
                new ScenarioInput(ScenarioType.SPECIAL_SITUATION, SpecialSituation.AGITATED_CUSTOMER, CallChannel.PHONE,
                        "客户激动要求投诉装维人员", "客户大声指责装维人员态度恶劣，要求立即处理",
                        "安抚情绪，不打断客户，记录投诉要点并告知处理流程", points("安抚情绪", "记录投诉要点"),
                        List.of("投诉", "装维")),
                new ScenarioInput(ScenarioType.SPECIAL_SITUATION, SpecialSituation.VULNERABLE_CUSTOMER,
                        CallChannel.PHONE, "老年客户不会使用手机银行缴费", "一位老年客户来电，说不清楚缴费步骤，反复询问",
                        "放慢语速，分步骤讲解，必要时推荐就近营业厅办理", points("放慢语速", "分步骤讲解", "推荐营业厅"),
                        List.of("缴费", "适老化")));
    }

    private static List<KnowledgePoint> points(String... texts) {
        return Arrays.stream(texts).map(text -> new KnowledgePoint(null, text)).toList();
    }
}
