package app.ombud.panel;

import static app.ombud.support.TestData.as;
import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.panel.internal.PanelJobs;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The ballot box of DESIGN.md §5: one ballot per member however many requests race; members
 * only, while voting; nothing that links a ballot to its member in the stored document; nothing
 * that shows a choice while voting — in the API, the audit trail or the logs; the majority, a tie
 * and too few ballots at closing.
 */
@OmbudIntegrationTest
class PanelBallotTest {

    @Autowired
    PanelService panels;

    @Autowired
    PanelJobs jobs;

    @Autowired
    DirectoryService directory;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    AuditTrail audit;

    @Autowired
    ApiAccess api;

    @Autowired
    app.ombud.notification.NotificationService notifications;

    @Autowired
    app.ombud.policy.PolicyService policy;

    String p;
    List<String> employeeSide;
    List<String> reviewSide;
    String accused;
    String judge;
    String outsider;
    String siteManager;

    PanelFixture fx;

    @BeforeEach
    void people() {
        fx = new PanelFixture(directory, panels, "PB");
        p = fx.p;
        employeeSide = fx.employeeSide;
        reviewSide = fx.reviewSide;
        accused = fx.accused;
        judge = fx.judge;
        outsider = fx.outsider;
        siteManager = fx.siteManager;
    }

    private void person(String id, Role... roles) {
        fx.person(id, "成员" + id, roles);
    }

    Panel form() {
        return fx.form("请裁决本工单的判责");
    }

    List<String> members() {
        return fx.members();
    }

    /** Members who have not voted are reminded as long before the window's end as the policy says, once. */
    @Test
    void theReminderComesAsLongBeforeTheEndAsThePolicySays() {
        var panel = form();
        cast(panel, employeeSide.get(0), Choice.UPHOLD);
        var thirtyHoursBefore = panel.closesAt().minus(Duration.ofHours(30));
        jobs.remindDue(thirtyHoursBefore);
        assertThat(reminders(employeeSide.get(1))).as("by default a day before the end").isZero();

        var before = asAdmin(() -> policy.current());
        try {
            asAdmin(() -> {
                var w = before.content().reviewWindows();
                return policy.update(app.ombud.policy.PolicySections.REVIEW_WINDOWS, before.number(),
                        new app.ombud.policy.ReviewWindows(w.teamLeadCheckHours(), w.customerReplyHours(),
                                w.followUpDays(), w.panelVotingWorkingDays(), w.earlyWarningCount(),
                                w.earlyWarningDays(), w.outOfScopeSources(), w.appealDays(), w.panelQuorum(),
                                w.dutyChiefEmployeeIds(), 48), "评审提前两天提醒");
            });
            jobs.remindDue(thirtyHoursBefore);
            jobs.remindDue(thirtyHoursBefore.plus(Duration.ofHours(1)));
            assertThat(reminders(employeeSide.get(1))).as("48 hours before the end, once").isEqualTo(1);
            assertThat(reminders(reviewSide.get(2))).isEqualTo(1);
            assertThat(reminders(employeeSide.get(0))).as("who voted is not reminded").isZero();
        } finally {
            asAdmin(() -> policy.save(policy.current().number(), before.content(), "还原"));
        }
    }

    private long reminders(String member) {
        return as(member, () -> notifications.mine(false, org.springframework.data.domain.ScrollPosition.keyset(), 100),
                Role.AGENT).getContent().stream().filter(n -> "panel.notice.reminder".equals(n.messageKey())).count();
    }

    CastReceipt cast(Panel panel, String member, Choice choice) {
        return as(member, () -> panels.cast(panel.id(), choice), Role.AGENT);
    }

    static String code(Runnable action) {
        try {
            action.run();
            return "OK";
        } catch (OmbudException e) {
            return e.code();
        }
    }

    @Test
    void fiftyConcurrentCastsByOneMemberLeaveExactlyOneBallot() throws Exception {
        Panel panel = form();
        String member = employeeSide.get(0);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Choice choice = i % 2 == 0 ? Choice.UPHOLD : Choice.OVERTURN;
                results.add(pool.submit(() -> {
                    start.await();
                    return code(() -> cast(panel, member, choice));
                }));
            }
            start.countDown();
            List<String> codes = new ArrayList<>();
            for (Future<String> result : results) {
                codes.add(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(Collections.frequency(codes, "OK")).as("successful casts").isEqualTo(1);
            assertThat(codes).filteredOn(c -> !c.equals("OK")).containsOnly("BALLOT_ALREADY_CAST");
        } finally {
            pool.shutdownNow();
        }
        Document raw = raw(panel);
        assertThat(raw.getList("ballots", Document.class)).hasSize(1);
        assertThat(raw.getList("voted", String.class)).hasSize(1);
        var after = as(member, () -> panels.get(panel.id()), Role.AGENT);
        assertThat(after.votedCount()).isEqualTo(1);
        assertThat(after.allowedSteps()).as("the member has voted").isEmpty();
        assertThat(as(employeeSide.get(1), () -> panels.get(panel.id()), Role.AGENT).allowedSteps())
                .containsExactly(PanelStep.CAST);
        assertThat(after.viewerHasVoted()).isTrue();
        assertThat(after.status()).isEqualTo(PanelStatus.VOTING);
    }

