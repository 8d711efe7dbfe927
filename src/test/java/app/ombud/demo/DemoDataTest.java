package app.ombud.demo;

import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.complaint.CaseFilter;
import app.ombud.complaint.CaseStatus;
import app.ombud.complaint.ComplaintCase;
import app.ombud.complaint.ComplaintService;
import app.ombud.directory.AccountService;
import app.ombud.directory.DirectoryService;
import app.ombud.panel.PanelService;
import app.ombud.panel.PanelStatus;
import app.ombud.platform.Role;
import app.ombud.policy.PolicyService;
import app.ombud.review.Appeals;
import app.ombud.review.CaseLibrary;
import app.ombud.review.Replies;
import app.ombud.review.Review;
import app.ombud.review.ReviewDesk;
import app.ombud.review.ReviewFilter;
import app.ombud.review.ReviewQueries;
import app.ombud.review.ReviewQueue;
import app.ombud.review.ReviewStatus;
import app.ombud.review.WorkOrders;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import app.ombud.complaint.internal.CaseJobs;
import app.ombud.escalation.Escalation;
import app.ombud.escalation.EscalationService;
import app.ombud.calltest.Measure;
import app.ombud.calltest.MeasureRow;
import app.ombud.calltest.PlanStatus;
import app.ombud.calltest.Plans;
import app.ombud.calltest.TestCallFilter;
import app.ombud.calltest.TestCallGroup;
import app.ombud.calltest.TestCallStatistics;
import app.ombud.calltest.TestCallStatus;
import app.ombud.calltest.TestCalls;
import app.ombud.platform.TimeBucket;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.domain.ScrollPosition;

@OmbudIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDataTest {

    @Autowired
    DirectoryService directory;

    @Autowired
    AccountService accounts;

    @Autowired
    ComplaintService cases;

    @Autowired
    Clock clock;

    @Autowired
    ReviewQueries reviews;

    @Autowired
    WorkOrders workOrders;

    @Autowired
    ReviewDesk desk;

    @Autowired
    Appeals appeals;

    @Autowired
    Replies replies;

    @Autowired
    CaseLibrary library;

    @Autowired
    PanelService panels;

    @Autowired
    PolicyService policy;

    @Autowired
    DemoTestCalls demoTestCalls;

    @Autowired
    Plans plans;

    @Autowired
    TestCalls testCalls;

    @Autowired
    TestCallStatistics statistics;

    @Test
    @Order(1)
    void theDemoCallCenterHasPeopleAndCasesInEveryStateAndLoadsOnlyOnce(CapturedOutput output) {
        var demo = new DemoData(true, "Demo-pass-2026", 0, directory, accounts, cases, policy, workOrders, desk,
                appeals, replies, library, demoTestCalls, clock);
        demo.load();
        demo.load();
        // the operator chose the password: the banner names the variable, never the value
        assertThat(output.getAll()).contains("OMBUD_DEMO_PASSWORD").doesNotContain("Demo-pass-2026");
        var leads = asAdmin(() -> directory.personByEmployeeId("1801")).orElseThrow();
        assertThat(leads.name()).isEqualTo("郑晓峰");
        assertThat(leads.canLogIn()).isTrue();
        var department = asAdmin(() -> directory.allDepartments()).stream().filter(d -> "HOT".equals(d.code()))
                .findFirst().orElseThrow();
        var superior = asAdmin(() -> directory.superiorOf(department.id())).orElseThrow();
        assertThat(superior.name()).isEqualTo("客户服务中心");
        var statuses = asAdmin(() -> cases.search(CaseFilter.ALL, ScrollPosition.keyset(), 100)).getContent().stream()
                .filter(c -> c.intakeBy().matches("1701|1702|2501")).map(ComplaintCase::status).distinct().toList();
        assertThat(statuses).contains(CaseStatus.NEW, CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS,
                CaseStatus.AWAITING_FEEDBACK, CaseStatus.ARCHIVED);
        var reviewStates = asAdmin(() -> reviews.search(ReviewQueue.ALL, ReviewFilter.ALL, ScrollPosition.keyset(), 100))
                .getContent().stream().filter(r -> r.workOrder().submitterEmployeeId().matches("1701|1702|2501"))
                .map(Review::status).distinct().toList();
        assertThat(reviewStates).contains(ReviewStatus.SUBMITTED, ReviewStatus.IN_REVIEW, ReviewStatus.JUDGED,
                ReviewStatus.PANEL_VOTING, ReviewStatus.FINAL);
        var seat = TestData.as("1701", () -> panels.mine(ScrollPosition.keyset(), 10), Role.AGENT).getContent();
        assertThat(seat).anySatisfy(panel -> assertThat(panel.status()).isEqualTo(PanelStatus.VOTING));
        assertThat(TestData.as("1801", () -> reviews.search(ReviewQueue.TEAM_CHECK, ReviewFilter.ALL,
                ScrollPosition.keyset(), 10), Role.TEAM_LEAD).getContent()).isNotEmpty();
        testCallsOfTheQuarter(department.id());
    }

    /** The test-call programme: a quarter of recorded calls on the demo teams, with figures by month and team. */
    private void testCallsOfTheQuarter(UUID hotline) {
        var teams = asAdmin(() -> directory.teamsOf(hotline)).stream().map(t -> t.id()).collect(Collectors.toSet());
        var plan = TestData.as(DemoTestCalls.LEAD, () -> plans.search(PlanStatus.ACTIVE, null, ScrollPosition.keyset(),
                100), Role.CALLTEST_STAFF).getContent().stream().filter(p -> p.teamIds().containsAll(teams))
                .findFirst().orElseThrow();
        assertThat(plan.draws()).isNotEmpty();
        assertThat(plan.spotChecks()).isNotEmpty();
        long calls = TestData.as("Q0002", () -> testCalls.count(new TestCallFilter(plan.id(), null, null, null,
                TestCallStatus.RECORDED, null, null)), Role.CALLTEST_STAFF);
        assertThat(calls).isGreaterThanOrEqualTo(DemoTestCalls.CALLS);
        LocalDate today = LocalDate.now(policy.calendar().zone());
        List<MeasureRow> rows = TestData.as("L0001", () -> statistics.measureRows(today.minusMonths(3), today,
                TimeBucket.MONTH, TestCallGroup.TEAM), Role.LEADERSHIP).stream()
                .filter(row -> teams.contains(UUID.fromString(row.groupId()))).toList();
        System.out.printf("demo test calls %d, rows of the hotline's teams %d, missed %d%n", calls, rows.size(),
                rows.stream().filter(row -> Boolean.FALSE.equals(row.meetsThreshold())).count());
        // three months of figures; some teams miss some thresholds, and follow-ups count
        assertThat(rows.stream().map(MeasureRow::periodStart).distinct().count()).isGreaterThanOrEqualTo(3);
        assertThat(rows).anyMatch(row -> Boolean.FALSE.equals(row.meetsThreshold()))
                .anyMatch(row -> row.measure() == Measure.FOLLOW_UP_ON_TIME);
        // the quarter's report in draft, its conclusions written, its live figures counting the calls
        String quarter = app.ombud.calltest.Quarter.of(today).toString();
        var report = TestData.as("Q0002", () -> reports.search(ScrollPosition.offset(), 100), Role.CALLTEST_STAFF)
                .getContent().stream().filter(r -> r.period().label().equals(quarter)).findFirst().orElseThrow();
        assertThat(report.status()).isEqualTo(app.ombud.calltest.ReportStatus.DRAFT);
        assertThat(report.conclusions()).contains("响铃");
        assertThat(TestData.as("Q0002", () -> reports.figures(report), Role.CALLTEST_STAFF).calls())
                .isGreaterThanOrEqualTo(1);
    }

    @Autowired
    app.ombud.calltest.CallTestReports reports;

    @Autowired
    CaseJobs caseJobs;

    @Autowired
    EscalationService escalations;

    @Autowired
    app.ombud.escalation.internal.EscalationJobs escalationJobs;

    /**
     * The demo looks like a live day: cases came in over recent weeks, their deadlines run from
     * then, a few open ones are overdue, and the first run of the jobs raises only their escalations.
     */
    @Test
    @Order(2)
    void demoCasesSpreadOverWeeksWithAFewOverdueAndTheFirstJobRunRaisesOnlyAFewEscalations() {
        new DemoData(true, "Demo-pass-2026", 0, directory, accounts, cases, policy, workOrders, desk, appeals, replies,
                library, demoTestCalls, clock).load();
        Instant now = clock.instant();
        List<ComplaintCase> demo = demoCases();
        List<ComplaintCase> open = demo.stream().filter(c -> c.status().open()).toList();
        long overdue = open.stream().filter(c -> !c.deadlines().resolutionDue().isAfter(now)).count();
        var received = demo.stream().map(ComplaintCase::receivedAt).sorted().toList();
        Set<String> numbers = demo.stream().map(ComplaintCase::number).collect(Collectors.toSet());
        long before = demoEscalations(numbers);

        caseJobs.run();
        escalationJobs.raiseAutomatically();
        long raised = demoEscalations(numbers) - before;

        System.out.printf("demo cases %d, open %d, overdue %d, received from %s to %s, escalations raised %d%n",
                demo.size(), open.size(), overdue, received.getFirst(), received.getLast(), raised);
        assertThat(overdue).isPositive().isLessThan(open.size() / 2);
        assertThat(Duration.between(received.getFirst(), received.getLast())).isGreaterThan(Duration.ofDays(7));
        assertThat(raised).isBetween(1L, 4L);
    }

    private List<ComplaintCase> demoCases() {
        return asAdmin(() -> cases.search(CaseFilter.ALL, ScrollPosition.keyset(), 1000)).getContent().stream()
                .filter(c -> c.intakeBy().matches("1701|1702|2501")).toList();
    }

    private long demoEscalations(Set<String> caseNumbers) {
        return asAdmin(() -> escalations.search(null, false, ScrollPosition.keyset(), 1000)).getContent().stream()
                .map(Escalation::caseNumber).filter(caseNumbers::contains).count();
    }

    @Test
    void aGeneratedPasswordIsShownOnceInTheBannerAndAChosenOneNever() {
        assertThat(DemoData.banner("Gen3rated-pass")).contains("Gen3rated-pass", "1701", "L0001");
        assertThat(DemoData.banner(null)).contains("OMBUD_DEMO_PASSWORD", "1701");
    }
}
