package app.ombud.complaint;

import static app.ombud.support.TestData.as;
import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.complaint.internal.CaseJobs;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.notification.NotificationService;
import app.ombud.platform.Role;
import app.ombud.policy.CaseCategory;
import app.ombud.policy.CaseFlag;
import app.ombud.support.OmbudIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OmbudIntegrationTest
class CaseJobsTest {

    @Autowired
    ComplaintService cases;

    @Autowired
    CaseJobs jobs;

    @Autowired
    DirectoryService directory;

    @Autowired
    NotificationService notifications;

    @Autowired
    app.ombud.notification.Outbox outbox;

    String newAgent(String prefix, Role role) {
        String id = prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        asAdmin(() -> directory.createPerson(new PersonInput(id, "员工" + id, null, null, Set.of(role), true, null, null)));
        return id;
    }

    @Test
    void aPassedDeadlineIsFlaggedOnceAndTheHandlersAreTold() {
        String agent = newAgent("J", Role.AGENT);
        Instant longAgo = Instant.now().minus(Duration.ofDays(30));
        var created = as(agent, () -> cases.intake(new CaseIntake(IntakeChannel.EMAIL,
                new app.ombud.complaint.Customer("赵先生", null, "ACC-" + agent), "发票未开具", null,
                CaseCategory.POLICY_TERMS, Set.of(), null, false, longAgo)), Role.AGENT);
        assertThat(created.deadlines().resolutionDue()).isBefore(Instant.now());

        jobs.flagBreaches(Instant.now());
        jobs.flagBreaches(Instant.now());

        var after = asAdmin(() -> cases.get(created.id()));
        assertThat(after.deadlines().breachedAt()).isNotNull();
        assertThat(after.timeline()).extracting(TimelineEntry::action).containsOnlyOnce("deadline-breached");
        assertThat(as(agent, () -> notifications.countMine(false), Role.AGENT)).isEqualTo(1);
        // the warning does not come after the breach
        jobs.warnBeforeDeadlines(Instant.now());
        assertThat(asAdmin(() -> cases.get(created.id())).deadlines().warnedAt()).isNull();
    }

    @Test
    void leadershipHearsOfALevel1CaseAtOnceAndOnlyOnce() {
        String leader = "LD" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        asAdmin(() -> directory.createPerson(new PersonInput(leader, "领导", null, null, Set.of(Role.LEADERSHIP), true,
                null, leader.toLowerCase() + "@example.com")));
        String agent = newAgent("J", Role.AGENT);
        var created = as(agent, () -> cases.intake(new CaseIntake(IntakeChannel.SOCIAL_MEDIA,
                new app.ombud.complaint.Customer("钱女士", "13311112222", null), "热水器漏电", null,
                CaseCategory.PRODUCT_QUALITY, Set.of(CaseFlag.SAFETY_THREAT), null, true, null)), Role.AGENT);
        assertThat(created.grade().level()).isEqualTo(1);
        assertThat(created.timeline()).extracting(TimelineEntry::action).contains("leadership-notified");
        jobs.notifyLeadership();
        var mine = as(leader, () -> notifications.mine(false, org.springframework.data.domain.ScrollPosition.keyset(),
                50), Role.LEADERSHIP);
        assertThat(mine.getContent()).filteredOn(n -> n.args().contains(created.number())).hasSize(1);
        var mails = asAdmin(() -> outbox.page(new app.ombud.notification.Outbox.Filter(null,
                app.ombud.notification.Channel.EMAIL), org.springframework.data.domain.ScrollPosition.keyset(), 100))
                .getContent().stream().filter(m -> m.recipient().equals(leader.toLowerCase() + "@example.com")).toList();
        assertThat(mails).singleElement().satisfies(m -> assertThat(m.subject()).contains(created.number()));
    }

    @Autowired
    app.ombud.policy.PolicyService policy;

