package app.ombud.review;

import java.time.Instant;

/**
 * The work order (工单要素) the employee who took the complaint fills in: who submits, the
 * caller's number and time of the earlier call, a contact number for the reply, the complaint,
 * the customer's demand (explicit or inferred), the accused employee, the source line and the
 * business topic (for early warnings).
 */
public record WorkOrder(String submitterEmployeeId, String callerNumber, Instant callAt, String contactNumber,
        String complaint, String demand, DemandKind demandKind, String accusedEmployeeId, String source,
        String topic) {

    /** The same work order in the name of another submitter. */
    public WorkOrder withSubmitter(String employeeId) {
        return new WorkOrder(employeeId, callerNumber, callAt, contactNumber, complaint, demand, demandKind,
                accusedEmployeeId, source, topic);
    }
}
