package app.ombud.complaint.internal;

import app.ombud.complaint.Assignment;
import app.ombud.complaint.CaseNote;
import app.ombud.complaint.CaseStatus;
import app.ombud.complaint.Customer;
import app.ombud.complaint.Deadlines;
import app.ombud.complaint.Feedback;
import app.ombud.complaint.Grade;
import app.ombud.complaint.IntakeChannel;
import app.ombud.complaint.ResolutionPlan;
import app.ombud.complaint.TimelineEntry;
import app.ombud.complaint.Validity;
import app.ombud.policy.CaseCategory;
import app.ombud.policy.CaseFlag;
import app.ombud.policy.HandlingRole;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The scale benchmark's case generator: N complaint cases written straight to the store in
 * batches of 1,000, in the complaint module's own document shape ({@link CaseDocument}, converted
 * by the application's own converter), so a million cases take minutes instead of the days that
 * a million intakes through the API would. Benchmark-only (test sources): it skips the intake's
 * rules, which is why it must never serve real data.
 *
 * <p>The spread is what a provincial hotline sees: cases over the last {@code days} days (never
 * today, so the intakes the benchmark sends get numbers of their own), in working hours, over
 * every department, team and agent given, every channel and category, levels 1–4 by category and
 * flags, 4 % urgent. Only yesterday's cases are still open (new, dispatched, in progress, waiting
 * for the customer), so none is past its deadline and the jobs of the forked Ombud find nothing
 * to escalate; older ones are closed, and those older than a week mostly archived (so even the
 * smallest store, a month of cases, has an archive to search). One case in
 * ten closed late (breach mark set), one in twelve was rejected once (a rework), one in fifteen
 * judged invalid.
 */
public final class BulkCases {

    /** A team: its department, the department head who handles its cases, its agents' employee IDs. */
    public record Unit(UUID departmentId, UUID teamId, String headEmployeeId, List<String> agents) {
    }

    /** How many cases were written, in how long. */
    public record Written(int cases, long nanos) {
        public double perSecond() {
            return cases / (nanos / 1e9);
        }
    }

