package app.ombud.complaint;

import static app.ombud.support.TestData.as;
import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

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
}
