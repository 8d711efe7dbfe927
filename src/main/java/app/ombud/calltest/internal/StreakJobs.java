package app.ombud.calltest.internal;

import app.ombud.calltest.CallTestGroups;
import app.ombud.calltest.TestCallGroup;
import app.ombud.calltest.TestCallStatistics;
import app.ombud.calltest.WeakSpots.Streak;
import app.ombud.notification.NotificationService;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.NoticeIds;
import app.ombud.policy.PolicyService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The streak job (SPEC §4), on one instance at a time: the agents and teams that missed the same
 * measure in the policy's {@code consecutiveMissesToFlag} test calls in a row, over the test calls
 * of the last {@value #DAYS} days ({@link TestCallStatistics#streaks}), are told to the group's
 * lead. A streak is known by its group, its measure and the first call of its run, so the
 * notice's ID repeats for the same streak — a rerun, a crash, a streak growing longer tells the
 * lead once — and a new run of misses after a met call is told again.
 */
@Component
public class StreakJobs {

    /** How far back the job reads test calls. */
    static final int DAYS = 92;
    private static final Logger log = LoggerFactory.getLogger(StreakJobs.class);

    private final TestCallStatistics statistics;
    private final CallTestGroups groups;
    private final NotificationService notifications;
    private final PolicyService policy;
    private final Clock clock;

    StreakJobs(TestCallStatistics statistics, CallTestGroups groups, NotificationService notifications,
            PolicyService policy, Clock clock) {
        this.statistics = statistics;
        this.groups = groups;
        this.notifications = notifications;
        this.policy = policy;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ombud.calltest.jobs-interval:PT15M}", initialDelayString = "PT55S")
    @SchedulerLock(name = "calltest-streaks", lockAtMostFor = "${ombud.calltest.jobs-interval:PT15M}")
    void run() {
        int told = tellStreaks(clock.instant());
        if (told > 0) {
            log.info("Test-call streaks: {} told to the group lead", told);
        }
    }

    /** Tells the group's lead of each agent's and team's streak; returns how many streaks it found. */
    public int tellStreaks(Instant now) {
        return CurrentActor.runAsSystem(() -> {
            String lead = groups.lead().orElse(null);
            if (lead == null) {
                return 0;
            }
            LocalDate today = LocalDate.ofInstant(now, policy.calendar().zone());
            int found = 0;
            for (TestCallGroup groupBy : List.of(TestCallGroup.AGENT, TestCallGroup.TEAM)) {
                for (Streak streak : statistics.streaks(today.minusDays(DAYS), today, groupBy)) {
                    notifications.notify(NoticeIds.of(UUID.fromString(streak.callIds().getFirst()),
                            "streak/" + groupBy + "/" + streak.groupId() + "/" + streak.measure() + "/" + lead),
                            lead, "calltest.notice.streak." + streak.measure(), List.of(streak.groupName(), "",
                                    Integer.toString(streak.calls())), "calltest/streaks");
                    found++;
                }
            }
            return found;
        });
    }
}
