package app.ombud.review.internal;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonFilter;
import app.ombud.directory.Team;
import app.ombud.notification.Channel;
import app.ombud.notification.NotificationService;
import app.ombud.notification.OutboxMessage;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.NoticeIds;
import app.ombud.platform.Role;
import app.ombud.policy.MessageTemplates;
import app.ombud.policy.PolicyContent;
import app.ombud.review.Review;
import app.ombud.review.ReviewRoute;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.stereotype.Component;

/**
 * What a review tells people: portal notices to the team leads, the review team, the parties of an
 * appeal; the phone task of a notify-by-call route and the verdict-free SMS to the customer, both
 * queued on the review itself. Notice IDs repeat identically, so a repeated step notifies once.
 */
@Component
public class ReviewNotices {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final NotificationService notifications;
    private final DirectoryService directory;

    ReviewNotices(NotificationService notifications, DirectoryService directory) {
        this.notifications = notifications;
        this.directory = directory;
    }

    /** Tells one person about a review; {@code what} makes the notice's ID (repeats notify once). */
    public void tell(UUID reviewId, String what, String person, String key, List<String> args) {
        notifications.notify(NoticeIds.of(reviewId, what), person, key, args, link(reviewId));
    }

    /** Tells each person, the notice's ID made of {@code what} and the person. */
    public void tellEach(UUID reviewId, String what, Collection<String> people, String key, List<String> args) {
        for (String person : people) {
            tell(reviewId, what.formatted(person), person, key, args);
        }
    }

    /** Tells the early warning's recipients. */
    void tellWarning(UUID warningId, Collection<String> people, List<String> args) {
        for (String person : people) {
            notifications.notify(NoticeIds.of(warningId, person), person, "review.notice.early-warning", args,
                    "reviews/library");
        }
    }

    /** The active people with any of these roles. Holds no personal data. */
    public Set<String> withRole(Role... roles) {
        return CurrentActor.runAsSystem(() -> {
            Set<String> people = new LinkedHashSet<>();
            for (Role role : roles) {
                people.addAll(directory.activeEmployeeIdsWithRole(role));
            }
            return people;
        });
    }

    /** The team's lead and its members with the team-lead role. Holds no personal data. */
    public List<String> teamLeads(UUID teamId) {
        if (teamId == null) {
            return List.of();
        }
        return CurrentActor.runAsSystem(() -> {
            Set<String> leads = new LinkedHashSet<>();
            Team team = directory.teamsByIds(Set.of(teamId)).get(teamId);
            if (team != null && team.leadEmployeeId() != null) {
                leads.add(team.leadEmployeeId());
            }
            directory.people(new PersonFilter(null, null, teamId, Role.TEAM_LEAD, true), ScrollPosition.offset(), 50)
                    .forEach(p -> leads.add(p.employeeId()));
            return List.copyOf(leads);
        });
    }

    /**
     * Whoever owes the customer's reply: the reviewer who holds the review, else every reviewer —
     * read from the directory once per {@code owners} (one job run), not once per review.
     */
    ReplyOwners replyOwners() {
        return new ReplyOwners();
    }

    final class ReplyOwners {

        private List<String> reviewers;

        List<String> of(ReviewDocument document) {
            if (document.assignee() != null) {
                return List.of(document.assignee());
            }
            if (reviewers == null) {
                reviewers = List.copyOf(withRole(Role.REVIEWER));
            }
            return reviewers;
        }
    }

    /** Tells the accused and the appellant of a step on the appeal. */
    public void tellParties(Review review, String key) {
        Set<String> people = new LinkedHashSet<>();
        people.add(review.workOrder().accusedEmployeeId());
        if (review.appeal() != null && review.appeal().by() != null) {
            people.add(review.appeal().by());
        }
        tellEach(review.id(), key + "-%s-" + review.version(), people, key, List.of(review.number()));
    }

    /** The verdict-free SMS inviting the customer to call; the rendered text is checked for verdict words. */
    public OutboxMessage replySms(ReviewDocument document, PolicyContent content, String key, LocalDate day) {
        String text = content.templates().renderReviewReply(Locale.SIMPLIFIED_CHINESE,
                Map.of("date", DATE.format(day)));
        return new OutboxMessage(NoticeIds.of(document.id(), "sms-" + key), Channel.SMS,
                document.workOrder().contactNumber(), null, text, "Review", document.number());
    }

    /**
     * Notify-by-call routes: the reviewer who holds the review gets a phone task with the number to
     * call, its texts from the policy's templates.
     */
    public void queuePhoneTask(ReviewDocument document, MessageTemplates templates) {
        ReviewRoute route = document.route();
        if (route == null || !route.notifyByCall() || document.assignee() == null || document.sideNotice() != null) {
            return;
        }
        List<String> text = templates.renderPhoneTask(Map.of("number", route.notifyNumber(),
                "group", route.groupName().in(Locale.SIMPLIFIED_CHINESE), "caseNumber", document.number(),
                "agentId", document.workOrder().accusedEmployeeId()));
        document.queueMessage(new OutboxMessage(NoticeIds.of(document.id(), "phone-task-" + route.group() + "-"
                + document.assignee()), Channel.PHONE_TASK, document.assignee(), text.get(0), text.get(1), "Review",
                document.number()));
    }

    private static String link(UUID reviewId) {
        return "reviews/" + reviewId;
    }
}