    private record Kind(String subject, String description, CaseCategory category, Set<CaseFlag> flags, int level,
            String criterion) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("电视机开机黑屏", "购买不到一个月的电视开机后黑屏，售后一直未上门", CaseCategory.PRODUCT_QUALITY,
                    Set.of(CaseFlag.CANNOT_USE), 2, "L2_CANNOT_USE"),
            new Kind("充电器发烫有焦味", "充电器使用十分钟后发烫并有焦糊味", CaseCategory.PRODUCT_QUALITY,
                    Set.of(CaseFlag.SAFETY_THREAT), 1, "L1_SAFETY"),
            new Kind("客服挂断电话", "咨询退款进度时客服未说完就挂断电话", CaseCategory.SERVICE_ATTITUDE, Set.of(), 3,
                    "L3_ATTITUDE"),
            new Kind("快递超时未送达", "承诺两天送达，已过去六天仍未收到", CaseCategory.DELIVERY_DELAY, Set.of(), 3,
                    "L3_DELAY"),
            new Kind("会员费自动续费", "未经同意自动扣除年度会员费", CaseCategory.POLICY_TERMS,
                    Set.of(CaseFlag.DISPUTES_TERMS), 3, "L3_POLICY"),
            new Kind("发票如何开具", "想了解电子发票的开具和下载方式", CaseCategory.INQUIRY, Set.of(), 4, "L4_INQUIRY"),
            new Kind("洗衣机漏水要求换货", "新洗衣机第一次使用就漏水，要求换新", CaseCategory.PRODUCT_QUALITY,
                    Set.of(CaseFlag.CANNOT_USE, CaseFlag.EXCHANGE_OR_RETURN_REQUESTED), 2, "L2_EXCHANGE"),
            new Kind("门店装修延期交付", "门店设备延期交付导致无法按期营业", CaseCategory.DELIVERY_DELAY,
                    Set.of(CaseFlag.BUSINESS_BADLY_HURT), 2, "L2_BUSINESS"),
            new Kind("排队等待过长", "热线排队半小时仍未接通", CaseCategory.SERVICE_ATTITUDE, Set.of(CaseFlag.LONG_WAIT),
                    3, "L3_WAIT"),
            new Kind("更换收货地址", "希望把后续订单的收货地址改到公司", CaseCategory.OTHER,
                    Set.of(CaseFlag.SMALL_REQUEST), 4, "L4_SMALL"),
            new Kind("维修人员多收费", "上门维修人员收取了保修期内的维修费", CaseCategory.POLICY_TERMS, Set.of(), 3,
                    "L3_POLICY"),
            new Kind("扬言向媒体曝光", "多次投诉同一问题未解决，表示将向媒体反映", CaseCategory.PRODUCT_QUALITY,
                    Set.of(CaseFlag.REGULATOR_OR_MEDIA_THREAT), 1, "L1_MEDIA"));
    private static final String[] SURNAMES = {"赵", "钱", "孙", "李", "周", "吴", "郑", "王", "冯", "陈", "褚", "卫",
        "蒋", "沈", "韩", "杨"};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final int BATCH = 1_000;

    private final MongoTemplate mongo;
    private final ZoneId zone;
    private final LocalDate today;
    private final Random random;
    private final Map<LocalDate, Integer> sequences = new HashMap<>();

    public BulkCases(MongoTemplate mongo, ZoneId zone, Instant now, long seed) {
        this.mongo = mongo;
        this.zone = zone;
        this.today = now.atZone(zone).toLocalDate();
        this.random = new Random(seed);
    }

    /**
     * Writes {@code count} cases over the last {@code days} days. One thread builds and converts
     * the next batch while the store takes in the previous one (the insert waits for the file's
     * sync), so the two cores both work.
     */
    public Written write(List<Unit> units, int count, int days) {
        long start = System.nanoTime();
        CompletableFuture<Void> inserting = CompletableFuture.completedFuture(null);
        for (int done = 0; done < count; done += BATCH) {
            List<Document> batch = new ArrayList<>(BATCH);
            for (int i = done; i < Math.min(count, done + BATCH); i++) {
                Document stored = new Document();
                mongo.getConverter().write(next(units, days), stored);
                batch.add(stored);
            }
            inserting.join();
            inserting = CompletableFuture.runAsync(() -> mongo.getCollection("cases").insertMany(batch));
        }
        inserting.join();
        return new Written(count, System.nanoTime() - start);
    }

    private CaseDocument next(List<Unit> units, int days) {
        LocalDate day = today.minusDays(1 + random.nextInt(days));
        Instant received = day.atTime(8 + random.nextInt(13), random.nextInt(60), random.nextInt(60)).atZone(zone)
                .toInstant();
        long age = today.toEpochDay() - day.toEpochDay();
        Unit unit = units.get(random.nextInt(units.size()));
        String agent = unit.agents().get(random.nextInt(unit.agents().size()));
        Kind kind = KINDS.get(random.nextInt(KINDS.size()));
        CaseStatus status = age == 1 ? CaseStatus.values()[random.nextInt(4)]
                : age > 7 && random.nextInt(20) != 0 ? CaseStatus.ARCHIVED : CaseStatus.CLOSED;
        return new Life(received, unit, agent, kind, status).build();
    }

    /** One case's life up to its status: the fields and the timeline entries of each step. */
    private final class Life {
        private final Instant received;
        private final Unit unit;
        private final String agent;
        private final Kind kind;
        private final CaseStatus status;
        private final List<TimelineEntry> timeline = new ArrayList<>();
        private Instant at;

        Life(Instant received, Unit unit, String agent, Kind kind, CaseStatus status) {
            this.received = received;
            this.unit = unit;
            this.agent = agent;
            this.kind = kind;
            this.status = status;
            this.at = received;
        }

        CaseDocument build() {
            boolean urgent = random.nextInt(25) == 0;
            LocalDate day = received.atZone(zone).toLocalDate();
            // from 5001 on each day: the demo data's intakes of the same days count from 1
            String number = "KS-%s-%04d".formatted(DAY.format(day), sequences.merge(day, 5_001, (n, one) -> n + 1));
            Customer customer = new Customer(SURNAMES[random.nextInt(SURNAMES.length)]
                    + (random.nextBoolean() ? "先生" : "女士"),
                    "1" + (3 + random.nextInt(7)) + "%09d".formatted(random.nextInt(1_000_000_000)), null);
            var grade = new Grade(kind.level(), List.of(kind.criterion()), false, 1, kind.level(), null, null);
            Instant resolutionDue = workingDaysLater(received, 2);
            boolean late = closed() && random.nextInt(10) == 0;
            var deadlines = new Deadlines(received.plus(Duration.ofHours(1L << (kind.level() - 1))), resolutionDue,
                    null, late ? resolutionDue : null);
            log(agent, "intake", null, CaseStatus.NEW, null, List.of());
            log(agent, "graded", null, null, null, List.of(String.valueOf(kind.level()), "1", kind.criterion()));

            Assignment assignment = null;
            Instant acknowledged = null;
            List<CaseNote> notes = new ArrayList<>();
            ResolutionPlan plan = null;
            List<Feedback> feedback = new ArrayList<>();
            Validity validity = null;
            int reworks = 0;
            if (status != CaseStatus.NEW) {
                String owner = random.nextBoolean() ? agent : null;
                assignment = new Assignment(unit.departmentId(), unit.teamId(), owner, handler(kind.level()));
                step(CaseStatus.NEW, CaseStatus.DISPATCHED, "dispatched", "请按时限处理", "admin");
            }
            if (status.ordinal() >= CaseStatus.IN_PROGRESS.ordinal()) {
                acknowledged = step(CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS, "acknowledged", null,
                        unit.headEmployeeId());
                notes.add(new CaseNote(later(30), unit.headEmployeeId(), CaseNote.Kind.INVESTIGATION, "已核实服务记录"));
                log(unit.headEmployeeId(), "note-investigation", null, null, null, List.of());
            }
            boolean invalid = closed() && random.nextInt(15) == 0;
            if (invalid) {
                validity = new Validity(false, "客户诉求不在服务承诺范围内", unit.headEmployeeId(), later(60));
                log(unit.headEmployeeId(), "judged-invalid", null, null, validity.reason(), List.of());
                step(CaseStatus.IN_PROGRESS, CaseStatus.CLOSED, "closed-invalid", "已向客户解释", unit.headEmployeeId());
            } else if (status.ordinal() >= CaseStatus.AWAITING_FEEDBACK.ordinal()) {
                plan = new ResolutionPlan(List.of(new ResolutionPlan.Remedy(ResolutionPlan.Type.APOLOGY, null, "电话致歉"),
                        new ResolutionPlan.Remedy(ResolutionPlan.Type.COMPENSATION, new BigDecimal("50"), "代金券")),
                        unit.headEmployeeId(), resolutionDue, "致歉并补偿");
                log(unit.headEmployeeId(), "planned", null, null, null, List.of("APOLOGY", "COMPENSATION:50"));
                reworks = closed() && random.nextInt(12) == 0 ? 1 : 0;
                for (int round = 0; round <= reworks; round++) {
                    boolean last = round == reworks;
                    Instant sent = step(CaseStatus.IN_PROGRESS, CaseStatus.AWAITING_FEEDBACK, "result-sent",
                            "已电话告知处理结果", unit.headEmployeeId());
                    if (!closed()) {
                        feedback.add(new Feedback(sent, unit.headEmployeeId(), Feedback.ResultChannel.CALLBACK,
                                "已电话告知处理结果", null, null, null, null));
                        break;
                    }
                    int satisfaction = last ? 3 + random.nextInt(3) : 2;
                    Instant answered = step(CaseStatus.AWAITING_FEEDBACK, last ? CaseStatus.CLOSED
                            : CaseStatus.IN_PROGRESS, last ? "accepted" : "rejected", last ? "满意" : "补偿太少",
                            unit.headEmployeeId());
                    feedback.add(new Feedback(sent, unit.headEmployeeId(), Feedback.ResultChannel.CALLBACK,
                            "已电话告知处理结果", last, satisfaction, last ? "满意" : "补偿太少", answered));
                }
            }
            Instant closedAt = closed() ? at : null;
            Instant archivedAt = status == CaseStatus.ARCHIVED
                    ? step(CaseStatus.CLOSED, CaseStatus.ARCHIVED, "archived", null, unit.headEmployeeId()) : null;
            return new CaseDocument(new UUID(random.nextLong() & ~0xF000L | 0x4000L,
                    random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L), number,
                    IntakeChannel.values()[random.nextInt(IntakeChannel.values().length)], customer, kind.subject(),
                    kind.description(), kind.category(), kind.flags(),
                    kind.flags().contains(CaseFlag.CANNOT_USE) ? new BigDecimal("800") : null, urgent, received, agent,
                    unit.departmentId(), unit.teamId(), status, grade, assignment, deadlines, acknowledged, 0, List.of(),
                    reworks, notes, List.of(), plan, feedback, validity, closedAt, archivedAt,
                    kind.level() == 1 ? received.plus(Duration.ofMinutes(5)) : null, null, null, List.of(), timeline,
                    0L);
        }

        private boolean closed() {
            return status == CaseStatus.CLOSED || status == CaseStatus.ARCHIVED;
        }

        /** A status change a while after the previous step; returns when it happened. */
        private Instant step(CaseStatus from, CaseStatus to, String action, String note, String by) {
            at = later(closed() ? 60 * 8 : 90);
            log(by, action, from, to, note, List.of());
            return at;
        }

        private Instant later(int maxMinutes) {
            return at.plus(Duration.ofMinutes(1 + random.nextInt(maxMinutes)));
        }

        private void log(String by, String action, CaseStatus from, CaseStatus to, String note, List<String> args) {
            timeline.add(new TimelineEntry(at, by, "员工" + by, action, from, to, note, args));
        }
    }

    private static HandlingRole handler(int level) {
        return HandlingRole.values()[level - 1];
    }

    /** Working days without the holiday calendar (weekends only): close enough for generated deadlines. */
    private Instant workingDaysLater(Instant from, int workingDays) {
        var at = from.atZone(zone);
        for (int left = workingDays; left > 0; ) {
            at = at.plusDays(1);
            if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return at.toInstant();
    }
}
