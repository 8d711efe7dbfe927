package app.ombud.escalation.internal;

import app.ombud.escalation.EscalationStatus;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The escalation queries of the home page's work queue, on the escalation document's fields. */
public final class EscalationWorkQueries {

    /** The superior department's steps: approve or reject, judge the report, evaluate. */
    private static final List<EscalationStatus> REVIEWER_STEPS = List.of(EscalationStatus.SUBMITTED,
            EscalationStatus.REPORTED, EscalationStatus.RESULT_SENT);
    /** The task force's steps: plan, meet and report; send the result. */
    private static final List<EscalationStatus> TASK_FORCE_STEPS = List.of(EscalationStatus.APPROVED,
            EscalationStatus.REPORT_APPROVED);
    /** Earliest review due first, then the oldest. */
    public static final Sort BY_DUE = Sort.by(Sort.Order.asc("reviewDue"), Sort.Order.asc("raisedAt"),
            Sort.Order.asc("id"));

    private EscalationWorkQueries() {
    }

    /** Waiting for the superior department {@code departmentId} (null: those with none, which leadership reviews). */
    public static Query toReview(UUID departmentId) {
        return Query.query(Criteria.where("status").in(REVIEWER_STEPS).and("toDepartmentId").is(departmentId));
    }

    /** Waiting for the task force the person leads or sits on. */
    public static Query forTaskForce(String employeeId) {
        return Query.query(new Criteria().andOperator(Criteria.where("status").in(TASK_FORCE_STEPS),
                new Criteria().orOperator(Criteria.where("taskForce.leadEmployeeId").is(employeeId),
                        Criteria.where("taskForce.members.employeeId").is(employeeId))));
    }
}
