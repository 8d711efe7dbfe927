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
import app.ombud.review.Reply;
import app.ombud.review.ReplyAttempt;
import app.ombud.review.ReplyOutcome;
import app.ombud.review.ReplyStatus;
import app.ombud.review.ReviewRoute;
import app.ombud.review.ReviewStatus;
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

/** The rules a review document keeps by itself: its state machine, its reply follow-up, its appeal. */
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

    static ReplyAttempt attempt(Instant at, ReplyOutcome outcome) {
        return new ReplyAttempt(at, outcome, null, null, null, false);
    }
}
