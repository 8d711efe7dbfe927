package app.ombud.review;

import app.ombud.panel.Choice;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The appeal of an upheld verdict (判责异议单): who filed it, the points of the recording it cites,
 * the owner's re-judgment, the panel members each side named, the panel, and the final decision.
 */
public record Appeal(AppellantRole role, String by, String byName, Instant filedAt, List<AppealPoint> points,
        Rejudgment rejudgment, List<String> employeeSide, List<String> reviewSide, UUID panelId, String panelNumber,
        Choice decision, AppealDecider decidedBy, Instant decidedAt) {

    public Appeal {
        points = points == null ? List.of() : List.copyOf(points);
        employeeSide = employeeSide == null ? List.of() : List.copyOf(employeeSide);
        reviewSide = reviewSide == null ? List.of() : List.copyOf(reviewSide);
    }
}
