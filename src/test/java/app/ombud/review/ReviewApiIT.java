package app.ombud.review;

import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.DepartmentInput;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.directory.TeamInput;
import app.ombud.notification.internal.OutboxDispatcher;
import app.ombud.panel.PanelService;
import app.ombud.platform.Role;
import app.ombud.policy.PolicyService;
import app.ombud.review.internal.ReviewJobs;
import app.ombud.support.ApiAccess;
import app.ombud.support.CompanyIdp;
import app.ombud.support.MovableClock;
import app.ombud.support.OmbudIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Internal reviews through the API with real tokens of people: the company identity provider
 * (mock-oauth2-server) issues each person a token naming their employee ID and roles, as it would
 * in production. Windows and schedules run on a clock the test moves. Runs in its own JVM
 * (failsafe) because of the external issuer and the clock.
 */
@OmbudIntegrationTest
@Import(ReviewApiIT.Clocks.class)
@SuppressWarnings("unchecked")
class ReviewApiIT {

    private static final CompanyIdp IDP = new CompanyIdp("callcenter");

    @DynamicPropertySource
    static void externalIssuer(DynamicPropertyRegistry registry) {
        IDP.configure(registry);
    }

    @AfterAll
    static void stopIdp() {
        IDP.shutdown();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Autowired
    ApiAccess api;

    @Autowired
    DirectoryService directory;

    @Autowired
    PolicyService policy;

    @Autowired
    ReviewQueries reviews;


    @Autowired

    ReviewJobs jobs;

    @Autowired
    PanelService panels;

    @Autowired
    OutboxDispatcher outbox;

    @Autowired
    Clock clock;

    MovableClock moving() {
        return (MovableClock) clock;
    }

    String p;
    String agent;
    String lead;
    String otherLead;
    String reviewer;
    String otherReviewer;
    String owner;
    String siteManager;
    String admin;
    String frontDesk;
    List<String> employeeSide;
    List<String> reviewSide;
    final Map<String, List<Role>> roles = new HashMap<>();

    @BeforeEach
    void callCenter() {
        p = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        var department = asAdmin(() -> directory.createDepartment(new DepartmentInput("RV" + p, "热线运营部" + p, null,
                null)));
        var team = asAdmin(() -> directory.createTeam(new TeamInput("一班" + p, department.id(), null)));
        var otherTeam = asAdmin(() -> directory.createTeam(new TeamInput("二班" + p, department.id(), null)));
        agent = "A" + p;
        lead = "L" + p;
        otherLead = "K" + p;
        reviewer = "R" + p;
        otherReviewer = "Q" + p;
        owner = "O" + p;
        siteManager = "M" + p;
        admin = "AD" + p;
        frontDesk = "17" + p;
        employeeSide = List.of("E1" + p, "E2" + p, "E3" + p);
        reviewSide = List.of("V1" + p, "V2" + p, "V3" + p);
        asAdmin(() -> {
            person(agent, "李娜", team.id(), Role.AGENT);
            person(lead, "郑晓峰", team.id(), Role.TEAM_LEAD);
            person(otherLead, "冯雪", otherTeam.id(), Role.TEAM_LEAD);
            person(reviewer, "赵丽华", null, Role.REVIEWER);
            person(otherReviewer, "钱芳", null, Role.REVIEWER);
            person(owner, "孙白", null, Role.WHITELIST_OWNER);
            person(siteManager, "刘海燕", null, Role.SITE_MANAGER);
            person(admin, "管理员", null, Role.ADMIN);
            person(frontDesk, "张伟", team.id(), Role.AGENT);
            employeeSide.forEach(id -> person(id, "员工" + id, team.id(), Role.AGENT));
            reviewSide.forEach(id -> person(id, "质检" + id, null, Role.REVIEWER));
        });
    }

    private void person(String id, String name, java.util.UUID teamId, Role... personRoles) {
        var team = teamId == null ? null : directory.team(teamId);
        directory.createPerson(new PersonInput(id, name, team == null ? null : team.departmentId(), teamId,
                Set.copyOf(Arrays.asList(personRoles)), true, "13900000000", null));
        roles.put(id, List.of(personRoles));
    }

    /** A token of the company IdP for a person of the directory. */
    GraphQlTester as(String employeeId) {
        var claims = new LinkedHashMap<String, Object>();
        claims.put("roles", roles.get(employeeId).stream().map(Role::name).toList());
        claims.put("employee_id", employeeId);
        claims.put("name", employeeId);
        return api.withToken(IDP.token(employeeId, claims));
    }

    static final String FIELDS = """
            id number status openTask transferredFrom checkDue checkOverdueAt upheld appealDue version
            workOrder { accusedEmployeeId contactNumber callerNumber topic }
            handover { by at note }
            returns { to reason gaps note by }
            route { group mode notifyNumber matchedPrefix manual }
            verification { finding }
            sideNotice { number leadName answer }
            verdict { type criteria upheld basis knowledgeRef topic by }
            appeal { role by points { position text } rejudgment { keep reason } employeeSide reviewSide panelId
                     panelNumber decision decidedBy }
            reply { status due overdueAt unreachableSmsAt attempts { outcome smsQueued } explanationScript }
            library { tags lesson }
            allowedSteps
            """;

    Map<String, Object> run(String employeeId, String mutation, Map<String, Object> input) {
        var response = as(employeeId).document("mutation($input: " + inputType(mutation) + "!) { " + mutation
                + "(input: $input) { review { " + FIELDS + " } } }").variable("input", input).execute();
        return response.path(mutation + ".review").entity(Map.class).get();
    }

    String refused(String employeeId, String mutation, Map<String, Object> input) {
        var response = as(employeeId).document("mutation($input: " + inputType(mutation) + "!) { " + mutation
                + "(input: $input) { review { id } } }").variable("input", input).execute();
        List<String> codes = new ArrayList<>();
        response.errors().satisfy(errors -> errors.forEach(e -> codes.add(String.valueOf(e.getExtensions()
                .get("code")))));
        assertThat(codes).as(mutation + " should be refused").hasSize(1);
        return codes.get(0);
    }

    private static String inputType(String mutation) {
        return switch (mutation) {
            case "takeReview", "removeReviewFromLibrary" -> "ReviewRefInput";
            case "recordExplanationScript" -> "RecordExplanationScriptInput";
            case "closeReplyAsOther" -> "CloseReplyAsOtherInput";
            case "decideSpecialComplainant" -> "DecideSpecialComplainantInput";
            default -> Character.toUpperCase(mutation.charAt(0)) + mutation.substring(1) + "Input";
        };
    }

    Map<String, Object> review(String employeeId, Object id) {
        return as(employeeId).document("query($id: UUID!) { review(id: $id) { " + FIELDS + " } }")
                .variable("id", id).execute().path("review").entity(Map.class).get();
    }

    static Map<String, Object> workOrder(String submitter, String accused, String source, String topic) {
        var order = new HashMap<String, Object>();
        if (submitter != null) {
            order.put("submitterEmployeeId", submitter);
        }
        order.put("callerNumber", "13812345678");
        order.put("contactNumber", "13987654321");
        order.put("complaint", "客户反映坐席态度生硬，没有解释套餐扣费原因");
        order.put("demand", "要求道歉并解释扣费");
        order.put("demandKind", "EXPLICIT");
        order.put("accusedEmployeeId", accused);
        order.put("source", source);
        order.put("topic", topic);
        return order;
    }

    static Map<String, Object> input(Object... pairs) {
        var map = new HashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Submitted by the agent and forwarded by their team lead. */
    Map<String, Object> forwarded(String accused, String topic) {
        var submitted = run(agent, "submitWorkOrder", input("workOrder", workOrder(null, accused, "10010", topic)));
        return run(lead, "forwardReview", input("reviewId", submitted.get("id"), "note", "已核对工单要素"));
    }

    /** Forwarded to the front desk, verified and upheld by the reviewer. */
    Map<String, Object> upheld(String accused, String topic) {
        var review = forwarded(accused, topic);
        Object id = review.get("id");
        run(reviewer, "recordReviewVerification", input("reviewId", id, "finding", "录音 02:15 处坐席打断客户并提高音量"));
        return run(reviewer, "judgeReview", input("reviewId", id, "type", "ATTITUDE", "criteria",
                List.of("A_ARGUING"), "upheld", true, "basis", "录音显示与客户争吵"));
    }

    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> map, String path) {
        Object value = map;
        for (String key : path.split("\\.")) {
            value = value == null ? null : ((Map<String, Object>) value).get(key);
        }
        return value;
    }

    // ---- routing ------------------------------------------------------------------------

    @Test
    void eachGroupIsRoutedByTheAccusedIdAndHandledItsWay() {
        var front = forwarded(frontDesk, "态度");
        assertThat(at(front, "status")).isEqualTo("IN_REVIEW");
        assertThat(at(front, "route.group")).isEqualTo("FRONT_DESK");
        assertThat(at(front, "route.mode")).isEqualTo("VERIFY_RECORDING_AND_CALL_BACK");
        assertThat(at(front, "route.matchedPrefix")).isEqualTo("17");
        assertThat(at(front, "openTask")).isEqualTo("VERIFY");
        assertThat(at(front, "handover.by")).isEqualTo(lead);
        assertThat(refused(reviewer, "judgeReview", input("reviewId", front.get("id"), "type", "ATTITUDE",
                "criteria", List.of("A_ARGUING"), "upheld", true, "basis", "x"))).isEqualTo("REVIEW_NOT_VERIFIED");

        Map<String, String[]> lines = Map.of("11" + p, new String[] {"BACK_OFFICE", "8001"},
                "8009" + p, new String[] {"LINE_89082000", "89082000"},
                "35" + p, new String[] {"LINE_10109696", "10109696"});
        for (var line : lines.entrySet()) {
            var review = forwarded(line.getKey(), "业务");
            Object id = review.get("id");
            assertThat(at(review, "route.group")).isEqualTo(line.getValue()[0]);
            assertThat(at(review, "route.mode")).isEqualTo("NOTIFY_BY_CALL");
            assertThat(at(review, "route.notifyNumber")).isEqualTo(line.getValue()[1]);
            assertThat(at(review, "openTask")).isEqualTo("CALL");
            assertThat((List<String>) at(review, "allowedSteps")).isEmpty();
            var taken = run(reviewer, "takeReview", input("reviewId", id));
            assertThat((List<String>) at(taken, "allowedSteps")).contains("RECORD_SIDE_NOTICE")
                    .doesNotContain("VERIFY", "RECORD_SIDE_ANSWER", "JUDGE");
            assertThat(refused(reviewer, "recordReviewVerification", input("reviewId", id, "finding", "x")))
                    .isEqualTo("REVIEW_NOT_FRONT_DESK");
            run(reviewer, "recordReviewSideNotice", input("reviewId", id, "leadName", "值班长王"));
            assertThat(refused(reviewer, "judgeReview", input("reviewId", id, "type", "BUSINESS", "criteria",
                    List.of("B_WRONG_ANSWER"), "upheld", true, "basis", "x"))).isEqualTo("REVIEW_SIDE_NOT_ANSWERED");
            var answered = run(reviewer, "recordReviewSideAnswer", input("reviewId", id, "answer",
                    "对方已核实：员工解释有误，已批评教育"));
            assertThat(at(answered, "sideNotice.number")).isEqualTo(line.getValue()[1]);
            assertThat(at(answered, "openTask")).isEqualTo("JUDGE");
            assertThat(at(answered, "sideNotice.leadName")).isEqualTo("值班长王");
            assertThat(at(answered, "sideNotice.answer")).isEqualTo("对方已核实：员工解释有误，已批评教育");
            assertThat((List<String>) at(answered, "allowedSteps")).as("judged once that side answered")
                    .contains("JUDGE");
        }
        // the phone task to call the number reaches the reviewer who took the review
        outbox.relay();
        outbox.dispatchDue();
        assertThat(notifications(reviewer)).anySatisfy(n -> assertThat(n).contains("8001"));

        var unrouted = forwarded("99" + p, "其他");
        assertThat(at(unrouted, "route")).isNull();
        var routed = run(reviewer, "routeReview", input("reviewId", unrouted.get("id"), "group", "FRONT_DESK"));
        assertThat(at(routed, "route.manual")).isEqualTo(true);
        assertThat(refused(reviewer, "routeReview", input("reviewId", unrouted.get("id"), "group", "NOWHERE")))
                .isEqualTo("ROUTING_GROUP_UNKNOWN");

        var transfer = run(reviewer, "registerTransferredReview", input("workOrder",
                workOrder("35" + p, frontDesk, "10109696", "转入"), "fromLine", "LINE_10109696"));
        assertThat(at(transfer, "status")).isEqualTo("IN_REVIEW");
        assertThat(at(transfer, "transferredFrom")).isEqualTo("LINE_10109696");
        assertThat(at(transfer, "route.group")).isEqualTo("FRONT_DESK");
        assertThat(refused(reviewer, "registerTransferredReview", input("workOrder",
                workOrder("35" + p, "11" + p, "10109696", "转入"), "fromLine", "LINE_10109696")))
                .isEqualTo("REVIEW_TRANSFER_NOT_FRONT_DESK");
        assertThat(refused(agent, "submitWorkOrder", input("workOrder", workOrder(null, frontDesk, "10016", "x"))))
                .isEqualTo("REVIEW_SOURCE_OUT_OF_SCOPE");
        assertThat(refused(agent, "submitWorkOrder", input("workOrder", workOrder(lead, frontDesk, "10010", "x"))))
                .isEqualTo("REVIEW_SUBMITTER_NOT_YOU");
    }

    List<String> notifications(String employeeId) {
        return as(employeeId).document("{ myNotifications(first: 50) { edges { node { messageKey text } } } }")
                .execute().path("myNotifications.edges[*].node.text").entityList(String.class).get();
    }

    // ---- the team lead -----------------------------------------------------------------

    @Test
    void aCheckPastTheTeamLeadsWindowIsFlaggedOverdue() {
        var late = run(agent, "submitWorkOrder", input("workOrder", workOrder(null, frontDesk, "10010", "超时")));
        assertThat(refused(otherLead, "forwardReview", input("reviewId", late.get("id"))))
                .as("the lead of another team does not even see it").isEqualTo("REVIEW_NOT_FOUND");
        moving().advance(Duration.ofHours(2).plusMinutes(1));
        var onTime = run(agent, "submitWorkOrder", input("workOrder", workOrder(null, frontDesk, "10010", "准时")));
        jobs.flagOverdueChecks(clock.instant());

        var overdue = as(lead).document("""
                { reviews(queue: TEAM_CHECK, filter: {overdueOnly: true}, first: 100) { edges { node { id } } } }""")
                .execute().path("reviews.edges[*].node.id").entityList(String.class).get();
        assertThat(overdue).contains((String) late.get("id")).doesNotContain((String) onTime.get("id"));
        assertThat(at(review(lead, late.get("id")), "checkOverdueAt")).isNotNull();
        assertThat(at(review(lead, onTime.get("id")), "checkOverdueAt")).isNull();
        assertThat(notifications(lead)).anySatisfy(n -> assertThat(n).contains((String) late.get("number")));
        var forwarded = run(lead, "forwardReview", input("reviewId", late.get("id"), "expectedVersion",
                Long.parseLong(String.valueOf(review(lead, late.get("id")).get("version")))));
        assertThat(at(forwarded, "status")).isEqualTo("IN_REVIEW");
    }

    @Test
    void bothReturnReasonsGoBackToTheTeamLeadWithTheirRecord() {
        var submitted = run(agent, "submitWorkOrder", input("workOrder", workOrder(null, frontDesk, "10010", "退回")));
        Object id = submitted.get("id");
        var back = run(lead, "returnReviewToEmployee", input("reviewId", id, "note", "缺少客户诉求"));
        assertThat(at(back, "status")).isEqualTo("RETURNED_TO_EMPLOYEE");
        run(agent, "resubmitWorkOrder", input("reviewId", id, "workOrder", workOrder(null, frontDesk, "10010", "退回")));
        run(lead, "forwardReview", input("reviewId", id));

        assertThat(refused(reviewer, "returnReviewToLead", input("reviewId", id, "reason", "NO_EXPLANATION")))
                .isEqualTo("REVIEW_GAPS_REQUIRED");
        var noExplanation = run(reviewer, "returnReviewToLead", input("reviewId", id, "reason", "NO_EXPLANATION",
                "gaps", List.of("NO_CALMING", "NO_GUIDANCE"), "note", "员工未安抚客户，也未引导"));
        assertThat(at(noExplanation, "status")).isEqualTo("RETURNED_TO_LEAD");
        run(lead, "forwardReview", input("reviewId", id, "note", "已补充员工解释情况"));

        assertThat(refused(reviewer, "returnReviewToLead", input("reviewId", id, "reason", "OUT_OF_SCOPE")))
                .as("out of scope needs a note").isEqualTo("REQUIRED");
        var outOfScope = run(reviewer, "returnReviewToLead", input("reviewId", id, "reason", "OUT_OF_SCOPE",
                "note", "属于 10016 员工"));
        List<Map<String, Object>> returns = (List<Map<String, Object>>) at(outOfScope, "returns");
        assertThat(returns).extracting(r -> r.get("to")).containsExactly("EMPLOYEE", "TEAM_LEAD", "TEAM_LEAD");
        assertThat(returns).extracting(r -> r.get("reason")).containsExactly(null, "NO_EXPLANATION", "OUT_OF_SCOPE");
        assertThat((List<String>) returns.get(1).get("gaps")).containsExactlyInAnyOrder("NO_CALMING", "NO_GUIDANCE");
        assertThat(returns.get(2).get("note")).isEqualTo("属于 10016 员工");
        var withdrawn = run(lead, "withdrawReview", input("reviewId", id, "reason", "不属于本线"));
        assertThat(at(withdrawn, "status")).isEqualTo("WITHDRAWN");
    }

    // ---- judgment ----------------------------------------------------------------------

    @Test
    void attitudeAndBusinessVerdictsUseThePolicysCriteriaAndAlwaysABasis() {
        var attitude = upheld(frontDesk, "态度" + p);
        assertThat(at(attitude, "status")).isEqualTo("JUDGED");
        assertThat(at(attitude, "verdict.type")).isEqualTo("ATTITUDE");
        assertThat((List<String>) at(attitude, "verdict.criteria")).containsExactly("A_ARGUING");
        assertThat(at(attitude, "verdict.by")).isEqualTo(reviewer);
        assertThat(at(attitude, "upheld")).isEqualTo(true);
        assertThat(at(attitude, "appealDue")).isNotNull();

        var business = forwarded(frontDesk, "资费" + p);
        Object id = business.get("id");
        run(reviewer, "recordReviewVerification", input("reviewId", id, "finding", "坐席告知的套餐资费与知识库不符"));
        assertThat(refused(reviewer, "judgeReview", input("reviewId", id, "type", "BUSINESS", "criteria",
                List.of("A_ARGUING"), "upheld", true, "basis", "x"))).isEqualTo("REVIEW_CRITERION_UNKNOWN");
        assertThat(refused(reviewer, "judgeReview", input("reviewId", id, "type", "BUSINESS", "criteria", List.of(),
                "upheld", true, "basis", "x"))).isEqualTo("REVIEW_CRITERIA_REQUIRED");
        assertThat(refused(reviewer, "judgeReview", input("reviewId", id, "type", "BUSINESS", "criteria",
                List.of("B_WRONG_ANSWER"), "upheld", false, "basis", " "))).isEqualTo("REQUIRED");
        assertThat(refused(agent, "judgeReview", input("reviewId", id, "type", "BUSINESS", "upheld", false,
                "basis", "x"))).isIn("FORBIDDEN", "REVIEW_NOT_FOUND");
        var notUpheld = run(reviewer, "judgeReview", input("reviewId", id, "type", "BUSINESS", "criteria",
                List.of("B_WRONG_ANSWER"), "upheld", false, "basis", "知识库 2026-11 版本已更新，坐席解答正确",
                "knowledgeRef", "KB-3301"));
        assertThat(at(notUpheld, "status")).isEqualTo("FINAL");
        assertThat(at(notUpheld, "verdict.knowledgeRef")).isEqualTo("KB-3301");
        assertThat(at(notUpheld, "upheld")).isEqualTo(false);

        // a reviewer is never the judge of a complaint about themselves
        String reviewingAccused = "18" + p;
        asAdmin(() -> person(reviewingAccused, "质检兼坐席", null, Role.REVIEWER));
        var aboutMe = forwarded(reviewingAccused, "自评");
        run(reviewer, "recordReviewVerification", input("reviewId", aboutMe.get("id"), "finding", "x"));
        assertThat(refused(reviewingAccused, "judgeReview", input("reviewId", aboutMe.get("id"), "type", "ATTITUDE",
                "criteria", List.of("A_ARGUING"), "upheld", false, "basis", "x"))).isEqualTo("JUDGE_IS_ACCUSED");
    }

    // ---- appeal and panel --------------------------------------------------------------

    /** The accused appeals, the owner keeps the verdict, both sides name their members: the panel votes. */
    Map<String, Object> panelVoting(String topic) {
        var judged = upheld(frontDesk, topic);
        Object id = judged.get("id");
        assertThat(refused(agent, "appealReview", input("reviewId", id, "points", List.of(input("text", "x")))))
                .isIn("APPEAL_NOT_ALLOWED", "REVIEW_NOT_FOUND");
        assertThat(refused(frontDesk, "appealReview", input("reviewId", id, "points", List.of(input("position",
                "2 min", "text", "x"))))).isEqualTo("APPEAL_POSITION_INVALID");
        var appealed = run(frontDesk, "appealReview", input("reviewId", id, "points", List.of(
                input("position", "02:15", "text", "是客户先辱骂，员工只是解释规则"),
                input("position", "03:40", "text", "员工已道歉"))));
        assertThat(at(appealed, "status")).isEqualTo("APPEALED");
        assertThat(at(appealed, "appeal.role")).isEqualTo("ACCUSED");
        var kept = run(owner, "rejudgeReview", input("reviewId", id, "keep", true, "reason", "录音显示员工先提高音量"));
        assertThat(at(kept, "status")).isEqualTo("PANEL_FORMING");
        assertThat(refused(frontDesk, "nameReviewPanelSide", input("reviewId", id, "side", "EMPLOYEE", "members",
                List.of(employeeSide.get(0), employeeSide.get(1), reviewer)))).isEqualTo("PANEL_MEMBER_EXCLUDED");
        assertThat(refused(frontDesk, "nameReviewPanelSide", input("reviewId", id, "side", "REVIEW", "members",
                reviewSide))).isEqualTo("PANEL_SIDE_NOT_YOURS");
        run(frontDesk, "nameReviewPanelSide", input("reviewId", id, "side", "EMPLOYEE", "members", employeeSide));
        var voting = run(owner, "nameReviewPanelSide", input("reviewId", id, "side", "REVIEW", "members", reviewSide));
        assertThat(at(voting, "status")).isEqualTo("PANEL_VOTING");
        assertThat(at(voting, "appeal.panelNumber")).asString().startsWith("PS-");
        return voting;
    }

    String cast(String member, Object panelId, String choice) {
        return as(member).document("mutation($id: UUID!, $c: Choice!) { castPanelBallot(input: {panelId: $id, "
                + "choice: $c}) { receipt votedCount } }").variable("id", panelId).variable("c", choice).execute()
                .path("castPanelBallot.receipt").entity(String.class).get();
    }

    @Test
    void anAppealGoesThroughReJudgmentAndThePanelsMajorityIsFinal() {
        var voting = panelVoting("申诉" + p);
        Object panelId = at(voting, "appeal.panelId");
        List<String> members = new ArrayList<>(employeeSide);
        members.addAll(reviewSide);
        List<String> receipts = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            receipts.add(cast(members.get(i), panelId, i < 4 ? "OVERTURN" : "UPHOLD"));
            if (i < 5) {
                var open = as(owner).document("query($id: UUID!) { panel(id: $id) { status votedCount outcome receipts } }")
                        .variable("id", panelId).execute();
                open.path("panel.votedCount").entity(Integer.class).isEqualTo(i + 1)
                        .path("panel.outcome").valueIsNull().path("panel.receipts").valueIsNull();
            }
        }
        var closed = as(frontDesk).document("query($id: UUID!) { panel(id: $id) { status outcome finalDecision "
                + "decidedBy receipts } }").variable("id", panelId).execute();
        closed.path("panel.outcome").entity(String.class).isEqualTo("OVERTURNED")
                .path("panel.decidedBy").entity(String.class).isEqualTo("PANEL");
        assertThat(closed.path("panel.receipts").entityList(String.class).get())
                .containsExactlyInAnyOrderElementsOf(receipts).isSorted();
        var finalReview = review(frontDesk, voting.get("id"));
        assertThat(at(finalReview, "status")).isEqualTo("FINAL");
        assertThat(at(finalReview, "upheld")).isEqualTo(false);
        assertThat(at(finalReview, "appeal.decision")).isEqualTo("OVERTURN");
        assertThat(at(finalReview, "appeal.decidedBy")).isEqualTo("PANEL");
        assertThat(at(finalReview, "appeal.rejudgment.keep")).isEqualTo(true);
    }