    /** "Level 1 tells leadership" is a flag of the level in the policy's grading, not a number in the code. */
    @Test
    void leadershipHearsOfTheLevelsThePolicyMarks() {
        var before = policy.current();
        var grading = before.content().grading();
        var onlyLevel2 = new app.ombud.policy.Grading(grading.levels().stream().map(l -> new app.ombud.policy.LevelRule(
                l.level(), l.name(), l.description(), l.handler(), l.acknowledgeHours(), l.resolutionWorkingDays(),
                l.criteria(), l.level() == 2)).toList(), grading.repeatWindowDays(), grading.fallbackLevel());
        assertThat(grading.levelsTellingLeadership()).as("the default: level 1").containsExactly(1);
        String leader = "LD" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        asAdmin(() -> directory.createPerson(new PersonInput(leader, "领导", null, null, Set.of(Role.LEADERSHIP), true,
                null, null)));
        asAdmin(() -> policy.update(app.ombud.policy.PolicySections.GRADING, before.number(), onlyLevel2, "二级通知领导"));
        try {
            String agent = newAgent("J", Role.AGENT);
            var serious = as(agent, () -> cases.intake(new CaseIntake(IntakeChannel.HOTLINE,
                    new app.ombud.complaint.Customer("孙先生", null, "ACC-" + agent), "无法开机要求退货", null,
                    CaseCategory.PRODUCT_QUALITY, Set.of(CaseFlag.CANNOT_USE, CaseFlag.EXCHANGE_OR_RETURN_REQUESTED),
                    null, false, null)), Role.AGENT);
            var critical = as(agent, () -> cases.intake(new CaseIntake(IntakeChannel.HOTLINE,
                    new app.ombud.complaint.Customer("孙先生", null, "ACC2-" + agent), "热水器漏电", null,
                    CaseCategory.PRODUCT_QUALITY, Set.of(CaseFlag.SAFETY_THREAT), null, false, null)), Role.AGENT);
            assertThat(serious.grade().level()).isEqualTo(2);
            assertThat(serious.timeline()).extracting(TimelineEntry::action).contains("leadership-notified");
            // the notice names the level as the policy does, not "level 1"
            jobs.notifyLeadership();
            var told = as(leader, () -> notifications.mine(false,
                    org.springframework.data.domain.ScrollPosition.keyset(), 50), Role.LEADERSHIP).getContent().stream()
                    .filter(n -> n.args().contains(serious.number())).toList();
            assertThat(told).singleElement().satisfies(n -> {
                assertThat(n.messageKey()).isEqualTo("case.notice.leadership");
                assertThat(n.args()).contains(grading.level(2).name().zh(), grading.level(2).name().en());
            });
            assertThat(critical.grade().level()).isEqualTo(1);
            assertThat(critical.timeline()).extracting(TimelineEntry::action).doesNotContain("leadership-notified");
        } finally {
            asAdmin(() -> policy.update(app.ombud.policy.PolicySections.GRADING, policy.current().number(), grading,
                    "恢复默认分级"));
        }
    }