    @Test
    void nonMembersAndClosedPanelsAreRefused() {
        Panel panel = form();
        assertThat(code(() -> cast(panel, outsider, Choice.UPHOLD))).as("a stranger").isEqualTo("PANEL_NOT_FOUND");
        assertThat(code(() -> cast(panel, accused, Choice.OVERTURN))).as("the accused, a party")
                .isEqualTo("PANEL_NOT_MEMBER");
        assertThat(code(() -> as(judge, () -> panels.cast(panel.id(), Choice.UPHOLD), Role.REVIEWER)))
                .as("a reviewer who may see the panel").isEqualTo("PANEL_NOT_MEMBER");
        assertThat(code(() -> asAdmin(() -> panels.cast(panel.id(), Choice.UPHOLD)))).as("an admin")
                .isEqualTo("PANEL_NOT_MEMBER");
        assertThat(raw(panel).getList("ballots", Document.class)).isEmpty();

        cast(panel, employeeSide.get(0), Choice.UPHOLD);
        assertThat(jobs.closeDue(panel.closesAt().plus(Duration.ofMinutes(1)))).isGreaterThanOrEqualTo(1);
        assertThat(code(() -> cast(panel, employeeSide.get(1), Choice.UPHOLD))).isEqualTo("PANEL_CLOSED");
        var closed = asAdmin(() -> panels.get(panel.id()));
        assertThat(closed.closeReason()).isEqualTo(CloseReason.WINDOW_ENDED);
        assertThat(closed.outcome()).as("one ballot is below the quorum").isEqualTo(PanelOutcome.UNDECIDED);
        assertThat(closed.status()).isEqualTo(PanelStatus.AWAITING_SITE_MANAGER);
        assertThat(closed.receipts()).hasSize(1);
    }

    @Test
    void theStoredBoxHoldsNoMemberAndNoTimeOnABallotAndIsSortedByReceipt() {
        Panel panel = form();
        List<String> receipts = new ArrayList<>();
        List<String> members = members();
        for (int i = 0; i < members.size(); i++) {
            receipts.add(cast(panel, members.get(i), i < 2 ? Choice.UPHOLD : Choice.OVERTURN).receipt());
        }
        Document raw = raw(panel);
        List<Document> ballots = raw.getList("ballots", Document.class);
        assertThat(ballots).hasSize(6);
        for (Document ballot : ballots) {
            assertThat(ballot.keySet()).as("a ballot is a receipt and a sealed choice").containsExactly("receipt",
                    "sealed");
            assertThat(ballot.values()).allSatisfy(value -> assertThat(value).isInstanceOf(String.class));
            for (String member : members) {
                assertThat(ballot.toJson()).doesNotContain(member);
            }
            assertThat(ballot.getString("sealed")).doesNotContain("UPHOLD").doesNotContain("OVERTURN");
        }
        List<String> stored = ballots.stream().map(b -> b.getString("receipt")).toList();
        assertThat(stored).isSorted().containsExactlyInAnyOrderElementsOf(receipts);
        assertThat(ballots.stream().map(b -> b.getString("sealed").length()).distinct())
                .as("every sealed choice has the same length").hasSize(1);
        assertThat(ballots.stream().map(b -> b.getString("sealed")).distinct()).hasSize(6);
        List<String> voted = raw.getList("voted", String.class);
        assertThat(voted).hasSize(6).isSorted();
        for (String tag : voted) {
            assertThat(members).noneMatch(tag::contains);
        }

        var closed = as(members.get(0), () -> panels.get(panel.id()), Role.AGENT);
        assertThat(closed.status()).isEqualTo(PanelStatus.DECIDED);
        assertThat(closed.closeReason()).isEqualTo(CloseReason.ALL_VOTED);
        assertThat(closed.outcome()).isEqualTo(PanelOutcome.OVERTURNED);
        assertThat(closed.finalDecision()).isEqualTo(Choice.OVERTURN);
        assertThat(closed.decidedBy()).isEqualTo(DecidedBy.PANEL);
        assertThat(closed.receipts()).isEqualTo(stored);
        assertThat(as(members.get(3), () -> panels.receiptCounted(panel.id(), receipts.get(3)), Role.AGENT)).isTrue();
        assertThat(as(members.get(3), () -> panels.receiptCounted(panel.id(), "0000-0000-0000-0000"), Role.AGENT))
                .isFalse();
    }

