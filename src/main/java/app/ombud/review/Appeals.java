package app.ombud.review;

import app.ombud.directory.Person;
import app.ombud.panel.PanelService;
import app.ombud.panel.PanelSide;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.platform.StaffOnly;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.TextInput;
import app.ombud.review.internal.AppealPanels;
import app.ombud.review.internal.ReviewCaller;
import app.ombud.review.internal.ReviewCallers;
import app.ombud.review.internal.ReviewNotices;
import app.ombud.review.internal.ReviewStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The appeal of an upheld verdict: filed by the accused or their team lead, re-judged by a
 * whitelist owner who is not the judge; kept, each side names its panel members and the panel
 * votes (its decision comes back as {@code PanelDecided}).
 */
@Service
public class Appeals {

    private static final Pattern POSITION = Pattern.compile("([0-9]{1,2}:)?[0-5]?[0-9]:[0-5][0-9]");

    private final ReviewStore store;
    private final ReviewCallers callers;
    private final ReviewNotices notices;
    private final AppealPanels appealPanels;
    private final PanelService panels;
    private final Clock clock;

    Appeals(ReviewStore store, ReviewCallers callers, ReviewNotices notices, AppealPanels appealPanels,
            PanelService panels, Clock clock) {
        this.store = store;
        this.callers = callers;
        this.notices = notices;
        this.appealPanels = appealPanels;
        this.panels = panels;
        this.clock = clock;
    }

    /**
     * The accused employee or their team lead objects to an upheld verdict within the policy's
     * days, citing points in the recording; the whitelist owner re-judges.
     */
    @StaffOnly
    public Review appeal(UUID id, List<AppealPoint> points, Long expectedVersion) {
        ReviewCaller caller = callers.person();
        List<AppealPoint> cited = points(points);
        var document = store.forStep(id, expectedVersion, ReviewStep.APPEAL, caller);
        document.fileAppeal(caller.appellantRole(document).orElseThrow(), cited, caller.actor(), clock.instant());
        var saved = store.save(document, "review.appealed");
        notices.tellEach(id, "appealed-%s", notices.withRole(Role.WHITELIST_OWNER), "review.notice.appealed",
                List.of(saved.number()));
        return ReviewStore.present(saved, caller.actor());
    }

    /**
     * The whitelist owner re-judges an appealed verdict: overturn (final) or keep (a panel is
     * formed). Neither the accused nor the original judge re-judges.
     */
    @PreAuthorize("hasRole('WHITELIST_OWNER')")
    public Review rejudge(UUID id, boolean keep, String reason, Long expectedVersion) {
        ReviewCaller caller = callers.person();
        String why = TextInput.required(reason, "reason", Kind.TEXT);
        var document = store.forStep(id, expectedVersion, ReviewStep.REJUDGE, caller);
        document.rejudge(keep, why, caller.actor(), clock.instant());
        var saved = store.save(document, keep ? "review.rejudged-kept" : "review.rejudged-overturned");
        notices.tellParties(saved, keep ? "review.notice.panel-forming" : "review.notice.overturned");
        return ReviewStore.present(saved, caller.actor());
    }

    /**
     * One side names its three panel members: the employee side by the appellant (or the accused
     * or their team lead), the review side by a whitelist owner. The accused and the original judges
     * cannot sit. When both sides have named theirs, the panel is formed and votes.
     */
    @StaffOnly
    public Review namePanelSide(UUID id, PanelSide side, List<String> members, Long expectedVersion) {
        ReviewCaller caller = callers.person();
        if (members != null) {
            members.forEach(m -> TextInput.optional(m, "members", Kind.EMPLOYEE_ID));
        }
        var document = store.visible(id, expectedVersion, caller);
        if (side == null) {
            throw OmbudException.badRequest("REQUIRED", "side", "{0} is required", "side");
        }
        boolean employeeSide = side == PanelSide.EMPLOYEE;
        document.require(employeeSide ? ReviewStep.NAME_EMPLOYEE_SIDE : ReviewStep.NAME_REVIEW_SIDE, caller);
        Appeal appeal = document.appeal();
        List<String> other = employeeSide ? appeal.reviewSide() : appeal.employeeSide();
        List<String> named = panels.checkSide(members, other, document.panelExcluded(), "members");
        boolean complete = document.nameSide(employeeSide, named, AppealPanels.panelId(id), caller.actor(),
                clock.instant());
        var saved = store.save(document, employeeSide ? "review.employee-side-named" : "review.review-side-named");
        if (complete) {
            appealPanels.form(id);
            return ReviewStore.present(store.find(id).view(), caller.actor());
        }
        return ReviewStore.present(saved, caller.actor());
    }

    /**
     * The people the caller may name to {@code side} of the review's panel now: the panel's rules
     * ({@link PanelService#eligibleMembers}) with this review's exclusions (the accused and the
     * original judges) and the other side's members. The portal's member picker offers these.
     */
    @StaffOnly
    public List<Person> eligibleMembers(UUID id, PanelSide side, String text, int offset, int limit) {
        ReviewCaller caller = callers.person();
        var document = store.visible(id, null, caller);
        boolean employeeSide = side == PanelSide.EMPLOYEE;
        document.require(employeeSide ? ReviewStep.NAME_EMPLOYEE_SIDE : ReviewStep.NAME_REVIEW_SIDE, caller);
        Appeal appeal = document.appeal();
        return panels.eligibleMembers(text, employeeSide ? appeal.reviewSide() : appeal.employeeSide(),
                document.panelExcluded(), offset, limit);
    }

    private static List<AppealPoint> points(List<AppealPoint> points) {
        if (points == null || points.isEmpty()) {
            throw OmbudException.badRequest("APPEAL_POINTS_REQUIRED", "points",
                    "Cite at least one point in the recording");
        }
        if (points.size() > 20) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", "points", "{0} must be between {1} and {2}",
                    "points", 1, 20);
        }
        List<AppealPoint> clean = new ArrayList<>();
        for (AppealPoint point : points) {
            String position = TextInput.optional(point.position(), "points.position", Kind.CODE);
            String text = TextInput.required(point.text(), "points.text", Kind.NOTE);
            if (position != null && !POSITION.matcher(position).matches()) {
                throw OmbudException.badRequest("APPEAL_POSITION_INVALID", "points.position",
                        "A position in the recording is mm:ss or hh:mm:ss: {0}", position);
            }
            clean.add(new AppealPoint(position, text));
        }
        return clean;
    }
}