    @Test
    void aTiedPanelLeavesTheFinalDecisionToTheSiteManager() {
        var voting = panelVoting("平票" + p);
        Object panelId = at(voting, "appeal.panelId");
        List<String> members = new ArrayList<>(employeeSide);
        members.addAll(reviewSide);
        for (int i = 0; i < members.size(); i++) {
            cast(members.get(i), panelId, i % 2 == 0 ? "UPHOLD" : "OVERTURN");
        }
        String decide = "mutation($id: UUID!) { decideUndecidedPanel(input: {panelId: $id, decision: UPHOLD, "
                + "reason: \"录音证据充分，维持判责\"}) { panel { status finalDecision decidedBy } } }";
        as(owner).document(decide).variable("id", panelId).execute().errors().satisfy(errors -> assertThat(errors)
                .singleElement().satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        assertThat(at(review(owner, voting.get("id")), "status")).isEqualTo("PANEL_VOTING");
        as(siteManager).document(decide).variable("id", panelId).execute()
                .path("decideUndecidedPanel.panel.status").entity(String.class).isEqualTo("DECIDED")
                .path("decideUndecidedPanel.panel.decidedBy").entity(String.class).isEqualTo("SITE_MANAGER");
        var finalReview = review(owner, voting.get("id"));
        assertThat(at(finalReview, "status")).isEqualTo("FINAL");
        assertThat(at(finalReview, "upheld")).isEqualTo(true);
        assertThat(at(finalReview, "appeal.decidedBy")).isEqualTo("SITE_MANAGER");
    }

    @Test
    void fiftyConcurrentBallotsOfOneMemberOverHttpCountOnce() throws Exception {
        var voting = panelVoting("并发" + p);
        Object panelId = at(voting, "appeal.panelId");
        GraphQlTester member = as(employeeSide.get(0));
        String document = "mutation($id: UUID!) { castPanelBallot(input: {panelId: $id, choice: UPHOLD}) { receipt } }";
        ExecutorService pool = Executors.newFixedThreadPool(25);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    var response = member.document(document).variable("id", panelId).execute();
                    List<String> codes = new ArrayList<>();
                    response.errors().satisfy(errors -> errors.forEach(e -> codes.add(String.valueOf(
                            e.getExtensions().get("code")))));
                    return codes.isEmpty() ? "OK" : String.join(",", codes);
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (var result : results) {
                outcomes.add(result.get(120, TimeUnit.SECONDS));
            }
            assertThat(Collections.frequency(outcomes, "OK")).isEqualTo(1);
            assertThat(outcomes).filteredOn(o -> !o.equals("OK")).containsOnly("BALLOT_ALREADY_CAST");
        } finally {
            pool.shutdownNow();
        }
        as(owner).document("query($id: UUID!) { panel(id: $id) { votedCount } }").variable("id", panelId).execute()
                .path("panel.votedCount").entity(Integer.class).isEqualTo(1);
    }