    /** The warning tells the due time in the company's zone, not in UTC. */
    @Test
    void theWarningTellsTheDueTimeInTheCompanysZone() {
        String agent = newAgent("J", Role.AGENT);
        var created = as(agent, () -> cases.intake(new CaseIntake(IntakeChannel.EMAIL,
                new app.ombud.complaint.Customer("周先生", null, "ACC-" + agent), "发票未开具", null,
                CaseCategory.POLICY_TERMS, Set.of(), null, false, null)), Role.AGENT);
        Instant due = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(created.id())),
                new org.springframework.data.mongodb.core.query.Update().set("deadlines.resolutionDue", due), "cases");

        jobs.warnBeforeDeadlines(Instant.now());

        var notice = as(agent, () -> notifications.mine(false, org.springframework.data.domain.ScrollPosition.keyset(),
                50), Role.AGENT).getContent().stream().filter(n -> n.args().contains(created.number())).findFirst()
                .orElseThrow();
        assertThat(notice.messageKey()).isEqualTo("case.notice.deadline-soon");
        assertThat(notice.args()).containsExactly(created.number(), java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm").format(due.atZone(policy.current().content().calendar().zone())));
    }

    /** Handlers are warned as long before the deadline as the policy says. */
    @Test
    void theWarningComesAsLongBeforeTheDeadlineAsThePolicySays() {
        String agent = newAgent("W", Role.AGENT);
        var created = as(agent, () -> cases.intake(new CaseIntake(IntakeChannel.EMAIL,
                new app.ombud.complaint.Customer("吴女士", null, "ACC-" + agent), "宽带时断时续", null,
                CaseCategory.POLICY_TERMS, Set.of(), null, false, null)), Role.AGENT);
        Instant due = Instant.now().plus(Duration.ofHours(30));
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(created.id())),
                new org.springframework.data.mongodb.core.query.Update().set("deadlines.resolutionDue", due), "cases");
        jobs.warnBeforeDeadlines(Instant.now());
        assertThat(asAdmin(() -> cases.get(created.id())).deadlines().warnedAt()).as("4 hours by default").isNull();

        var before = asAdmin(() -> policy.current());
        try {
            asAdmin(() -> {
                var g = before.content().grading();
                return policy.update(app.ombud.policy.PolicySections.GRADING, before.number(),
                        new app.ombud.policy.Grading(g.levels(), g.repeatWindowDays(), g.fallbackLevel(), 48),
                        "提前两天提醒");
            });
            jobs.warnBeforeDeadlines(Instant.now());
            assertThat(asAdmin(() -> cases.get(created.id())).deadlines().warnedAt()).isNotNull();
        } finally {
            asAdmin(() -> policy.save(policy.current().number(), before.content(), "还原"));
        }
    }

    @Autowired
    app.ombud.notification.internal.OutboxDispatcher dispatcher;

    @Test
    void theCustomerIsToldTheComplaintWasReceivedOnce() {
        String agent = newAgent("J", Role.AGENT);
        String phone = "1580000" + String.format("%04d", System.nanoTime() % 10_000);
        var created = as(agent, () -> cases.intake(new CaseIntake(IntakeChannel.HOTLINE,
                new app.ombud.complaint.Customer("孙女士", phone, null), "信号差", null, CaseCategory.OTHER, Set.of(), null,
                false, null)), Role.AGENT);
        dispatcher.relay();
        dispatcher.relay();
        var sms = asAdmin(() -> outbox.page(new app.ombud.notification.Outbox.Filter(null,
                app.ombud.notification.Channel.SMS), org.springframework.data.domain.ScrollPosition.keyset(), 100))
                .getContent().stream().filter(m -> m.recipient().equals(phone)).toList();
        assertThat(sms).singleElement().satisfies(m -> assertThat(m.body()).contains(created.number()));
        var stillPending = mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("number").is(created.number())
                        .and("pendingMessages.0").exists(true)), "cases");
        assertThat(stillPending).isFalse();
    }

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Autowired
    app.ombud.platform.RecordWrites writes;

    /** A case the agent handles, taken in long ago so its deadline has passed. */
    private ComplaintCase overdueInProgress(CaseFixture fx) {
        var intake = fx.intake(CaseCategory.POLICY_TERMS, Set.of());
        var created = fx.asAgent(() -> cases.intake(new CaseIntake(intake.channel(), intake.customer(), intake.subject(),
                null, intake.category(), Set.of(), null, false, Instant.now().minus(Duration.ofDays(30)))));
        as(fx.lead, () -> cases.dispatch(created.id(), fx.department.id(), fx.team.id(), fx.agent, null, null),
                Role.TEAM_LEAD);
        return fx.asAgent(() -> cases.acknowledge(created.id(), null));
    }

    @Test
    void aJobThatRanAfterThePersonReadTheCaseDoesNotMakeTheirSaveFail() {
        var fx = new CaseFixture(cases, directory, "JW");
        var read = overdueInProgress(fx);
        assertThat(read.deadlines().breachedAt()).isNull();

        assertThat(jobs.flagBreaches(Instant.now())).isPositive();
        // the evidence upload of the page the agent opened before the job ran
        var saved = fx.asAgent(() -> cases.attachEvidence(read.id(), "检测报告.pdf", new byte[] {1, 2, 3},
                read.version()));

        assertThat(saved.evidence()).extracting(Evidence::filename).containsExactly("检测报告.pdf");
        var stored = asAdmin(() -> cases.get(read.id()));
        assertThat(stored.deadlines().breachedAt()).as("the job's mark survives the save").isNotNull();
        assertThat(stored.timeline()).extracting(TimelineEntry::action)
                .containsSubsequence("acknowledged", "deadline-breached", "evidence-added");
        assertThat(stored.evidence()).hasSize(1);
    }

    @Test
    void aJobThatRunsWhileAPersonSavesKeepsItsMarkAndThePersonsChange() {
        var fx = new CaseFixture(cases, directory, "JR");
        var read = overdueInProgress(fx);
        // the person's step has read the case; the job marks it before the step is saved
        var document = mongo.findById(read.id(), app.ombud.complaint.internal.CaseDocument.class);
        jobs.flagBreaches(Instant.now());
        var agentActor = fx.asAgent(app.ombud.platform.CurrentActor::required);
        document.addNote(CaseNote.Kind.INVESTIGATION, "客户合同条款已核实", agentActor, Instant.now());
        writes.save(document);

        var stored = asAdmin(() -> cases.get(read.id()));
        assertThat(stored.deadlines().breachedAt()).isNotNull();
        assertThat(stored.notes()).extracting(CaseNote::text).containsExactly("客户合同条款已核实");
        assertThat(stored.timeline()).extracting(TimelineEntry::action).contains("deadline-breached", "note-investigation");
        assertThat(stored.version()).isEqualTo(read.version() + 1);
    }

    @Test
    void twoPeoplesStepsOnTheSameReadStillConflict() {
        var fx = new CaseFixture(cases, directory, "JC");
        var read = overdueInProgress(fx);
        jobs.flagBreaches(Instant.now());
        fx.asAgent(() -> cases.addNote(read.id(), CaseNote.Kind.INVESTIGATION, "第一条", read.version()));
        assertThatThrownBy(() -> as(fx.lead, () -> cases.addNote(read.id(), CaseNote.Kind.COMMUNICATION, "第二条",
                read.version()), Role.TEAM_LEAD)).isInstanceOfSatisfying(app.ombud.platform.OmbudException.class,
                        e -> assertThat(e.isConcurrentUpdate()).isTrue());
        // and a save of a document read before another person's step is refused, not a lost update
        var stale = mongo.findById(read.id(), app.ombud.complaint.internal.CaseDocument.class);
        fx.asAgent(() -> cases.addNote(read.id(), CaseNote.Kind.PROGRESS, "第三条", null));
        stale.addNote(CaseNote.Kind.PROGRESS, "第四条", fx.asAgent(app.ombud.platform.CurrentActor::required),
                Instant.now());
        assertThatThrownBy(() -> writes.save(stale)).isInstanceOfSatisfying(app.ombud.platform.OmbudException.class,
                e -> assertThat(e.isConcurrentUpdate()).isTrue());
        assertThat(asAdmin(() -> cases.get(read.id())).notes()).extracting(CaseNote::text)
                .containsExactly("第一条", "第三条");
    }
}
