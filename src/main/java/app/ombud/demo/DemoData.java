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
import app.ombud.platform.CurrentActor;
import app.ombud.platform.PortalUser;
import app.ombud.platform.Role;
import app.ombud.policy.CaseCategory;
import app.ombud.policy.CaseFlag;
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
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * With {@code OMBUD_DEMO_DATA=true} (property {@code ombud.demo-data.enabled}) a store without
 * demo people gets a small call center: a superior department with three departments and teams,
 * agents, team leads, heads, leadership, reviewers and a site manager, and complaints in every
 * state — all made through the same services as real work, so every rule applies. Demo logins
 * share one password, from {@code OMBUD_DEMO_PASSWORD} or generated and printed once.
 * {@code ombud.demo-data.bulk-cases=N} adds N more cases for benchmarks.
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
    private final Clock clock;
    private final Random random = new Random(20261122);

    DemoData(@Value("${ombud.demo-data.enabled:false}") boolean enabled,
            @Value("${ombud.demo-data.password:}") String configuredPassword,
            @Value("${ombud.demo-data.bulk-cases:0}") int bulkCases, DirectoryService directory,
            AccountService accounts, ComplaintService cases, Clock clock) {
        this.enabled = enabled;
        this.configuredPassword = configuredPassword;
        this.bulkCases = bulkCases;
        this.directory = directory;
        this.accounts = accounts;
        this.cases = cases;
        this.clock = clock;
    }

    private record Org(Department center, List<Department> departments, List<List<Team>> teams) {
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
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
            String password = configuredPassword == null || configuredPassword.isBlank() ? generated()
                    : configuredPassword;
            var org = as("admin", this::organisation, Role.ADMIN);
            var people = as("admin", () -> staff(org, password), Role.ADMIN);
            complaints(org, people, 24);
            String banner = "=".repeat(72);
            System.out.println(banner + "\n  Ombud demo data: log in with an employee ID below and the password\n\n      "
                    + password + "\n\n  agents 1701, 1702, 2501 · team leads 1801, 2801 · department heads D0001, D0002, "
                    + "D0003\n  superior department S0001 · leadership L0001 · reviewer R0001 · site manager M0001\n"
                    + banner);
        }
        if (bulkCases > 0) {
            var org = as("admin", this::existingOrganisation, Role.ADMIN);
            long start = System.nanoTime();
            complaints(org, demoPeople(), bulkCases);
            log.info("Bulk demo: {} cases in {} ms", bulkCases, (System.nanoTime() - start) / 1_000_000);
        }
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
        person(MARKER, "孙明", after, null, Role.DEPT_HEAD);
        person("D0002", "周涛", org.departments().get(1), null, Role.DEPT_HEAD);
        person("D0003", "吴静", hot, null, Role.DEPT_HEAD);
        person("1801", "郑晓峰", hot, org.teams().get(2).get(0), Role.TEAM_LEAD);
        person("2801", "冯雪", after, org.teams().get(0).get(0), Role.TEAM_LEAD);
        person("1701", "李娜", hot, org.teams().get(2).get(0), Role.AGENT);
        person("1702", "张伟", hot, org.teams().get(2).get(0), Role.AGENT);
        person("2501", "黄磊", after, org.teams().get(0).get(0), Role.AGENT);
        for (String id : List.of("S0001", "L0001", "M0001", "R0001", MARKER, "D0002", "D0003", "1801", "2801", "1701",
                "1702", "2501")) {
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

    private void complaints(Org org, Staff staff, int count) {
        Instant now = clock.instant();
        for (int n = 0; n < count; n++) {
            final int i = n;
            String[] c = COMPLAINTS[i % COMPLAINTS.length];
            String agent = staff.agents().get(i % staff.agents().size());
            Set<CaseFlag> flags = c[3].isEmpty() ? Set.of()
                    : Arrays.stream(c[3].split(",")).map(CaseFlag::valueOf).collect(java.util.stream.Collectors.toSet());
            Instant received = now.minus(Duration.ofHours(2 + random.nextInt(24 * 12)));
            String phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
            String customer = SURNAMES[random.nextInt(SURNAMES.length)] + (random.nextBoolean() ? "先生" : "女士");
            ComplaintCase created = as(agent, () -> cases.intake(new CaseIntake(IntakeChannel.values()[i % 5],
                    new Customer(customer, phone, null), c[0], c[1], CaseCategory.valueOf(c[2]), flags,
                    flags.contains(CaseFlag.CANNOT_USE) ? new BigDecimal("1500") : null, i % 7 == 0, received)),
                    Role.AGENT);
            int stage = i % 6;
            if (stage == 0) {
                continue;
            }
            int d = i % org.departments().size();
            var department = org.departments().get(d);
            String owner = d == 2 ? agent : d == 0 ? "2501" : null;
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
