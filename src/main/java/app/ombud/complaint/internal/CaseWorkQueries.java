package app.ombud.complaint.internal;

import app.ombud.complaint.CaseStatus;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The case queries of the home page's work queue, on the case document's fields. Each is a part
 * of what its reader may see (ComplaintService's visibility): the cases they own, the cases of
 * the team they lead or the department they head, the new cases they may dispatch.
 */
public final class CaseWorkQueries {

    /** Being handled: dispatched and not yet closed. */
    private static final List<CaseStatus> HANDLED = List.of(CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS,
            CaseStatus.AWAITING_FEEDBACK);
    /** Earliest resolution deadline first (overdue ones on top). */
    public static final Sort BY_DEADLINE = Sort.by(Sort.Order.asc("deadlines.resolutionDue"), Sort.Order.asc("id"));

    private CaseWorkQueries() {
    }

    public static Query ownedBy(String employeeId) {
        return Query.query(Criteria.where("status").in(HANDLED).and("assignment.ownerEmployeeId").is(employeeId));
    }

    /** The open cases assigned to or taken in by the team, except the reader's own. */
    public static Query ofTeam(UUID teamId, String reader) {
        return Query.query(new Criteria().andOperator(Criteria.where("status").in(HANDLED),
                Criteria.where("assignment.ownerEmployeeId").ne(reader),
                new Criteria().orOperator(Criteria.where("assignment.teamId").is(teamId),
                        Criteria.where("intakeTeamId").is(teamId))));
    }

    /** The open cases assigned to the department, except the reader's own. */
    public static Query ofDepartment(UUID departmentId, String reader) {
        return Query.query(Criteria.where("status").in(HANDLED).and("assignment.departmentId").is(departmentId)
                .and("assignment.ownerEmployeeId").ne(reader));
    }

    /** New cases waiting for dispatch: all of them, or those taken in by the team or department. */
    public static Query toDispatch(UUID teamId, UUID departmentId, boolean all) {
        Criteria status = Criteria.where("status").is(CaseStatus.NEW);
        if (all) {
            return Query.query(status);
        }
        var any = new java.util.ArrayList<Criteria>();
        if (teamId != null) {
            any.add(Criteria.where("intakeTeamId").is(teamId));
        }
        if (departmentId != null) {
            any.add(Criteria.where("intakeDepartmentId").is(departmentId));
        }
        return Query.query(any.isEmpty() ? Criteria.where("_id").is(null)
                : new Criteria().andOperator(status, new Criteria().orOperator(any)));
    }
}
