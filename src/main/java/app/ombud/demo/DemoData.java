package app.ombud.demo;

import app.ombud.complaint.CaseIntake;
import app.ombud.complaint.CaseNote;
import app.ombud.complaint.ComplaintCase;
import app.ombud.complaint.ComplaintService;
import app.ombud.complaint.Customer;
import app.ombud.complaint.Feedback;
import app.ombud.complaint.IntakeChannel;
import app.ombud.complaint.ResolutionPlan;
import app.ombud.directory.AccountService;
import app.ombud.directory.Department;
import app.ombud.directory.DepartmentInput;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.directory.Team;
import app.ombud.directory.TeamInput;
import app.ombud.panel.PanelSide;
import app.ombud.policy.JudgmentType;
import app.ombud.review.AppealPoint;
import app.ombud.review.DemandKind;
import app.ombud.review.Judgment;
import app.ombud.review.Review;
import app.ombud.review.Appeals;
import app.ombud.review.CaseLibrary;
import app.ombud.review.Replies;
import app.ombud.review.ReviewDesk;
import app.ombud.review.WorkOrders;
import app.ombud.review.ReplyOutcome;
import app.ombud.review.WorkOrder;
import app.ombud.platform.Bootstrap;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.PortalUser;
import app.ombud.platform.Role;
import app.ombud.policy.CaseCategory;
import app.ombud.policy.CaseFlag;
import app.ombud.policy.LevelRule;
import app.ombud.policy.PolicyService;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * With {@code OMBUD_DEMO_DATA=true} (property {@code ombud.demo-data.enabled}) a store without
 * demo people gets a small call center: a superior department with three departments and teams,
 * agents, team leads, heads, leadership, reviewers, whitelist owners and a site manager, complaints
 * in every state, and internal reviews from the team-lead check to an open panel — all made through
 * the same services as real work, so every rule applies. The cases came in over the last three
 * weeks (taken in with their {@code receivedAt}, so deadlines run from then): the closed ones are
 * the older ones, the open ones mostly within their deadline, and {@link #OVERDUE} of them past it —
 * like a live day, so the first run of the jobs raises a few escalations, not one per case. Demo logins
 * share one password, from {@code OMBUD_DEMO_PASSWORD} or generated and printed once.
 * The test-call programme ({@link DemoTestCalls}) has a plan for this quarter and a quarter of
 * recorded test calls. {@code ombud.demo-data.bulk-cases=N} adds N more cases for benchmarks.
 */
@Component
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String MARKER = "D0001";

    private final boolean enabled;
    private final String configuredPassword;
    private final int bulkCases;
    private final DirectoryService directory;
    private final AccountService accounts;
    private final ComplaintService cases;
    private final PolicyService policy;
    private final WorkOrders workOrders;
    private final ReviewDesk desk;
    private final Appeals appeals;
    private final Replies replies;
    private final CaseLibrary library;
    private final DemoTestCalls testCalls;
    private final Clock clock;
    private final Random random = new Random(20261122);

    DemoData(@Value("${ombud.demo-data.enabled:false}") boolean enabled,
            @Value("${ombud.demo-data.password:}") String configuredPassword,
            @Value("${ombud.demo-data.bulk-cases:0}") int bulkCases, DirectoryService directory,
            AccountService accounts, ComplaintService cases, PolicyService policy, WorkOrders workOrders,
            ReviewDesk desk, Appeals appeals, Replies replies, CaseLibrary library, DemoTestCalls testCalls,
            Clock clock) {
        this.enabled = enabled;
        this.configuredPassword = configuredPassword;
        this.bulkCases = bulkCases;
        this.directory = directory;
        this.accounts = accounts;
        this.cases = cases;
        this.policy = policy;
        this.workOrders = workOrders;
        this.desk = desk;
        this.appeals = appeals;
        this.replies = replies;
        this.library = library;
        this.testCalls = testCalls;
        this.clock = clock;
    }

    private record Org(Department center, List<Department> departments, List<List<Team>> teams) {
    }

    @EventListener(Bootstrap.class)
    @Order(Bootstrap.Step.DEMO)
    void load() {
        if (!enabled) {
            return;
        }
        try {
            loadDemo();
        } catch (RuntimeException e) {
            log.error("Demo data could not be loaded; Ombud runs without it", e);
        }
    }

    private void loadDemo() {
        boolean present = CurrentActor.runAsSystem(() -> directory.personByEmployeeId(MARKER).isPresent());
        if (present) {
            log.info("Demo data is there already");
        } else {
            long start = System.nanoTime();
            boolean generated = configuredPassword == null || configuredPassword.isBlank();
            String password = generated ? generated() : configuredPassword;
            var org = as("admin", this::organisation, Role.ADMIN);
            var people = as("admin", () -> staff(org, password), Role.ADMIN);
            complaints(org, people, 24);
            reviews();
            testCalls.load(List.of(new DemoTestCalls.PlanTeam(org.teams().get(2).get(0).id(), 0.93),
                    new DemoTestCalls.PlanTeam(org.teams().get(2).get(1).id(), 0.7),
                    new DemoTestCalls.PlanTeam(org.teams().get(0).get(0).id(), 0.86),
                    new DemoTestCalls.PlanTeam(org.teams().get(1).get(0).id(), 0.78)), this::as);
            log.info("Demo data loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
            System.out.println(banner(generated ? password : null));
        }
        if (bulkCases > 0) {
            var org = as("admin", this::existingOrganisation, Role.ADMIN);
            long start = System.nanoTime();
            complaints(org, demoPeople(), bulkCases);
            log.info("Bulk demo: {} cases in {} ms", bulkCases, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * The demo logins; the password only when Ombud generated it (shown this once). A password
     * the operator chose in OMBUD_DEMO_PASSWORD is never echoed: it is in their configuration.
     */
    static String banner(String generatedPassword) {
        String line = "=".repeat(72);
        String password = generatedPassword != null ? "the password\n\n      " + generatedPassword + "\n"
                : "the password set in OMBUD_DEMO_PASSWORD\n";
        return line + "\n  Ombud demo data: log in with an employee ID below and " + password
                + "\n  agents 1701, 1702, 2501 · team leads 1801, 2801 · department heads D0001, D0002, "
                + "D0003\n  superior department S0001 · leadership L0001 · reviewers R0001, R0002 · whitelist owner "
                + "W0001\n  site manager M0001 · agent 1701 sits on an open dispute panel (我的评审投票)\n"
                + "  test calls: group lead Q0001 · executors Q0002, Q0003\n" + line;
    }

    private Org organisation() {
        var center = directory.createDepartment(new DepartmentInput("SVC", "客户服务中心", null, "S0001"));
        var names = List.of(new String[] {"AFTER", "售后服务部", "D0001"}, new String[] {"LOGI", "物流配送部", "D0002"},
                new String[] {"HOT", "热线运营部", "D0003"});
        List<Department> departments = new ArrayList<>();
        List<List<Team>> teams = new ArrayList<>();
        for (String[] n : names) {
            var department = directory.createDepartment(new DepartmentInput(n[0], n[1], center.id(), n[2]));
            departments.add(department);
            teams.add(List.of(directory.createTeam(new TeamInput("一班", department.id(), null)),
                    directory.createTeam(new TeamInput("二班", department.id(), null))));
        }
        return new Org(center, departments, teams);
    }

    private Org existingOrganisation() {
        var all = directory.allDepartments();
        var center = all.stream().filter(d -> "SVC".equals(d.code())).findFirst().orElseThrow();
        var departments = all.stream().filter(d -> center.id().equals(d.parentId())).toList();
        return new Org(center, departments, departments.stream().map(d -> directory.teamsOf(d.id())).toList());
    }

    private record Staff(List<String> agents, List<String> leads) {
    }

    private Staff demoPeople() {
        return new Staff(List.of("1701", "1702", "2501"), List.of("1801", "2801"));
    }

    private Staff staff(Org org, String password) {
        var hot = org.departments().get(2);
        var after = org.departments().get(0);
        person("S0001", "王建国", org.center(), null, Role.SUPERIOR, Role.DEPT_HEAD);
        person("L0001", "陈志强", org.center(), null, Role.LEADERSHIP);
        person("M0001", "刘海燕", org.center(), null, Role.SITE_MANAGER);
        person("R0001", "赵丽华", org.center(), null, Role.REVIEWER, Role.WHITELIST_OWNER);
        person("R0002", "钱芳", org.center(), null, Role.REVIEWER);
        person("R0003", "何军", org.center(), null, Role.REVIEWER);
        person("W0001", "孙白", org.center(), null, Role.WHITELIST_OWNER, Role.REVIEWER);
        person(MARKER, "孙明", after, null, Role.DEPT_HEAD);
        person("D0002", "周涛", org.departments().get(1), null, Role.DEPT_HEAD);
        person("D0003", "吴静", hot, null, Role.DEPT_HEAD);
        person("1801", "郑晓峰", hot, org.teams().get(2).get(0), Role.TEAM_LEAD);
        person("2801", "冯雪", after, org.teams().get(0).get(0), Role.TEAM_LEAD);
        person("1701", "李娜", hot, org.teams().get(2).get(0), Role.AGENT);
        person("1702", "张伟", hot, org.teams().get(2).get(0), Role.AGENT);
        person("2501", "黄磊", after, org.teams().get(0).get(0), Role.AGENT);
        // more agents, so each team of the test-call plan has some to draw
        person("1703", "韩梅", hot, org.teams().get(2).get(0), Role.AGENT);
        person("1711", "曹阳", hot, org.teams().get(2).get(1), Role.AGENT);
        person("1712", "邓超", hot, org.teams().get(2).get(1), Role.AGENT);
        person("2502", "许倩", after, org.teams().get(0).get(0), Role.AGENT);
        person("3501", "彭飞", org.departments().get(1), org.teams().get(1).get(0), Role.AGENT);
        person("3502", "曾敏", org.departments().get(1), org.teams().get(1).get(0), Role.AGENT);
        // the test-call management group: its lead and two executors
        person(DemoTestCalls.LEAD, "林海", org.center(), null, Role.CALLTEST_STAFF);
        person("Q0002", "高翔", org.center(), null, Role.CALLTEST_STAFF);
        person("Q0003", "罗琳", org.center(), null, Role.CALLTEST_STAFF);
        for (String id : List.of("S0001", "L0001", "M0001", "R0001", "R0002", "R0003", "W0001", MARKER, "D0002",
                "D0003", "1801", "2801", "1701", "1702", "2501", DemoTestCalls.LEAD, "Q0002", "Q0003")) {
            accounts.setPasswordForDemo(directory.personByEmployeeId(id).orElseThrow().id(), password);
        }
        return demoPeople();
    }

    private void person(String id, String name, Department department, Team team, Role... roles) {
        directory.createPerson(new PersonInput(id, name, department.id(), team == null ? null : team.id(),
                Set.copyOf(Arrays.asList(roles)), true, "13" + (800000000L + id.hashCode() % 100000000L), null));
    }

    private static final String[][] COMPLAINTS = {
        {"宽带频繁掉线", "一周内掉线十余次，影响居家办公", "PRODUCT_QUALITY", "CANNOT_USE"},
        {"话费多扣", "本月话费比套餐多扣了 58 元，要求退还", "POLICY_TERMS", ""},
        {"装维人员态度差", "上门装机人员说话粗鲁，拒绝解释故障原因", "SERVICE_ATTITUDE", "SERIOUS_SERVICE_FAILURE"},
        {"光猫发热冒烟", "光猫使用中发热冒烟，家中有老人小孩，担心安全", "PRODUCT_QUALITY", "SAFETY_THREAT"},
        {"物流延误影响开业", "订购的门店设备延误一周，开业被迫推迟", "DELIVERY_DELAY", "BUSINESS_BADLY_HURT"},
        {"热线等待太久", "拨打热线排队 40 分钟无人接听", "SERVICE_ATTITUDE", "LONG_WAIT"},
        {"如何开通国际漫游", "出国前想了解国际漫游开通方式和资费", "INQUIRY", ""},
        {"手机外壳有划痕", "新买的手机外壳有明显划痕，要求更换", "PRODUCT_QUALITY", ""},
        {"套餐变更未生效", "上月申请的套餐变更至今未生效", "POLICY_TERMS", "DISPUTES_TERMS"},
        {"路由器无法使用要求退货", "路由器到货后无法开机，要求退货", "PRODUCT_QUALITY", "CANNOT_USE,EXCHANGE_OR_RETURN_REQUESTED"},
        {"想修改账单寄送方式", "希望把纸质账单改为电子账单", "OTHER", "SMALL_REQUEST"},
        {"营业厅人员推诿", "营业厅人员让我去热线，热线又让我去营业厅", "SERVICE_ATTITUDE", ""}};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱"};

    /** The open demo cases (by index) past their resolution deadline: dispatched, in progress, awaiting feedback. */
    static final Set<Integer> OVERDUE = Set.of(7, 14, 21);

    /**
     * When the cases came in, relative to now and on the policy's calendar: a case still open came
     * in recently enough that its deadline is ahead (or, for {@link #OVERDUE}, a few working days
     * too early); a finished one days or weeks ago.
     */
    private final class ReceivedTimes {

        private final Instant now = clock.instant();
        /** The earliest intake whose shortest resolution deadline is still a few hours ahead. */
        private final Instant openFrom;
        /** The latest intake whose longest resolution deadline has passed by an hour. */
        private final Instant overdueUntil;

        ReceivedTimes() {
            var levels = policy.current().content().grading().levels();
            int shortest = levels.stream().mapToInt(LevelRule::resolutionWorkingDays).min().orElse(1);
            int longest = levels.stream().mapToInt(LevelRule::resolutionWorkingDays).max().orElse(1);
            openFrom = latestWithDeadlineBy(shortest, now.plus(Duration.ofHours(3)));
            overdueUntil = latestWithDeadlineBy(longest, now.minus(Duration.ofHours(1)));
        }

        /** The latest whole hour back from now at which a case with this many working days is due by {@code limit}. */
        private Instant latestWithDeadlineBy(int workingDays, Instant limit) {
            Instant at = now;
            Instant floor = now.minus(Duration.ofDays(60));
            while (at.isAfter(floor) && policy.addWorkingDays(at, workingDays).isAfter(limit)) {
                at = at.minus(Duration.ofHours(1));
            }
            return at;
        }

        Instant of(int index, boolean open) {
            if (!open) {
                return now.minus(Duration.ofHours(24 * 3 + random.nextInt(24 * 18)));
            }
            if (OVERDUE.contains(index % 24)) {
                return overdueUntil.minus(Duration.ofHours(random.nextInt(24 * 3)));
            }
            long span = Math.max(1, Duration.between(openFrom, now).toMinutes() - 30);
            return openFrom.plus(Duration.ofMinutes(Math.floorMod(random.nextLong(), span)));
        }
    }

    private void complaints(Org org, Staff staff, int count) {
        Instant now = clock.instant();
        var times = new ReceivedTimes();
        for (int n = 0; n < count; n++) {
            final int i = n;
            String[] c = COMPLAINTS[i % COMPLAINTS.length];
            String agent = staff.agents().get(i % staff.agents().size());
            Set<CaseFlag> flags = c[3].isEmpty() ? Set.of()
                    : Arrays.stream(c[3].split(",")).map(CaseFlag::valueOf).collect(java.util.stream.Collectors.toSet());
            int stage = i % 6;
            Instant received = times.of(i, stage != 5);
            String phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
            String customer = SURNAMES[random.nextInt(SURNAMES.length)] + (random.nextBoolean() ? "先生" : "女士");
            ComplaintCase created = as(agent, () -> cases.intake(new CaseIntake(IntakeChannel.values()[i % 5],
                    new Customer(customer, phone, null), c[0], c[1], CaseCategory.valueOf(c[2]), flags,
                    flags.contains(CaseFlag.CANNOT_USE) ? new BigDecimal("1500") : null, i % 7 == 0, received)),
                    Role.AGENT);
            if (stage == 0) {
                continue;
            }
            int d = i % org.departments().size();
            var department = org.departments().get(d);
            // the hotline's cases are handled by its agents in turn, after-sales' by 2501, logistics' by the department
            String owner = d == 2 ? (i / 3 % 2 == 0 ? "1701" : "1702") : d == 0 ? "2501" : null;
            String head = department.headEmployeeId();
            var dispatched = as("admin", () -> cases.dispatch(created.id(), department.id(), null, owner,
                    "请按时限处理并及时回访客户", null), Role.ADMIN);
            if (stage == 1) {
                continue;
            }
            as(head, () -> cases.acknowledge(dispatched.id(), null), Role.DEPT_HEAD);
            as(head, () -> cases.addNote(dispatched.id(), CaseNote.Kind.INVESTIGATION, "已调取服务记录并联系客户核实", null),
                    Role.DEPT_HEAD);
            if (stage == 2) {
                continue;
            }
            as(head, () -> cases.planResolution(dispatched.id(), new ResolutionPlan(List.of(
                    new ResolutionPlan.Remedy(ResolutionPlan.Type.APOLOGY, null, "电话致歉"),
                    new ResolutionPlan.Remedy(ResolutionPlan.Type.COMPENSATION, new BigDecimal("30"), "话费补偿")),
                    head, now.plus(Duration.ofDays(2)), "致歉并补偿"), null), Role.DEPT_HEAD);
            as(head, () -> cases.sendResult(dispatched.id(), Feedback.ResultChannel.CALLBACK, "已电话告知处理结果", null),
                    Role.DEPT_HEAD);
            if (stage == 3) {
                continue;
            }
            boolean accepted = stage != 4;
            as(head, () -> cases.recordAnswer(dispatched.id(), accepted, accepted ? 4 : 2,
                    accepted ? "满意" : "补偿太少", null), Role.DEPT_HEAD);
            if (stage == 5) {
                as(head, () -> cases.archive(dispatched.id(), null), Role.DEPT_HEAD);
            }
        }
    }

    /**
     * Internal reviews in the states a newcomer wants to see: one waiting for the team lead, one
     * with the review team for each kind of routing, an upheld verdict, an appeal whose panel votes
     * (agent 1701 holds a seat), a final verdict in the case library with an explanation script.
     */
    private void reviews() {
        Review waiting = as("1701", () -> workOrders.submit(order("1701", "1702", "坐席解释套餐扣费时不耐烦，打断客户",
                "要求道歉并解释扣费", "套餐资费")), Role.AGENT);
        Review frontDesk = forwarded(order("1702", "2501", "坐席未核实身份就告知了通话详单", "要求说明信息泄露原因",
                "客户信息"));
        Review backOffice = forwarded(order("1701", "1101", "后台工单处理人员告知的退费时间错误", "要求按时退费", "退费"));
        as("R0002", () -> desk.take(backOffice.id(), null), Role.REVIEWER);
        as("R0001", () -> desk.recordVerification(frontDesk.id(), "录音 01:20 处坐席直接报出近三月通话详单", "REC-2026-1102",
                null), Role.REVIEWER);

        Review upheld = judged(order("1702", "1702", "坐席与客户争吵并挂断电话", "要求投诉处理并回电", "宽带故障"),
                JudgmentType.ATTITUDE, "A_ARGUING", "录音 03:05 处坐席提高音量与客户争吵");
        as("R0002", () -> replies.recordReplyAttempt(upheld.id(), null, ReplyOutcome.NO_ANSWER, "第一次回访无人接听", false,
                null), Role.REVIEWER);

        Review disputed = judged(order("1701", "1702", "坐席解释资费时语气生硬", "要求道歉", "套餐资费"),
                JudgmentType.ATTITUDE, "A_ARROGANCE", "录音显示语气生硬、不耐烦");
        as("1702", () -> appeals.appeal(disputed.id(), List.of(new AppealPoint("02:10", "是客户先情绪激动，本人一直在解释"),
                new AppealPoint("04:30", "本人已道歉")), null), Role.AGENT);
        as("W0001", () -> appeals.rejudge(disputed.id(), true, "录音中坐席确有不耐烦语气，维持原判，提交评审小组", null),
                Role.WHITELIST_OWNER);
        as("1702", () -> appeals.namePanelSide(disputed.id(), PanelSide.EMPLOYEE, List.of("1701", "2501", "2801"),
                null), Role.AGENT);
        as("W0001", () -> appeals.namePanelSide(disputed.id(), PanelSide.REVIEW, List.of("R0002", "R0003", MARKER),
                null), Role.WHITELIST_OWNER);

        Review explained = judged(order("2501", "2501", "客户认为停机销户未通知", "要求恢复号码", "停机销户"),
                JudgmentType.BUSINESS, null, "知识库 KB-2207：停机 90 天后销户，已按规定短信通知");
        as("R0002", () -> replies.explainDirectly(explained.id(),
                "您的号码停机超过 90 天，按规定已销户并已短信通知；如需恢复，请携带身份证到营业厅办理。", null), Role.REVIEWER);
        as("R0001", () -> library.addToLibrary(explained.id(), List.of("停机", "解释口径"),
                "销户类投诉先核实停机时间与通知记录，再按口径解释", null), Role.REVIEWER);
        log.info("Demo reviews: {} waits for team lead 1801; panel of {} is voting", waiting.number(),
                disputed.number());
    }

    private static WorkOrder order(String submitter, String accused, String complaint, String demand, String topic) {
        return new WorkOrder(submitter, "1390000%04d".formatted(Math.floorMod(accused.hashCode(), 10000)), null,
                "13700002222", complaint, demand,
                DemandKind.EXPLICIT, accused, "10010", topic);
    }

    /** Submitted by the agent and forwarded by their team lead (1801 leads 1701 and 1702, 2801 leads 2501). */
    private Review forwarded(WorkOrder order) {
        Review submitted = as(order.submitterEmployeeId(), () -> workOrders.submit(order), Role.AGENT);
        String lead = order.submitterEmployeeId().startsWith("25") ? "2801" : "1801";
        return as(lead, () -> workOrders.forward(submitted.id(), "工单要素齐全，已核对", null), Role.TEAM_LEAD);
    }

    private Review judged(WorkOrder order, JudgmentType type, String criterion, String basis) {
        Review review = forwarded(order);
        as("R0001", () -> desk.recordVerification(review.id(), "已调听录音核实", null, null), Role.REVIEWER);
        return as("R0001", () -> desk.judge(review.id(), new Judgment(type,
                criterion == null ? List.of() : List.of(criterion), criterion != null, basis, null, order.topic()),
                null), Role.REVIEWER);
    }

    private static String generated() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        var random = new SecureRandom();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Runs the work as a demo person with these roles (the services check them as for anyone). */
    private <T> T as(String employeeId, Supplier<T> work, Role... roles) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        var authorities = Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        var user = new PortalUser(employeeId, "", true, true, authorities, employeeId, employeeId, false);
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