    // ---- the reply to the customer ------------------------------------------------------

    @Test
    void aCustomerUnreachableForTheFollowUpDaysGetsAVerdictFreeSms() {
        var review = upheld(frontDesk, "回复" + p);
        Object id = review.get("id");
        assertThat(at(review, "reply.status")).isEqualTo("PENDING");
        moving().advance(Duration.ofHours(49));
        jobs.flagOverdueReplies(clock.instant());
        assertThat(at(review(reviewer, id), "reply.overdueAt")).isNotNull();

        run(reviewer, "recordReplyAttempt", input("reviewId", id, "outcome", "NO_ANSWER", "note", "第一天无人接听"));
        moving().advance(Duration.ofDays(1));
        assertThat(refused(reviewer, "recordReplyAttempt", input("reviewId", id, "outcome", "REACHED", "sendSms",
                true))).isEqualTo("REPLY_SMS_ONLY_WHEN_UNREACHED");
        var second = run(reviewer, "recordReplyAttempt", input("reviewId", id, "outcome", "BUSY", "sendSms", true));
        assertThat((List<Map<String, Object>>) at(second, "reply.attempts")).extracting(a -> a.get("smsQueued"))
                .containsExactly(false, true);
        moving().advance(Duration.ofDays(1));
        var third = run(reviewer, "recordReplyAttempt", input("reviewId", id, "outcome", "SWITCHED_OFF"));
        assertThat(at(third, "reply.status")).isEqualTo("UNREACHABLE");
        assertThat(at(third, "reply.unreachableSmsAt")).isNotNull();
        assertThat(refused(reviewer, "recordReplyAttempt", input("reviewId", id, "outcome", "REACHED")))
                .isEqualTo("REPLY_NOT_OPEN");

        // the scheduler: one failed call, then the follow-up days pass without a call
        var quiet = upheld(frontDesk, "回复" + p);
        run(reviewer, "recordReplyAttempt", input("reviewId", quiet.get("id"), "outcome", "NO_ANSWER"));
        moving().advance(Duration.ofDays(1));
        jobs.followUpReplies(clock.instant());
        assertThat(notifications(reviewer)).anySatisfy(n -> assertThat(n).contains((String) quiet.get("number")));
        moving().advance(Duration.ofDays(2));
        jobs.followUpReplies(clock.instant());
        assertThat(at(review(reviewer, quiet.get("id")), "reply.status")).isEqualTo("UNREACHABLE");

        outbox.relay();
        var sms = as(admin).document("""
                { outboxMessages(channel: SMS, first: 100) { edges { node { recipient body sourceId } } } }""")
                .execute().path("outboxMessages.edges[*].node").entityList(Map.class).get().stream()
                .filter(m -> List.of(review.get("number"), quiet.get("number")).contains(m.get("sourceId"))).toList();
        assertThat(sms).as("the day-2 SMS of the first, the unreachable SMS of the second").hasSize(3);
        var words = policy.current().content().templates().verdictWords();
        for (var message : sms) {
            assertThat(message.get("recipient")).isEqualTo("13987654321");
            assertThat((String) message.get("body")).contains(policy.current().content().templates().hotline());
            for (String word : words) {
                assertThat(((String) message.get("body")).toLowerCase()).doesNotContain(word.toLowerCase());
            }
        }
    }

