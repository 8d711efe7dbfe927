package app.ombud.improvement;

import static app.ombud.support.TestData.as;
import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.directory.DirectoryService;
import app.ombud.improvement.internal.ImprovementJobs;
import app.ombud.notification.Notification;
import app.ombud.notification.NotificationService;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.policy.PolicyService;
import app.ombud.support.OmbudIntegrationTest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.ScrollPosition;

@OmbudIntegrationTest
class ImprovementServiceTest {

    @Autowired
    ImprovementService improvements;

    @Autowired
    ImprovementJobs jobs;

    @Autowired
    TrainingNeeds training;

    @Autowired
    DirectoryService directory;

    @Autowired
    PolicyService policy;

    @Autowired
    NotificationService notifications;

    @Autowired
    Clock clock;

    ImprovementFixture f;

    @BeforeEach
    void setUp() {
        f = ImprovementFixture.create("I", directory, improvements, policy, clock);
    }

    @Test
    void anActionFromAWeakSpotIsReopenedOnceThenVerifiedByAPassingRetest() {
        var action = f.fromWeakSpot("提升首问解决率");
        assertThat(action.raisedBy()).isEqualTo("system");
        assertThat(action.retest().scenarioRef()).isEqualTo("SC-" + f.p);
        assertThat(f.asGroup(() -> improvements.pendingRetests())).extracting(PendingRetest::actionId)
                .contains(action.id());
        f.submitted(action);

        // effective is refused until a re-test passes
        assertThat(code(() -> f.asGroup(() -> improvements.verify(action.id(), true, null, null, null))))
                .isEqualTo("IMPROVEMENT_RETEST_NOT_PASSED");
        LocalDate next = f.workingDayAhead(14);
        var reopened = f.asGroup(() -> improvements.verify(action.id(), false, "抽查仍有问题", next, null));
        assertThat(reopened.status()).isEqualTo(ImprovementStatus.IN_PROGRESS);
        assertThat(reopened.dueDate()).isEqualTo(next);
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(unread(f.owner)).extracting(Notification::messageKey).contains("improvement.notice.assigned",
                "improvement.notice.reopened");

        f.asOwner(() -> improvements.submitForVerification(action.id(), "再次培训并抽查", null));
        // the calltest module records the re-test calls: a failed one, then a passing one
        f.asGroup(() -> improvements.recordRetest(action.id(), "TC-" + f.p + "-1", false));
        assertThat(code(() -> f.asGroup(() -> improvements.verify(action.id(), true, null, null, null))))
                .isEqualTo("IMPROVEMENT_RETEST_NOT_PASSED");
        CurrentActor.runAsSystem(() -> improvements.recordRetest(action.id(), "TC-" + f.p + "-2", true));
        assertThat(f.asGroup(() -> improvements.pendingRetests())).extracting(PendingRetest::actionId)
                .doesNotContain(action.id());
        var closed = f.asGroup(() -> improvements.verify(action.id(), true, "复测通过", null, null));
        assertThat(closed.status()).isEqualTo(ImprovementStatus.CLOSED);
        assertThat(closed.retest().results()).extracting(Retest.Result::passed).containsExactly(false, true);
        assertThat(closed.timeline()).extracting(ImprovementEntry::action).containsExactly("raised", "progress",
                "submitted", "reopened", "submitted", "retest-recorded", "retest-recorded", "verified-effective");
        // an agent may not record re-tests
        assertThatThrownBy(() -> f.asOwner(() -> improvements.recordRetest(action.id(), "TC-X", true)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void badInputIsRefusedWithACodeOnItsFieldAndNothingIsWritten() {
        String title = "错误输入" + f.p;
        var ok = f.fromReview(title);
        assertRefused(with(ok, ok.ownerEmployeeId(), LocalDate.ofInstant(clock.instant(),
                policy.calendar().zone()).minusDays(1)), "DUE_DATE_IN_PAST", "dueDate");
        assertRefused(with(ok, ok.ownerEmployeeId(), LocalDate.ofInstant(clock.instant(),
                policy.calendar().zone()).plusDays(400)), "DUE_DATE_TOO_FAR", "dueDate");
        assertRefused(with(ok, ok.ownerEmployeeId(), f.dayOffAhead(3)), "DUE_DATE_NOT_WORKING_DAY",
                "dueDate");
        assertRefused(with(ok, f.raiser, null), "IMPROVEMENT_OWNER_NOT_IN_DEPARTMENT", "ownerEmployeeId");
        assertRefused(with(ok, "NOBODY" + f.p, null), "PERSON_NOT_FOUND", "ownerEmployeeId");
        assertRefused(new RaiseImprovement(ok.source(), ok.sourceRef(), title, "   ", ok.departmentId(), f.owner, null,
                null), "REQUIRED", "description");
        assertRefused(new RaiseImprovement(ImprovementSource.VALID_COMPLAINT, null, title, "说明", ok.departmentId(),
                f.owner, null, null), "IMPROVEMENT_SOURCE_REQUIRED", "sourceRef");
        assertRefused(new RaiseImprovement(ok.source(), ok.sourceRef(), title, "说明", ok.departmentId(), f.owner, null,
                new RetestRequest("SC-1", f.team.id())), "IMPROVEMENT_RETEST_SOURCE", "retest");
        assertRefused(new RaiseImprovement(ok.source(), ok.sourceRef(), title, "说明", UUID.randomUUID(), f.owner, null,
                null), "DEPARTMENT_NOT_FOUND", "departmentId");
        assertThat(f.asRaiser(() -> improvements.search(ImprovementScope.MINE, null, ScrollPosition.offset(), 100))
                .stream().filter(a -> a.title().equals(title))).isEmpty();

        // a MANUAL action needs no source record, and the explicit due date is kept
        LocalDate due = f.workingDayAhead(5);
        var manual = f.asRaiser(() -> improvements.raise(new RaiseImprovement(ImprovementSource.MANUAL, null, title,
                "说明", f.service.id(), f.owner, due, null)));
        assertThat(manual.dueDate()).isEqualTo(due);
        assertThat(manual.dueBy()).isEqualTo(due.plusDays(1).atStartOfDay(policy.calendar().zone()).toInstant());

        // steps: empty texts, reopening without a reason, verifying one's own action
        assertThat(code(() -> f.asOwner(() -> improvements.reportProgress(manual.id(), "  ", null)))).isEqualTo("REQUIRED");
        var submitted = f.submitted(manual);
        assertThat(code(() -> f.asRaiser(() -> improvements.verify(manual.id(), false, null, null, null))))
                .isEqualTo("REQUIRED");
        assertThat(code(() -> f.asOwner(() -> improvements.verify(manual.id(), true, null, null, null))))
                .isEqualTo("IMPROVEMENT_VERIFY_BY_OWNER");
        assertThat(code(() -> f.asRaiser(() -> improvements.verify(manual.id(), false, "不够", f.dayOffAhead(2), null))))
                .isEqualTo("DUE_DATE_NOT_WORKING_DAY");
        assertThat(code(() -> f.asRaiser(() -> improvements.cancel(manual.id(), "", null)))).isEqualTo("REQUIRED");
        assertThat(f.asRaiser(() -> improvements.get(manual.id())).version()).isEqualTo(submitted.version());
        // a stale version is the conflict
        assertThat(code(() -> f.asRaiser(() -> improvements.cancel(manual.id(), "重复", submitted.version() - 1))))
                .isEqualTo("CONCURRENT_UPDATE");
        assertThat(f.asRaiser(() -> improvements.cancel(manual.id(), "来源改判", submitted.version())).status())
                .isEqualTo(ImprovementStatus.CANCELLED);
    }

    @Test
    void aRepeatedRaiseWithTheSameKeyRaisesOneAction() {
        var key = IdempotencyKey.random();
        var request = f.fromReview("一次");
        var first = f.asRaiser(() -> improvements.raise(request, key));
        var again = f.asRaiser(() -> improvements.raise(request, key));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.number()).isEqualTo(first.number());
    }

    @Test
    void theJobFlagsOverdueActionsOnceAndTellsTheOwnerAndTheHeadOnce() {
        var action = f.raised("逾期测试");
        var read = f.asOwner(() -> improvements.get(action.id()));
        assertThat(jobs.flagOverdue(action.dueBy().minusSeconds(1))).isZero();
        assertThat(jobs.flagOverdue(action.dueBy().plusSeconds(60))).isPositive();
        assertThat(jobs.flagOverdue(action.dueBy().plusSeconds(120))).isZero();
        var flagged = f.asOwner(() -> improvements.get(action.id()));
        assertThat(flagged.overdue()).isTrue();
        assertThat(flagged.version()).isEqualTo(read.version());
        assertThat(overdueNotices(f.owner, action)).hasSize(1);
        assertThat(overdueNotices(f.ownerHead, action)).hasSize(1);
        // the owner who read it before the job saves without a conflict, and the flag stays
        var reported = f.asOwner(() -> improvements.reportProgress(action.id(), "正在整改", read.version()));
        assertThat(reported.overdue()).isTrue();
        assertThat(as(f.ownerHead, () -> improvements.search(ImprovementScope.OVERDUE, null, ScrollPosition.offset(),
                50), Role.DEPT_HEAD).stream().map(ImprovementAction::id)).contains(action.id());

        // reopened with a new due date, it is no longer overdue until that one passes
        f.asOwner(() -> improvements.submitForVerification(action.id(), "完成", null));
        var reopened = f.asRaiser(() -> improvements.verify(action.id(), false, "无效", null, null));
        assertThat(reopened.overdue()).isFalse();
        assertThat(reopened.overdueAt()).isNull();
        jobs.flagOverdue(reopened.dueBy().plusSeconds(60));
        assertThat(overdueNotices(f.owner, action)).hasSize(2);
    }

    @Test
    void trainingNeedsArePlannedDoneAndTheirEffectNoted() {
        var need = f.asGroup(() -> training.create("产品知识培训", List.of(f.owner, f.colleague, f.owner),
                List.of(new SourceRef("TestCall", null, "TC-" + f.p)), null, IdempotencyKey.NONE));
        assertThat(need.employeeIds()).containsExactly(f.owner, f.colleague);
        assertThat(need.status()).isEqualTo(TrainingStatus.PLANNED);
        assertThat(code(() -> f.asGroup(() -> training.create("  ", List.of(f.owner), List.of(), null,
                IdempotencyKey.NONE)))).isEqualTo("REQUIRED");
        assertThat(code(() -> f.asGroup(() -> training.create("主题", List.of(), List.of(), null, IdempotencyKey.NONE))))
                .isEqualTo("REQUIRED");
        assertThat(code(() -> f.asGroup(() -> training.create("主题", List.of("NOBODY" + f.p), List.of(), null,
                IdempotencyKey.NONE)))).isEqualTo("PERSON_NOT_FOUND");
        assertThat(code(() -> f.asGroup(() -> training.noteEffect(need.id(), "好转", null))))
                .isEqualTo("TRAINING_TRANSITION_NOT_ALLOWED");
        LocalDate today = LocalDate.ofInstant(clock.instant(), policy.calendar().zone());
        assertThat(code(() -> f.asGroup(() -> training.markDone(need.id(), today.plusDays(1), null))))
                .isEqualTo("TRAINING_DONE_IN_FUTURE");
        var done = f.asGroup(() -> training.markDone(need.id(), today, need.version()));
        assertThat(done.doneOn()).isEqualTo(today);
        assertThat(code(() -> f.asGroup(() -> training.noteEffect(need.id(), "好转", need.version()))))
                .isEqualTo("CONCURRENT_UPDATE");
        var noted = f.asGroup(() -> training.noteEffect(need.id(), "后续拨测知识点错误率下降", done.version()));
        assertThat(noted.effect()).isEqualTo("后续拨测知识点错误率下降");
        // a person reads the needs naming them; a stranger does not
        assertThat(f.asOwner(() -> training.get(need.id())).id()).isEqualTo(need.id());
        assertThat(code(() -> as(f.stranger, () -> training.get(need.id()), Role.AGENT)))
                .isEqualTo("TRAINING_NEED_NOT_FOUND");
        assertThatThrownBy(() -> f.asOwner(() -> training.markDone(need.id(), today, null)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    /** The request with another owner and due date. */
    private static RaiseImprovement with(RaiseImprovement base, String owner, LocalDate due) {
        return new RaiseImprovement(base.source(), base.sourceRef(), base.title(), base.description(),
                base.departmentId(), owner, due, base.retest());
    }

    private void assertRefused(RaiseImprovement request, String code, String field) {
        assertThatThrownBy(() -> f.asRaiser(() -> improvements.raise(request))).isInstanceOfSatisfying(
                OmbudException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.field()).isEqualTo(field);
                });
    }

    private List<Notification> unread(String employeeId) {
        return as(employeeId, () -> notifications.mine(true, ScrollPosition.offset(), 100).getContent(), Role.AGENT);
    }

    private List<Notification> overdueNotices(String employeeId, ImprovementAction action) {
        return unread(employeeId).stream().filter(n -> n.messageKey().equals("improvement.notice.overdue")
                && n.args().getFirst().equals(action.number())).toList();
    }

    private static String code(Supplier<?> work) {
        try {
            work.get();
            return null;
        } catch (OmbudException e) {
            return e.code();
        }
    }
}
