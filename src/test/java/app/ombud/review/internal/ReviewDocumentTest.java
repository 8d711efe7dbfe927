package app.ombud.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.notification.Channel;
import app.ombud.notification.OutboxMessage;
import app.ombud.panel.Choice;
import app.ombud.platform.Actor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.policy.JudgmentType;
import app.ombud.policy.LocalizedText;
import app.ombud.policy.RoutingRule;
import app.ombud.review.AppealDecider;
import app.ombud.review.AppealPoint;
import app.ombud.review.AppellantRole;
import app.ombud.review.DemandKind;
import app.ombud.review.ExplanationGap;
import app.ombud.review.Reply;
import app.ombud.review.ReplyAttempt;
import app.ombud.review.ReplyOutcome;
import app.ombud.review.ReplyStatus;
import app.ombud.review.ReturnReason;
import app.ombud.review.ReviewReturn;
import app.ombud.review.ReviewRoute;
import app.ombud.review.ReviewStatus;
import app.ombud.review.ReviewStep;
import app.ombud.review.Verdict;
import app.ombud.review.Verification;
import app.ombud.review.WorkOrder;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rules a review document keeps by itself: its state machine, who may take which step now (one
 * rule per step), its reply follow-up, its appeal.
 */
class ReviewDocumentTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant MONDAY_10 = Instant.parse("2026-11-30T02:00:00Z");
    static final Actor LEAD = new Actor(Actor.Kind.PERSON, "1801", "郑晓峰", "1801", Set.of(Role.TEAM_LEAD));
    static final Actor REVIEWER = new Actor(Actor.Kind.PERSON, "R0001", "赵丽华", "R0001", Set.of(Role.REVIEWER));
    static final Actor OWNER = new Actor(Actor.Kind.PERSON, "W0001", "孙白", "W0001", Set.of(Role.WHITELIST_OWNER));

    static ReviewDocument submitted() {
        var order = new WorkOrder("1701", "13812345678", null, "13987654321", "态度生硬", "道歉", DemandKind.EXPLICIT,
                "1702", "10010", "资费");
        return ReviewDocument.submit(UUID.randomUUID(), "BM-20261130-0001", order, UUID.randomUUID(), null,
                MONDAY_10.plus(Duration.ofHours(2)), LEAD, MONDAY_10);
    }

    static ReviewRoute frontDesk() {
        return new ReviewRoute("FRONT_DESK", LocalizedText.of("前台", "Front desk"),
                RoutingRule.HandlingMode.VERIFY_RECORDING_AND_CALL_BACK, null, "17", false, 1, "1801", MONDAY_10);
    }

    static ReviewDocument inReview() {
        var review = submitted();
        review.forward(null, frontDesk(), MONDAY_10.plus(Duration.ofHours(48)), LEAD, MONDAY_10);
        return review;
    }

    static Verdict verdict(boolean upheld) {
        return new Verdict(JudgmentType.ATTITUDE, List.of("A_ARGUING"), upheld, "录音显示争吵", null, "资费", "R0001",
                "赵丽华", MONDAY_10, 1);
    }

    static OutboxMessage sms(String key) {
        return new OutboxMessage(UUID.nameUUIDFromBytes(key.getBytes()), Channel.SMS, "13987654321", null, "请致电10010",
                "Review", "BM-20261130-0001");
    }

    static String code(Runnable step) {
        try {
            step.run();
            return "OK";
        } catch (OmbudException e) {
            return e.code();
        }
    }

    @Test
    void aReviewIsJudgedOnlyAfterTheRecordingWasVerified() {
        var review = inReview();
        assertThat(code(() -> review.judge(verdict(true), MONDAY_10, REVIEWER, MONDAY_10)))
                .isEqualTo("REVIEW_NOT_VERIFIED");
        review.recordVerification(new Verification("争吵属实", null, "R0001", "赵丽华", MONDAY_10), REVIEWER, MONDAY_10);
        review.judge(verdict(true), MONDAY_10.plus(Duration.ofDays(3)), REVIEWER, MONDAY_10);
        assertThat(review.status()).isEqualTo(ReviewStatus.JUDGED);
        assertThat(review.upheld()).isTrue();
        assertThat(code(() -> review.judge(verdict(false), MONDAY_10, REVIEWER, MONDAY_10)))
                .as("judged once").isEqualTo("REVIEW_TRANSITION_NOT_ALLOWED");
    }

    @Test
    void aVerdictNotUpheldIsFinalAndCannotBeAppealed() {
        var review = inReview();
        review.recordVerification(new Verification("无过错", null, "R0001", "赵丽华", MONDAY_10), REVIEWER, MONDAY_10);
        review.judge(verdict(false), null, REVIEWER, MONDAY_10);
        assertThat(review.status()).isEqualTo(ReviewStatus.FINAL);
        assertThat(code(() -> review.fileAppeal(AppellantRole.ACCUSED, List.of(new AppealPoint(null, "x")), LEAD,
                MONDAY_10))).isEqualTo("REVIEW_TRANSITION_NOT_ALLOWED");
    }

    @Test
    void anAppealAfterItsWindowIsRefused() {
        var review = inReview();
        review.recordVerification(new Verification("属实", null, "R0001", "赵丽华", MONDAY_10), REVIEWER, MONDAY_10);
        review.judge(verdict(true), MONDAY_10.plus(Duration.ofDays(3)), REVIEWER, MONDAY_10);
        assertThat(code(() -> review.fileAppeal(AppellantRole.ACCUSED, List.of(new AppealPoint("01:02", "x")), LEAD,
                MONDAY_10.plus(Duration.ofDays(3))))).isEqualTo("APPEAL_WINDOW_CLOSED");
        review.fileAppeal(AppellantRole.ACCUSED, List.of(new AppealPoint("01:02", "x")), LEAD,
                MONDAY_10.plus(Duration.ofDays(2)));
        assertThat(review.status()).isEqualTo(ReviewStatus.APPEALED);
    }

    @Test
    void bothSidesNamedRequestThePanelAndItsDecisionAppliesOnce() {
        var review = inReview();
        review.recordVerification(new Verification("属实", null, "R0001", "赵丽华", MONDAY_10), REVIEWER, MONDAY_10);
        review.judge(verdict(true), MONDAY_10.plus(Duration.ofDays(3)), REVIEWER, MONDAY_10);
        review.fileAppeal(AppellantRole.ACCUSED, List.of(new AppealPoint(null, "客户先辱骂")), LEAD, MONDAY_10);
        review.rejudge(true, "维持", OWNER, MONDAY_10);
        UUID panel = UUID.randomUUID();
        assertThat(review.nameSide(true, List.of("a", "b", "c"), panel, LEAD, MONDAY_10)).isFalse();
        assertThat(code(() -> review.nameSide(true, List.of("d", "e", "f"), panel, LEAD, MONDAY_10)))
                .isEqualTo("PANEL_SIDE_ALREADY_NAMED");
        assertThat(review.nameSide(false, List.of("x", "y", "z"), panel, OWNER, MONDAY_10)).isTrue();
        assertThat(review.status()).isEqualTo(ReviewStatus.PANEL_VOTING);
        assertThat(review.panelPending()).isTrue();
        assertThat(review.applyPanelDecision(UUID.randomUUID(), "PS-X", Choice.OVERTURN, AppealDecider.PANEL,
                Actor.SYSTEM, MONDAY_10)).as("another panel").isFalse();
        assertThat(review.applyPanelDecision(panel, "PS-1", Choice.OVERTURN, AppealDecider.PANEL, Actor.SYSTEM,
                MONDAY_10)).isTrue();
        assertThat(review.applyPanelDecision(panel, "PS-1", Choice.OVERTURN, AppealDecider.PANEL, Actor.SYSTEM,
                MONDAY_10)).as("applied once").isFalse();
        assertThat(review.status()).isEqualTo(ReviewStatus.FINAL);
        assertThat(review.upheld()).isFalse();
        assertThat(review.appeal().decidedBy()).isEqualTo(AppealDecider.PANEL);
    }

    @Test
    void theThirdFailedDayMakesTheCustomerUnreachableWithOneSmsADay() {
        var review = inReview();
        Instant day1 = MONDAY_10;
        review.recordAttempt(attempt(day1, ReplyOutcome.NO_ANSWER), 3, SHANGHAI, sms("day1"), sms("unreachable"),
                REVIEWER, day1);
        review.recordAttempt(attempt(day1.plus(Duration.ofHours(3)), ReplyOutcome.BUSY), 3, SHANGHAI, sms("day1"),
                sms("unreachable"), REVIEWER, day1.plus(Duration.ofHours(3)));
        assertThat(review.pendingMessages()).as("one SMS for the first day").hasSize(1);
        review.recordAttempt(attempt(day1.plus(Duration.ofDays(1)), ReplyOutcome.SWITCHED_OFF), 3, SHANGHAI, null,
                sms("unreachable"), REVIEWER, day1.plus(Duration.ofDays(1)));
        assertThat(review.reply().status()).isEqualTo(ReplyStatus.PENDING);
        review.recordAttempt(attempt(day1.plus(Duration.ofDays(2)), ReplyOutcome.NO_ANSWER), 3, SHANGHAI, null,
                sms("unreachable"), REVIEWER, day1.plus(Duration.ofDays(2)));
        assertThat(review.reply().status()).isEqualTo(ReplyStatus.UNREACHABLE);
        assertThat(review.pendingMessages()).hasSize(2);
        assertThat(code(() -> review.recordAttempt(attempt(day1.plus(Duration.ofDays(3)), ReplyOutcome.REACHED), 3,
                SHANGHAI, null, sms("unreachable"), REVIEWER, day1.plus(Duration.ofDays(3))))).isEqualTo(
                "REPLY_NOT_OPEN");
    }

    @Test
    void aReachedCustomerEndsTheReplyAndAnSmsIsOnlyForFailedCalls() {
        var review = inReview();
        assertThat(code(() -> review.recordAttempt(attempt(MONDAY_10, ReplyOutcome.REACHED), 3, SHANGHAI, sms("d"),
                sms("u"), REVIEWER, MONDAY_10))).isEqualTo("REPLY_SMS_ONLY_WHEN_UNREACHED");
        review.recordAttempt(attempt(MONDAY_10, ReplyOutcome.REACHED), 3, SHANGHAI, null, sms("u"), REVIEWER,
                MONDAY_10);
        assertThat(review.reply().status()).isEqualTo(ReplyStatus.REPLIED);
        assertThat(review.reply().closedAt()).isEqualTo(MONDAY_10);
        assertThat(review.pendingMessages()).isEmpty();
    }

    @Test
    void failedDaysCountCompanyLocalDates() {
        // 23:30 and 00:30 in Shanghai are two days, though 1 hour apart
        var attempts = List.of(attempt(Instant.parse("2026-11-30T15:30:00Z"), ReplyOutcome.NO_ANSWER),
                attempt(Instant.parse("2026-11-30T16:30:00Z"), ReplyOutcome.BUSY),
                attempt(Instant.parse("2026-11-30T17:00:00Z"), ReplyOutcome.REACHED));
        assertThat(new Reply(MONDAY_10, ReplyStatus.PENDING, attempts, null, null, null, null, null, null)
                .failedDays(SHANGHAI)).isEqualTo(2);
    }

    @Test
    void topicsCompareWithoutCaseOrExtraSpaces() {
        assertThat(ReviewDocument.topicKey("  Broadband   Fees ")).isEqualTo(ReviewDocument.topicKey("broadband fees"));
    }

    @Test
    void aReturnedWorkOrderIsResubmittedWithANewCheckWindow() {
        var review = submitted();
        review.returnToEmployee("缺少诉求", LEAD, MONDAY_10);
        assertThatThrownBy(() -> review.forward(null, frontDesk(), MONDAY_10, LEAD, MONDAY_10))
                .isInstanceOf(OmbudException.class);
        Instant later = MONDAY_10.plus(Duration.ofHours(5));
        review.resubmit(review.workOrder(), null, null, later.plus(Duration.ofHours(2)), LEAD, later);
        assertThat(review.status()).isEqualTo(ReviewStatus.SUBMITTED);
        assertThat(review.view().checkDue()).isEqualTo(later.plus(Duration.ofHours(2)));
        assertThat(review.view().returns()).hasSize(1);
    }

    // ---- the step rules (StepGuard): who may take which step now --------------------------

    static final Actor AGENT = new Actor(Actor.Kind.PERSON, "1701", "王坐席", "1701", Set.of(Role.AGENT));
    static final Actor ACCUSED = new Actor(Actor.Kind.PERSON, "1702", "李被诉", "1702", Set.of(Role.AGENT));
    static final Actor CLIENT = new Actor(Actor.Kind.CLIENT, "bi", "BI", null, Set.of(Role.REVIEWER));

    static ReviewCaller caller(Actor actor, UUID team) {
        return new ReviewCaller(actor, team, MONDAY_10);
    }

    static ReviewDocument submittedBy(UUID submitterTeam, UUID accusedTeam) {
        var order = new WorkOrder("1701", "13812345678", null, "13987654321", "态度生硬", "道歉", DemandKind.EXPLICIT,
                "1702", "10010", "资费");
        return ReviewDocument.submit(UUID.randomUUID(), "BM-20261130-0002", order, submitterTeam, accusedTeam,
                MONDAY_10.plus(Duration.ofHours(2)), AGENT, MONDAY_10);
    }

    static void judgedUpheld(ReviewDocument review) {
        review.forward(null, frontDesk(), MONDAY_10.plus(Duration.ofHours(48)), LEAD, MONDAY_10);
        review.recordVerification(new Verification("属实", null, "R0001", "赵丽华", MONDAY_10), REVIEWER, MONDAY_10);
        review.judge(verdict(true), MONDAY_10.plus(Duration.ofDays(3)), REVIEWER, MONDAY_10);
    }

    @Test
    void aSubmittedWorkOrderIsTheSubmittersAndTheirTeamLeadsOnly() {
        UUID team = UUID.randomUUID();
        var review = submittedBy(team, null);
        assertThat(review.allowedSteps(caller(LEAD, team))).containsExactlyInAnyOrder(ReviewStep.WITHDRAW,
                ReviewStep.FORWARD, ReviewStep.RETURN_TO_EMPLOYEE);
        assertThat(review.allowedSteps(caller(AGENT, null))).containsExactly(ReviewStep.WITHDRAW);
        assertThat(review.allowedSteps(caller(LEAD, UUID.randomUUID()))).as("a lead of another team").isEmpty();
        assertThat(review.refusal(ReviewStep.FORWARD, caller(LEAD, UUID.randomUUID())).orElseThrow().code())
                .isEqualTo("REVIEW_NOT_TEAM_LEAD");
        assertThat(review.refusal(ReviewStep.FORWARD, caller(AGENT, null)).orElseThrow().code())
                .isEqualTo("REVIEW_NOT_TEAM_LEAD");
        assertThat(review.allowedSteps(caller(REVIEWER, null))).isEmpty();
    }

    @Test
    void noStepIsAnApiClients() {
        var review = inReview();
        for (ReviewStep step : ReviewStep.values()) {
            assertThat(review.refusal(step, caller(CLIENT, null))).as(step.name()).get()
                    .extracting(OmbudException::code).isEqualTo("PERSON_REQUIRED");
        }
    }

    @Test
    void theReviewTeamJudgesOnlyAVerifiedReviewAndNeverOneAboutThemselves() {
        var review = inReview();
        assertThat(review.allowedSteps(caller(REVIEWER, null))).containsExactlyInAnyOrder(ReviewStep.TAKE,
                ReviewStep.RETURN_TO_LEAD, ReviewStep.ROUTE, ReviewStep.VERIFY, ReviewStep.RECORD_REPLY_ATTEMPT,
                ReviewStep.REPORT_SPECIAL, ReviewStep.EXPLAIN_DIRECTLY, ReviewStep.REPLY_OTHER);
        assertThat(review.refusal(ReviewStep.JUDGE, caller(REVIEWER, null)).orElseThrow().code())
                .isEqualTo("REVIEW_NOT_VERIFIED");
        assertThat(review.refusal(ReviewStep.RECORD_SIDE_NOTICE, caller(REVIEWER, null)).orElseThrow().code())
                .as("a front-desk review notifies nobody").isEqualTo("REVIEW_NOT_NOTIFY_BY_CALL");
        review.take(REVIEWER, MONDAY_10);
        review.recordVerification(new Verification("属实", null, "R0001", "赵丽华", MONDAY_10), REVIEWER, MONDAY_10);
        assertThat(review.allowedSteps(caller(REVIEWER, null))).contains(ReviewStep.JUDGE)
                .doesNotContain(ReviewStep.TAKE);
        assertThat(review.refusal(ReviewStep.TAKE, caller(REVIEWER, null)).orElseThrow().code())
                .isEqualTo("REVIEW_ALREADY_TAKEN");
        var accusedReviewer = new Actor(Actor.Kind.PERSON, "1702", "李被诉", "1702", Set.of(Role.REVIEWER));
        assertThat(review.refusal(ReviewStep.JUDGE, caller(accusedReviewer, null)).orElseThrow().code())
                .isEqualTo("JUDGE_IS_ACCUSED");
        assertThat(review.refusal(ReviewStep.JUDGE, caller(LEAD, null)).orElseThrow().code())
                .isEqualTo("REVIEW_TEAM_ONLY");
    }

    @Test
    void theAccusedAndTheLeadOfTheirTeamAppealWithinTheWindowAndAnotherOwnerRejudges() {
        UUID accusedTeam = UUID.randomUUID();
        var review = submittedBy(null, accusedTeam);
        judgedUpheld(review);
        assertThat(review.allowedSteps(caller(ACCUSED, null))).containsExactly(ReviewStep.APPEAL);
        assertThat(review.allowedSteps(caller(LEAD, accusedTeam))).contains(ReviewStep.APPEAL);
        assertThat(review.refusal(ReviewStep.APPEAL, caller(LEAD, UUID.randomUUID())).orElseThrow().code())
                .isEqualTo("APPEAL_NOT_ALLOWED");
        var late = new ReviewCaller(ACCUSED, null, MONDAY_10.plus(Duration.ofDays(3)));
        assertThat(review.refusal(ReviewStep.APPEAL, late).orElseThrow().code()).isEqualTo("APPEAL_WINDOW_CLOSED");

        review.fileAppeal(AppellantRole.ACCUSED, List.of(new AppealPoint(null, "客户先辱骂")), ACCUSED, MONDAY_10);
        var judge = new Actor(Actor.Kind.PERSON, "R0001", "赵丽华", "R0001", Set.of(Role.WHITELIST_OWNER));
        assertThat(review.refusal(ReviewStep.REJUDGE, caller(judge, null)).orElseThrow().code())
                .isEqualTo("REJUDGE_BY_ORIGINAL_JUDGE");
        assertThat(review.allowedSteps(caller(OWNER, null))).contains(ReviewStep.REJUDGE);
        review.rejudge(true, "维持", OWNER, MONDAY_10);
        assertThat(review.allowedSteps(caller(ACCUSED, null))).containsExactly(ReviewStep.NAME_EMPLOYEE_SIDE);
        assertThat(review.allowedSteps(caller(OWNER, null))).contains(ReviewStep.NAME_REVIEW_SIDE)
                .doesNotContain(ReviewStep.NAME_EMPLOYEE_SIDE);
        assertThat(review.panelExcluded()).containsExactlyInAnyOrder("1702", "R0001", "W0001");
    }

    @Test
    void theAppealWindowEndsOnlyOnceAndOnlyWhenItHasPassed() {
        var review = submittedBy(null, null);
        judgedUpheld(review);
        assertThat(review.endAppealWindow(MONDAY_10.plus(Duration.ofDays(2)))).isFalse();
        assertThat(review.endAppealWindow(MONDAY_10.plus(Duration.ofDays(3)))).isTrue();
        assertThat(review.status()).isEqualTo(ReviewStatus.FINAL);
        assertThat(review.view().timeline().getLast().action()).isEqualTo("appeal-window-ended");
        assertThat(review.endAppealWindow(MONDAY_10.plus(Duration.ofDays(4)))).isFalse();
    }

    @Test
    void timelineEntriesKeepCodesAndValuesAsArgsAndOnlyWhatPeopleWroteAsNotes() {
        var review = submitted();
        review.forward("要素齐全", null, MONDAY_10.plus(Duration.ofHours(48)), LEAD, MONDAY_10);
        review.take(REVIEWER, MONDAY_10);
        review.returnToLead(new ReviewReturn(ReviewReturn.To.TEAM_LEAD, ReturnReason.NO_EXPLANATION,
                Set.of(ExplanationGap.NO_GUIDANCE, ExplanationGap.NO_CALMING), "请补充解释", "R0001", "赵丽华", MONDAY_10),
                REVIEWER, MONDAY_10);
        review.forward(null, null, null, LEAD, MONDAY_10);
        review.routeManually(new ReviewRoute("FRONT_DESK", LocalizedText.of("前台", "Front desk"),
                RoutingRule.HandlingMode.VERIFY_RECORDING_AND_CALL_BACK, null, null, true, 1, "R0001", MONDAY_10),
                REVIEWER, MONDAY_10);
        review.recordVerification(new Verification("争吵属实", null, "R0001", "赵丽华", MONDAY_10), REVIEWER, MONDAY_10);
        review.judge(new Verdict(JudgmentType.ATTITUDE, List.of("A_ARGUING", "A_HANGUP"), true, "录音显示争吵", null,
                "资费", "R0001", "赵丽华", MONDAY_10, 3), MONDAY_10.plus(Duration.ofDays(3)), REVIEWER, MONDAY_10);
        review.fileAppeal(AppellantRole.ACCUSED, List.of(new AppealPoint(null, "客户先辱骂")), LEAD, MONDAY_10);
        review.rejudge(true, "维持", OWNER, MONDAY_10);
        UUID panel = UUID.randomUUID();
        review.nameSide(true, List.of("M1", "M2", "M3"), panel, LEAD, MONDAY_10);
        review.nameSide(false, List.of("M4", "M5", "M6"), panel, OWNER, MONDAY_10);
        review.panelFormed("PS-20261130-0001", Actor.SYSTEM, MONDAY_10);
        review.applyPanelDecision(panel, "PS-20261130-0001", Choice.UPHOLD, AppealDecider.SITE_MANAGER, Actor.SYSTEM,
                MONDAY_10);

        var entries = review.view().timeline();
        assertThat(entries).filteredOn(e -> e.action().equals("unrouted")).hasSize(2)
                .allSatisfy(e -> assertThat(e.args()).containsExactly("1702"));
        assertThat(entries).filteredOn(e -> e.action().equals("returned-to-lead")).singleElement().satisfies(e -> {
            assertThat(e.args()).containsExactly("NO_EXPLANATION", "NO_CALMING", "NO_GUIDANCE");
            assertThat(e.note()).isEqualTo("请补充解释");
        });
        assertThat(entries).filteredOn(e -> e.action().equals("routed-manually")).singleElement().satisfies(e -> {
            assertThat(e.args()).containsExactly("FRONT_DESK", "1");
            assertThat(e.note()).isNull();
        });
        assertThat(entries).filteredOn(e -> e.action().equals("judged-upheld")).singleElement().satisfies(e -> {
            assertThat(e.args()).containsExactly("ATTITUDE", "3", "A_ARGUING", "A_HANGUP");
            assertThat(e.note()).isEqualTo("录音显示争吵");
        });
        assertThat(entries).filteredOn(e -> e.action().equals("employee-side-named")).singleElement()
                .satisfies(e -> assertThat(e.args()).containsExactly("M1", "M2", "M3"));
        assertThat(entries).filteredOn(e -> e.action().equals("panel-formed")).singleElement()
                .satisfies(e -> assertThat(e.args()).containsExactly("PS-20261130-0001"));
        assertThat(entries).filteredOn(e -> e.action().equals("panel-upheld")).singleElement().satisfies(e -> {
            assertThat(e.args()).containsExactly("SITE_MANAGER", "PS-20261130-0001");
            assertThat(e.note()).isNull();
        });
        assertThat(entries).filteredOn(e -> e.action().equals("verified")).singleElement().satisfies(e -> {
            assertThat(e.args()).isEmpty();
            assertThat(e.note()).isEqualTo("争吵属实");
        });
    }

    @Test
    void theReplyEntriesKeepTheirKindsAsArgs() {
        var review = inReview();
        review.reportSpecial(app.ombud.review.SpecialComplainant.Kind.LONG_TERM, "多次来电", REVIEWER, MONDAY_10);
        var reported = review.view().timeline().getLast();
        assertThat(reported.args()).containsExactly("LONG_TERM");
        assertThat(reported.note()).isEqualTo("多次来电");
        var other = inReview();
        other.replyOther(app.ombud.review.OtherReply.Kind.COMPLAINT_TICKET, "TS-1", REVIEWER, MONDAY_10);
        assertThat(other.view().timeline().getLast().args()).containsExactly("COMPLAINT_TICKET");
        assertThat(other.view().timeline().getLast().note()).isEqualTo("TS-1");
    }

    @Test
    void anEntryStoredWithoutArgsHasNone() {
        var old = new app.ombud.review.ReviewEntry(MONDAY_10, "1801", "郑晓峰", "routed", null, null, "FRONT_DESK", null);
        assertThat(old.args()).isEmpty();
        assertThat(old.note()).isEqualTo("FRONT_DESK");
    }

    static ReplyAttempt attempt(Instant at, ReplyOutcome outcome) {
        return new ReplyAttempt(at, outcome, null, null, null, false);
    }
}
