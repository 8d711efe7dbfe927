package app.ombud.improvement.internal;

import app.ombud.improvement.ImprovementStatus;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The improvement queries of the home page's work queue, on the action document's fields. */
public final class ImprovementWorkQueries {

    /** Earliest due first, then the oldest. */
    public static final Sort BY_DUE = Sort.by(Sort.Order.asc("dueBy"), Sort.Order.asc("raisedAt"), Sort.Order.asc("id"));

    private ImprovementWorkQueries() {
    }

    /** Actions the person owns and still works on. */
    public static Query owned(String employeeId) {
        return Query.query(Criteria.where("ownerEmployeeId").is(employeeId).and("status")
                .in(ImprovementStatus.OPEN, ImprovementStatus.IN_PROGRESS));
    }

    /**
     * Actions waiting for verification by the raiser's side the person speaks for: raised by them,
     * or — heading a department — raised from it; never their own.
     */
    public static Query toVerify(String key, UUID heads) {
        List<Criteria> side = new java.util.ArrayList<>();
        side.add(Criteria.where("raisedBy").is(key));
        if (heads != null) {
            side.add(Criteria.where("raiserDepartmentId").is(heads));
        }
        return Query.query(new Criteria().andOperator(Criteria.where("status")
                .is(ImprovementStatus.SUBMITTED_FOR_VERIFICATION), Criteria.where("ownerEmployeeId").ne(key),
                new Criteria().orOperator(side)));
    }
}
