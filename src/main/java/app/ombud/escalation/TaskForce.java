package app.ombud.escalation;

import java.util.List;

/** The special task force (专项处理小组): a lead from the superior department and members with roles. */
public record TaskForce(String leadEmployeeId, List<Member> members) {

    public TaskForce {
        members = List.copyOf(members);
    }

    /** A member and their role in the task force. */
    public record Member(String employeeId, String role) {
    }

    public boolean includes(String employeeId) {
        return leadEmployeeId.equals(employeeId) || members.stream().anyMatch(m -> m.employeeId().equals(employeeId));
    }
}