    @Test
    void specialComplainantsDirectExplanationsAndOtherRepliesAreRecorded() {
        var special = forwarded(frontDesk, "特殊" + p);
        run(reviewer, "reportSpecialComplainant", input("reviewId", special.get("id"), "kind", "LONG_TERM",
                "report", "该客户三年内投诉 40 余次"));
        assertThat(notifications(siteManager)).anySatisfy(n -> assertThat(n).contains((String) special.get("number")));
        var decided = run(siteManager, "decideSpecialComplainant", input("reviewId", special.get("id"), "decision",
                "由现场负责人统一答复，不再逐次回访"));
        assertThat(at(decided, "reply.status")).isEqualTo("SPECIAL_DECIDED");

        var direct = forwarded(frontDesk, "解释" + p);
        run(reviewer, "recordExplanationScript", input("reviewId", direct.get("id"), "script",
                "您的号码已停机超过 90 天，按规定已销户，如需恢复请携带身份证到营业厅办理。"));
        as(agent).document("query($phone: String!) { explanationScripts(phone: $phone) { reviewNumber script } }")
                .variable("phone", "13987654321").execute()
                .path("explanationScripts[*].reviewNumber").entityList(String.class)
                .contains((String) direct.get("number"));

        var other = forwarded(frontDesk, "其他" + p);
        var closed = run(reviewer, "closeReplyAsOther", input("reviewId", other.get("id"), "kind", "COMPLAINT_TICKET",
                "reference", "KS-20261201-0007"));
        assertThat(at(closed, "reply.status")).isEqualTo("OTHER");
    }

