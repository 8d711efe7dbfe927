package app.ombud.improvement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.improvement.ImprovementSource;
import app.ombud.improvement.ImprovementStatus;
import app.ombud.improvement.ImprovementStep;
import app.ombud.improvement.Retest;
import app.ombud.improvement.SourceRef;
import app.ombud.platform.Actor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each step's rule (who may take it when) and its change, on the document alone — no Spring, no store. */
class ImprovementDocumentTest {

    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    static final LocalDate DUE = LocalDate.parse("2026-12-04");
    static final UUID OWNER_DEPARTMENT = UUID.randomUUID();
    static final UUID RAISER_DEPARTMENT = UUID.randomUUID();

    static final ImprovementCaller RAISER = new ImprovementCaller("R1", true, false, false, null, RAISER_DEPARTMENT);
    static final ImprovementCaller OWNER = new ImprovementCaller("O1", true, false, false, null, OWNER_DEPARTMENT);
    static final ImprovementCaller OWNER_HEAD = new ImprovementCaller("H1", true, false, false, OWNER_DEPARTMENT,
            OWNER_DEPARTMENT);
    static final ImprovementCaller RAISER_HEAD = new ImprovementCaller("H2", true, false, false, RAISER_DEPARTMENT,
            RAISER_DEPARTMENT);
    static final ImprovementCaller GROUP = new ImprovementCaller("C1", true, false, true, null, null);
    static final ImprovementCaller LEADER = new ImprovementCaller("L1", true, true, false, null, null);
    static final ImprovementCaller STRANGER = new ImprovementCaller("X1", true, false, false, null, null);
    static final ImprovementCaller CLIENT = new ImprovementCaller("crm", false, false, false, null, null);

    static Actor actor(ImprovementCaller caller) {
        return new Actor(Actor.Kind.PERSON, caller.key(), caller.key(), caller.key(), Set.of(Role.AGENT));
    }

    static ImprovementDocument raised(ImprovementSource source, Retest retest) {
        return ImprovementDocument.raise(UUID.randomUUID(), "GJ-20261123-0001", source,
                new SourceRef("Review", UUID.randomUUID(), "BM-1"), "话术规范", "坐席未按规范解释", OWNER_DEPARTMENT, "O1",
                RAISER_DEPARTMENT, DUE, DUE.plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant(),
                retest, actor(RAISER), NOW);
    }

    static ImprovementDocument submitted(Retest retest) {
        var document = raised(retest == null ? ImprovementSource.REVIEW_VERDICT : ImprovementSource.WEAK_SPOT, retest);
        document.reportProgress("已组织培训", actor(OWNER), NOW);
        document.submitForVerification("培训完成", actor(OWNER), NOW);
        return document;
    }

    static String refusal(ImprovementDocument document, ImprovementStep step, ImprovementCaller caller) {
        return document.refusal(step, caller).map(OmbudException::code).orElse(null);
    }

    @Test
    void onlyTheOwnerReportsProgressAndTheFirstReportStartsTheWork() {
        var document = raised(ImprovementSource.REVIEW_VERDICT, null);
        assertThat(document.allowedSteps(OWNER)).containsExactlyInAnyOrder(ImprovementStep.REPORT_PROGRESS);
        assertThat(refusal(document, ImprovementStep.REPORT_PROGRESS, RAISER)).isEqualTo("IMPROVEMENT_NOT_OWNER");
        assertThat(refusal(document, ImprovementStep.REPORT_PROGRESS, OWNER_HEAD)).isEqualTo("IMPROVEMENT_NOT_OWNER");
        assertThat(refusal(document, ImprovementStep.REPORT_PROGRESS, CLIENT)).isEqualTo("PERSON_REQUIRED");
        assertThat(refusal(document, ImprovementStep.SUBMIT_FOR_VERIFICATION, OWNER))
                .isEqualTo("IMPROVEMENT_TRANSITION_NOT_ALLOWED");

        document.reportProgress("第一次", actor(OWNER), NOW);
        document.reportProgress("第二次", actor(OWNER), NOW.plusSeconds(60));
        var view = document.view(OWNER);
        assertThat(view.status()).isEqualTo(ImprovementStatus.IN_PROGRESS);
        assertThat(view.progress()).extracting(p -> p.text()).containsExactly("第一次", "第二次");
        assertThat(view.allowedSteps()).containsExactlyInAnyOrder(ImprovementStep.REPORT_PROGRESS,
                ImprovementStep.SUBMIT_FOR_VERIFICATION);
        assertThat(document.appended().get("progress")).hasSize(2);
    }

    @Test
    void theRaisersSideVerifiesButNeverTheOwner() {
        var document = submitted(null);
        assertThat(refusal(document, ImprovementStep.VERIFY, OWNER)).isEqualTo("IMPROVEMENT_VERIFY_BY_OWNER");
        assertThat(refusal(document, ImprovementStep.VERIFY, OWNER_HEAD)).isEqualTo("IMPROVEMENT_NOT_RAISER_SIDE");
        assertThat(refusal(document, ImprovementStep.VERIFY, STRANGER)).isEqualTo("IMPROVEMENT_NOT_RAISER_SIDE");
        // the test-call group speaks for actions from test calls only
        assertThat(refusal(document, ImprovementStep.VERIFY, GROUP)).isEqualTo("IMPROVEMENT_NOT_RAISER_SIDE");
        assertThat(refusal(submitted(new Retest("SC-1", UUID.randomUUID(), List.of())), ImprovementStep.VERIFY, GROUP))
                .isNull();
        for (var side : List.of(RAISER, RAISER_HEAD, LEADER)) {
            assertThat(refusal(document, ImprovementStep.VERIFY, side)).isNull();
        }
        assertThat(refusal(document, ImprovementStep.REPORT_PROGRESS, OWNER))
                .isEqualTo("IMPROVEMENT_TRANSITION_NOT_ALLOWED");
    }

