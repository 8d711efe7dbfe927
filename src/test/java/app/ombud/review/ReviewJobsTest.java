package app.ombud.review;

import static app.ombud.support.TestData.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.directory.DirectoryService;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.review.internal.ReviewJobs;
import app.ombud.support.OmbudIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The review's jobs and its people write the same record: a job's overdue mark does not make the
 * next step of a person who opened the review before it ran fail, and the mark survives that step.
 */
@OmbudIntegrationTest
class ReviewJobsTest {

    @Autowired
    DirectoryService directory;

    @Autowired
    WorkOrders workOrders;

    @Autowired
    ReviewDesk desk;

    @Autowired
    Replies replies;

    @Autowired
    ReviewQueries reviews;

    @Autowired
    ReviewJobs jobs;

    @Test
    void theOverdueCheckMarkDoesNotMakeTheTeamLeadsForwardFail() {
        var fx = new ReviewFixture(directory, workOrders, desk, reviews);
        Review read = fx.submitted(fx.accused("17"));

        assertThat(jobs.flagOverdueChecks(read.checkDue().plus(Duration.ofMinutes(1)))).isPositive();
        Review forwarded = as(fx.lead, () -> workOrders.forward(read.id(), "要素齐全", read.version()),
                Role.TEAM_LEAD);

        assertThat(forwarded.status()).isEqualTo(ReviewStatus.IN_REVIEW);
        Review stored = fx.get(read.id());
        assertThat(stored.checkOverdueAt()).as("the job's mark survives the save").isNotNull();
        assertThat(stored.timeline()).extracting(ReviewEntry::action)
                .containsSubsequence("submitted", "check-overdue", "forwarded");
        assertThat(stored.timeline()).filteredOn(e -> e.action().equals("check-overdue")).hasSize(1);
    }

    @Test
    void theOverdueReplyMarkDoesNotMakeTheReviewersCallFailButTwoPeopleStillConflict() {
        var fx = new ReviewFixture(directory, workOrders, desk, reviews);
        Review read = fx.forwarded(fx.accused("17"));

        assertThat(jobs.flagOverdueReplies(read.reply().due().plus(Duration.ofMinutes(1)))).isPositive();
        Review called = as(fx.reviewer, () -> replies.recordReplyAttempt(read.id(), Instant.now(),
                ReplyOutcome.NO_ANSWER, "无人接听", false, read.version()), Role.REVIEWER);

        assertThat(called.reply().attempts()).hasSize(1);
        assertThat(fx.get(read.id()).reply().overdueAt()).as("the job's mark survives the save").isNotNull();
        // a second person with the page read before that call: a real conflict
        assertThatThrownBy(() -> as(fx.reviewer, () -> replies.recordReplyAttempt(read.id(), Instant.now(),
                ReplyOutcome.BUSY, "占线", false, read.version()), Role.REVIEWER))
                .isInstanceOfSatisfying(OmbudException.class, e -> assertThat(e.isConcurrentUpdate()).isTrue());
    }

    @Test
    void aResubmittedWorkOrderStartsItsCheckWithoutTheOldOverdueMark() {
        var fx = new ReviewFixture(directory, workOrders, desk, reviews);
        Review read = fx.submitted(fx.accused("17"));
        jobs.flagOverdueChecks(read.checkDue().plus(Duration.ofMinutes(1)));
        Review returned = as(fx.lead, () -> workOrders.returnToEmployee(read.id(), "请补充客户诉求", read.version()),
                Role.TEAM_LEAD);

        Review again = as(fx.agent, () -> workOrders.resubmit(returned.id(), returned.workOrder(), returned.version()),
                Role.AGENT);

        assertThat(again.checkOverdueAt()).isNull();
        assertThat(fx.get(read.id()).checkOverdueAt()).isNull();
    }
}