    @Test
    void whileVotingNoApiFieldAuditEntryOrLogLineRevealsAChoice() {
        Panel panel = form();
        List<String> receipts = new ArrayList<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<Logger> loud = List.of((Logger) LoggerFactory.getLogger("app.ombud"),
                (Logger) LoggerFactory.getLogger("ombud"), (Logger) LoggerFactory.getLogger("ombud.graphql"));
        List<Level> before = loud.stream().map(Logger::getLevel).toList();
        var lines = new ListAppender<ILoggingEvent>();
        lines.start();
        root.addAppender(lines);
        loud.forEach(l -> l.setLevel(Level.DEBUG));
        String api;
        try {
            receipts.add(cast(panel, employeeSide.get(0), Choice.UPHOLD).receipt());
            receipts.add(cast(panel, employeeSide.get(1), Choice.OVERTURN).receipt());
            receipts.add(cast(panel, reviewSide.get(0), Choice.OVERTURN).receipt());
            // an API client names no person (so holds no seat); its operation name carries a choice the log must not repeat
            this.api.as(Role.ADMIN).document("""
                    mutation VoteOVERTURNforUPHOLD($id: UUID!) {
                      castPanelBallot(input: {panelId: $id, choice: OVERTURN}) { receipt } }""")
                    .operationName("VoteOVERTURNforUPHOLD").variable("id", panel.id().toString()).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e ->
                            assertThat(e.getExtensions()).containsEntry("code", "PERSON_REQUIRED")));
            api = this.api.as(Role.ADMIN).document("""
                    query($id: UUID!) {
                      panel(id: $id) { id number subjectType subjectId subjectNumber question status
                        seats { employeeId side person { name } } seatCount votedCount viewerHoldsSeat viewerHasVoted
                        quorum openedAt closesAt closedAt closeReason outcome receipts
                        siteManagerDecision { decision reason by byName at } finalDecision decidedBy decidedAt
                        timeline { at actor actorName action note } allowedSteps version }
                      panels(first: 50) { edges { node { id votedCount outcome receipts finalDecision } } }
                    }""").variable("id", panel.id().toString()).execute()
                    .path("panel.votedCount").entity(Integer.class).isEqualTo(3)
                    .path("panel.receipts").valueIsNull()
                    .path("panel.outcome").valueIsNull()
                    .path("panel").entity(Map.class).get().toString();
        } finally {
            root.detachAppender(lines);
            for (int i = 0; i < loud.size(); i++) {
                loud.get(i).setLevel(before.get(i));
            }
        }
        for (String secret : secrets(receipts)) {
            assertThat(api).as("the panel as an admin reads it").doesNotContain(secret);
            assertThat(lines.list).as("log lines").allSatisfy(event -> {
                assertThat(event.getFormattedMessage()).doesNotContain(secret);
                assertThat(event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage())
                        .doesNotContain(secret);
            });
        }
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("operation=castPanelBallot"));
        var entries = asAdmin(() -> audit.page(new AuditTrail.Filter(null, null, panel.number(), null, null),
                org.springframework.data.domain.ScrollPosition.keyset(), 50)).getContent();
        assertThat(entries).extracting(AuditTrail.Entry::action).contains("panel.formed", "panel.ballot-cast");
        for (var entry : entries) {
            for (String secret : secrets(receipts)) {
                assertThat(entry.details().toString()).doesNotContain(secret);
            }
        }
    }

    private static List<String> secrets(List<String> receipts) {
        List<String> secrets = new ArrayList<>(List.of("UPHOLD", "OVERTURN", "Uphold", "Overturn", "维持", "推翻"));
        secrets.addAll(receipts);
        return secrets;
    }

    @Test
    void aTieGoesToTheSiteManagerWhoseDecisionIsFinal() {
        Panel panel = form();
        List<String> members = members();
        for (int i = 0; i < members.size(); i++) {
            cast(panel, members.get(i), i % 2 == 0 ? Choice.UPHOLD : Choice.OVERTURN);
        }
        var tied = asAdmin(() -> panels.get(panel.id()));
        assertThat(tied.status()).isEqualTo(PanelStatus.AWAITING_SITE_MANAGER);
        assertThat(as(siteManager, () -> panels.get(panel.id()), Role.SITE_MANAGER).allowedSteps())
                .containsExactly(PanelStep.DECIDE_AS_SITE_MANAGER);
        assertThat(as(employeeSide.get(0), () -> panels.get(panel.id()), Role.AGENT, Role.SITE_MANAGER)
                .allowedSteps()).as("a member who is a site manager too").isEmpty();
        assertThat(tied.allowedSteps()).as("an admin").isEmpty();
        assertThat(tied.outcome()).isEqualTo(PanelOutcome.UNDECIDED);
        assertThat(tied.finalDecision()).isNull();

        assertThat(code(() -> as(employeeSide.get(0), () -> panels.decideAsSiteManager(panel.id(), Choice.UPHOLD,
                "我来定", null), Role.AGENT, Role.SITE_MANAGER))).as("a member").isEqualTo(
                "PANEL_DECIDER_NOT_IMPARTIAL");
        assertThat(code(() -> as(siteManager, () -> panels.decideAsSiteManager(panel.id(), Choice.UPHOLD, " ", null),
                Role.SITE_MANAGER))).isEqualTo("REQUIRED");
        assertThatThrownBy(() -> as(outsider, () -> panels.decideAsSiteManager(panel.id(), Choice.UPHOLD, "x", null),
                Role.AGENT)).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        var decided = as(siteManager, () -> panels.decideAsSiteManager(panel.id(), Choice.OVERTURN,
                "录音显示员工已解释", tied.version()), Role.SITE_MANAGER);
        assertThat(decided.status()).isEqualTo(PanelStatus.DECIDED);
        assertThat(decided.finalDecision()).isEqualTo(Choice.OVERTURN);
        assertThat(decided.decidedBy()).isEqualTo(DecidedBy.SITE_MANAGER);
        assertThat(decided.siteManagerDecision().reason()).isEqualTo("录音显示员工已解释");
        assertThat(code(() -> as(siteManager, () -> panels.decideAsSiteManager(panel.id(), Choice.UPHOLD, "改主意",
                null), Role.SITE_MANAGER))).isEqualTo("PANEL_NOT_UNDECIDED");
    }

    @Test
    void aMajorityAboveTheQuorumDecidesWhenTheWindowEnds() {
        Panel panel = form();
        for (String member : List.of(employeeSide.get(0), employeeSide.get(1), reviewSide.get(0),
                reviewSide.get(1))) {
            cast(panel, member, member.equals(reviewSide.get(1)) ? Choice.OVERTURN : Choice.UPHOLD);
        }
        jobs.closeDue(panel.closesAt().plusSeconds(1));
        var closed = asAdmin(() -> panels.get(panel.id()));
        assertThat(closed.outcome()).isEqualTo(PanelOutcome.UPHELD);
        assertThat(closed.finalDecision()).isEqualTo(Choice.UPHOLD);
        assertThat(closed.receipts()).hasSize(4);
    }

    @Test
    void seatsAreThreeDifferentActivePeoplePerSideAndNeverTheAccusedOrAJudge() {
        assertThat(code(() -> asAdmin(() -> panels.checkSide(employeeSide.subList(0, 2), List.of(), Set.of(), "m"))))
                .isEqualTo("PANEL_SIDE_SIZE");
        assertThat(code(() -> asAdmin(() -> panels.checkSide(List.of(employeeSide.get(0), employeeSide.get(0),
                employeeSide.get(1)), List.of(), Set.of(), "m")))).isEqualTo("PANEL_MEMBER_TWICE");
        assertThat(code(() -> asAdmin(() -> panels.checkSide(List.of(employeeSide.get(0), employeeSide.get(1),
                judge), List.of(), Set.of(accused, judge), "m")))).isEqualTo("PANEL_MEMBER_EXCLUDED");
        assertThat(code(() -> asAdmin(() -> panels.checkSide(reviewSide, List.of(reviewSide.get(2)), Set.of(),
                "m")))).isEqualTo("PANEL_MEMBER_ON_BOTH_SIDES");
        assertThat(code(() -> asAdmin(() -> panels.checkSide(List.of(employeeSide.get(0), employeeSide.get(1),
                p + "NOBODY"), List.of(), Set.of(), "m")))).isEqualTo("PERSON_NOT_FOUND");
        UUID id = UUID.randomUUID();
        var request = new PanelRequest("Review", UUID.randomUUID(), "BM-TEST-" + p, "q", employeeSide, reviewSide,
                Set.of(accused), Set.of());
        var first = asAdmin(() -> panels.form(id, request));
        var again = asAdmin(() -> panels.form(id, request));
        assertThat(again.number()).as("forming again returns the same panel").isEqualTo(first.number());
        assertThat(first.seats()).hasSize(6);
    }

    @Test
    void onlyActiveStaffWhoNeitherJudgeNorDecideMaySit() {
        String owner = p + "O";
        String admin = p + "A";
        String biReader = p + "B";
        String gone = p + "G";
        asAdmin(() -> {
            person(owner, Role.REVIEWER, Role.WHITELIST_OWNER);
            person(admin, Role.ADMIN);
            person(biReader, Role.BI_READER);
            directory.createPerson(new PersonInput(gone, "成员" + gone, null, null, Set.of(Role.AGENT), false, null,
                    null));
        });
        Map<String, String> expected = Map.of(owner, "PANEL_MEMBER_WHITELIST_OWNER", admin, "PANEL_MEMBER_ADMIN",
                siteManager, "PANEL_MEMBER_SITE_MANAGER", biReader, "PANEL_MEMBER_NOT_STAFF", gone, "PERSON_NOT_FOUND",
                accused, "PANEL_MEMBER_EXCLUDED", judge, "PANEL_MEMBER_EXCLUDED");
        expected.forEach((who, code) -> {
            assertThat(code(() -> asAdmin(() -> panels.checkSide(List.of(employeeSide.get(0), employeeSide.get(1),
                    who), List.of(), Set.of(accused, judge), "members")))).as(who).isEqualTo(code);
            UUID id = UUID.randomUUID();
            assertThat(code(() -> asAdmin(() -> panels.form(id, new PanelRequest("Review", UUID.randomUUID(),
                    "BM-TEST-" + p, "q", employeeSide, List.of(reviewSide.get(0), reviewSide.get(1), who),
                    Set.of(accused, judge), Set.of()))))).as("forming with " + who).isEqualTo(code);
            assertThat(mongo.getCollection("panels").countDocuments(new Document("_id", id))).isZero();
        });

        // the picker's source: everyone of this test who may sit, and nobody else
        var eligible = asAdmin(() -> panels.eligibleMembers(p, List.of(), Set.of(accused, judge), 0, 100));
        List<String> mayNotSit = new ArrayList<>(expected.keySet());
        assertThat(eligible).extracting(app.ombud.directory.Person::employeeId)
                .containsExactlyInAnyOrderElementsOf(concat(members(), List.of(outsider)))
                .doesNotContainAnyElementsOf(mayNotSit);
        var paged = asAdmin(() -> panels.eligibleMembers(p, List.of(), Set.of(accused, judge), 2, 3));
        assertThat(paged).as("offset and limit count eligible people").isEqualTo(eligible.subList(2, 5));
        assertThat(asAdmin(() -> panels.eligibleMembers(p, reviewSide, Set.of(accused, judge), 0, 100)))
                .extracting(app.ombud.directory.Person::employeeId).as("the other side's members")
                .doesNotContainAnyElementsOf(reviewSide).contains(employeeSide.get(0));
    }

    @Test
    void aPanelIsFormedOnlyWhileASiteManagerIsLeftToDecideATie() {
        // every active site manager is the accused or an original judge: a tie could never be decided
        Set<String> excluded = new java.util.HashSet<>(asAdmin(() ->
                directory.activeEmployeeIdsWithRole(Role.SITE_MANAGER)));
        excluded.add(accused);
        assertThat(excluded).contains(siteManager);
        assertThat(code(() -> asAdmin(() -> panels.checkSide(employeeSide, List.of(), excluded, "members"))))
                .isEqualTo("PANEL_NO_DECIDER");
        UUID id = UUID.randomUUID();
        assertThat(code(() -> asAdmin(() -> panels.form(id, new PanelRequest("Review", UUID.randomUUID(),
                "BM-TEST-" + p, "q", employeeSide, reviewSide, excluded, Set.of()))))).isEqualTo("PANEL_NO_DECIDER");
        assertThat(mongo.getCollection("panels").countDocuments(new Document("_id", id))).isZero();

        // one site manager who is neither accused nor a judge is enough
        excluded.remove(siteManager);
        assertThat(code(() -> asAdmin(() -> panels.checkSide(employeeSide, List.of(), excluded, "members"))))
                .isEqualTo("OK");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private Document raw(Panel panel) {
        return mongo.getCollection("panels").find(new Document("_id", panel.id())).first();
    }
}