    // ---- case library and early warning -------------------------------------------------

    @Test
    void theThirdUpheldReviewOnATopicWithinTheDaysWarnsTheDutyChiefOnce() {
        String topic = "宽带资费" + p;
        upheld(frontDesk, topic);
        upheld(frontDesk, topic);
        assertThat(notifications(siteManager)).noneSatisfy(n -> assertThat(n).contains(topic));
        var third = upheld(frontDesk, topic);
        assertThat(notifications(siteManager)).filteredOn(n -> n.contains(topic)).hasSize(1);
        upheld(frontDesk, topic);
        assertThat(notifications(siteManager)).as("no second warning within the days")
                .filteredOn(n -> n.contains(topic)).hasSize(1);
        var warnings = as(owner).document("{ earlyWarnings(first: 20) { edges { node { topic count reviewNumbers } } } }")
                .execute().path("earlyWarnings.edges[*].node").entityList(Map.class).get().stream()
                .filter(w -> topic.equals(w.get("topic"))).toList();
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.get("count")).isEqualTo(3);
            assertThat((List<String>) w.get("reviewNumbers")).contains((String) third.get("number"));
        });

        var added = run(reviewer, "addReviewToLibrary", input("reviewId", third.get("id"), "tags", List.of("资费", "态度"),
                "lesson", "解释资费时先安抚情绪，再对照账单逐项说明"));
        assertThat((List<String>) at(added, "library.tags")).containsExactly("资费", "态度");
        as(agent).document("query($t: String!) { caseLibrary(text: $t, first: 10) { edges { node { reviewNumber lesson "
                + "topic } } } }").variable("t", topic).execute()
                .path("caseLibrary.edges[*].node.reviewNumber").entityList(String.class)
                .containsExactly((String) third.get("number"));
    }

    @Test
    void aStaleVersionIsAConflictAndConcurrentStepsLoseNoUpdate() throws Exception {
        var review = forwarded(frontDesk, "并发" + p);
        Object id = review.get("id");
        long read = Long.parseLong(String.valueOf(review.get("version")));
        run(reviewer, "takeReview", input("reviewId", id, "expectedVersion", read));
        assertThat(refused(otherReviewer, "takeReview", input("reviewId", id, "expectedVersion", read)))
                .isEqualTo("CONCURRENT_UPDATE");

        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                String note = "第" + i + "次回访";
                results.add(pool.submit(() -> {
                    start.await();
                    var response = as(reviewer).document("""
                            mutation($id: UUID!, $note: String!) { recordReplyAttempt(input: {reviewId: $id,
                              outcome: NO_ANSWER, note: $note}) { review { id } } }""")
                            .variable("id", id).variable("note", note).execute();
                    List<String> codes = new ArrayList<>();
                    response.errors().satisfy(errors -> errors.forEach(e -> codes.add(String.valueOf(
                            e.getExtensions().get("code")))));
                    return codes.isEmpty() ? "OK" : String.join(",", codes);
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (var result : results) {
                outcomes.add(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsOnly("OK", "CONCURRENT_UPDATE").contains("OK");
            var after = review(reviewer, id);
            assertThat((List<Object>) at(after, "reply.attempts")).as("every successful call is recorded")
                    .hasSize(Collections.frequency(outcomes, "OK"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void biReadersSeeReviewsWithTheCustomersNumbersMasked() {
        var review = forwarded(frontDesk, "BI" + p);
        String bi = "BI" + p;
        asAdmin(() -> person(bi, "报表", null, Role.BI_READER));
        var seen = review(bi, review.get("id"));
        assertThat(at(seen, "workOrder.contactNumber")).isEqualTo("139****4321");
        assertThat(at(seen, "workOrder.callerNumber")).isEqualTo("138****5678");
        assertThat(refused(bi, "takeReview", input("reviewId", review.get("id")))).isEqualTo("FORBIDDEN");
    }
}