    @Test
    void notEffectiveReopensWithTheNewDueDateAndClearsTheOverdueFlag() {
        var document = submitted(null);
        LocalDate next = DUE.plusDays(7);
        document.verify(false, "复核仍有问题", next, NOW.plus(Duration.ofDays(20)), actor(RAISER), NOW);
        var view = document.view(RAISER);
        assertThat(view.status()).isEqualTo(ImprovementStatus.IN_PROGRESS);
        assertThat(view.dueDate()).isEqualTo(next);
        assertThat(view.reopenCount()).isEqualTo(1);
        assertThat(view.verifications()).singleElement().satisfies(v -> {
            assertThat(v.effective()).isFalse();
            assertThat(v.reason()).isEqualTo("复核仍有问题");
        });
        assertThat(document.clearedJobFields()).containsExactly(ImprovementFields.OVERDUE);
        assertThat(view.timeline().getLast().action()).isEqualTo("reopened");
        assertThat(view.timeline().getLast().args()).containsExactly(next.toString());

        document.submitForVerification("再次完成", actor(OWNER), NOW);
        document.verify(true, null, null, null, actor(RAISER), NOW);
        assertThat(document.status()).isEqualTo(ImprovementStatus.CLOSED);
        assertThat(document.allowedSteps(RAISER)).isEmpty();
    }

    @Test
    void aRequiredRetestMustPassSinceTheLastReopening() {
        var retest = new Retest("SC-7", UUID.randomUUID(), List.of());
        var document = submitted(retest);
        assertThatThrownBy(() -> document.verify(true, null, null, null, actor(GROUP), NOW))
                .extracting(e -> ((OmbudException) e).code()).isEqualTo("IMPROVEMENT_RETEST_NOT_PASSED");
        document.recordRetest("TC-1", true, actor(GROUP), NOW.plusSeconds(10));
        document.verify(false, "抽查仍不达标", DUE.plusDays(7), NOW.plus(Duration.ofDays(20)), actor(GROUP),
                NOW.plusSeconds(20));
        document.submitForVerification("再次完成", actor(OWNER), NOW.plusSeconds(30));
        // the pass before the reopening does not count
        assertThatThrownBy(() -> document.verify(true, null, null, null, actor(GROUP), NOW.plusSeconds(40)))
                .extracting(e -> ((OmbudException) e).code()).isEqualTo("IMPROVEMENT_RETEST_NOT_PASSED");
        document.recordRetest("TC-2", false, actor(GROUP), NOW.plusSeconds(50));
        assertThatThrownBy(() -> document.verify(true, null, null, null, actor(GROUP), NOW.plusSeconds(60)))
                .extracting(e -> ((OmbudException) e).code()).isEqualTo("IMPROVEMENT_RETEST_NOT_PASSED");
        document.recordRetest("TC-3", true, actor(GROUP), NOW.plusSeconds(70));
        document.verify(true, "复测通过", null, null, actor(GROUP), NOW.plusSeconds(80));
        var view = document.view(GROUP);
        assertThat(view.status()).isEqualTo(ImprovementStatus.CLOSED);
        assertThat(view.retest().results()).extracting(Retest.Result::testCallRef).containsExactly("TC-1", "TC-2",
                "TC-3");
        assertThatThrownBy(() -> document.recordRetest("TC-4", true, actor(GROUP), NOW.plusSeconds(90)))
                .extracting(e -> ((OmbudException) e).code()).isEqualTo("IMPROVEMENT_TRANSITION_NOT_ALLOWED");
    }

    @Test
    void aRetestOnAnActionWithoutOneIsRefused() {
        var document = raised(ImprovementSource.MANUAL, null);
        assertThatThrownBy(() -> document.recordRetest("TC-1", true, actor(GROUP), NOW))
                .extracting(e -> ((OmbudException) e).code()).isEqualTo("IMPROVEMENT_RETEST_NOT_REQUIRED");
    }

    @Test
    void theRaisersSideCancelsAnOpenActionOnce() {
        var document = raised(ImprovementSource.MANUAL, null);
        assertThat(refusal(document, ImprovementStep.CANCEL, OWNER)).isEqualTo("IMPROVEMENT_NOT_RAISER_SIDE");
        assertThat(refusal(document, ImprovementStep.CANCEL, RAISER)).isNull();
        document.cancel("来源判定被改判", actor(RAISER), NOW);
        var view = document.view(RAISER);
        assertThat(view.status()).isEqualTo(ImprovementStatus.CANCELLED);
        assertThat(view.cancelReason()).isEqualTo("来源判定被改判");
        assertThat(refusal(document, ImprovementStep.CANCEL, RAISER)).isEqualTo("IMPROVEMENT_TRANSITION_NOT_ALLOWED");
        assertThat(document.allowedSteps(LEADER)).isEmpty();
    }
}
