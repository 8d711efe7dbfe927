package app.ombud.panel;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a module asks a panel to decide: the disputed record (type, ID, number), the question,
 * three members named by each side, who may not sit (the accused, the original judges), and the
 * parties who may follow the panel without a seat (the accused, the appellant).
 */
public record PanelRequest(String subjectType, UUID subjectId, String subjectNumber, String question,
        List<String> employeeSide, List<String> reviewSide, Set<String> excluded, Set<String> parties) {

    public PanelRequest {
        employeeSide = List.copyOf(employeeSide);
        reviewSide = List.copyOf(reviewSide);
        excluded = Set.copyOf(excluded);
        parties = Set.copyOf(parties);
    }
}
