package app.ombud.directory.internal;

import app.ombud.directory.DepartmentInput;
import app.ombud.directory.PersonInput;
import app.ombud.directory.TeamInput;
import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.TextInput;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The directory's input rules, shared by the portal, the API and the CSV import: texts (checked
 * first, with {@link TextInput}), formats, and references that must exist (a team belongs to the
 * person's department, a department's parent chain has no cycle).
 */
@Component
public class DirectoryRules {

    static final Pattern EMPLOYEE_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{3,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    private final DepartmentRepository departments;
    private final TeamRepository teams;

    DirectoryRules(DepartmentRepository departments, TeamRepository teams) {
        this.departments = departments;
        this.teams = teams;
    }

    public ValidPerson validPerson(PersonInput input, UUID personId) {
        String employeeId = TextInput.required(input.employeeId(), "employeeId", Kind.EMPLOYEE_ID);
        String name = TextInput.required(input.name(), "name", Kind.NAME);
        String phone = TextInput.optional(input.phone(), "phone", Kind.PHONE);
        String email = TextInput.optional(input.email(), "email", Kind.EMAIL);
        if (!EMPLOYEE_ID.matcher(employeeId).matches()) {
            throw OmbudException.badRequest("EMPLOYEE_ID_INVALID", "employeeId",
                    "Employee ID must be 1 to 32 letters, digits, dashes or underscores: {0}", employeeId);
        }
        UUID departmentId = input.departmentId();
        UUID teamId = input.teamId();
        if (teamId != null) {
            var team = teams.findById(teamId).orElseThrow(() -> OmbudException.badRequest("TEAM_NOT_FOUND", "teamId",
                    "No team with ID {0}", teamId));
            if (departmentId == null) {
                departmentId = team.departmentId();
            } else if (!departmentId.equals(team.departmentId())) {
                throw OmbudException.badRequest("TEAM_NOT_IN_DEPARTMENT", "teamId",
                        "The team does not belong to the chosen department");
            }
        }
        if (departmentId != null && !departments.existsById(departmentId)) {
            UUID missing = departmentId;
            throw OmbudException.badRequest("DEPARTMENT_NOT_FOUND", "departmentId", "No department with ID {0}",
                    missing);
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw OmbudException.badRequest("PHONE_INVALID", "phone", "Not a phone number: {0}", phone);
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw OmbudException.badRequest("EMAIL_INVALID", "email", "Not an e-mail address: {0}", email);
        }
        var roles = input.roles() == null || input.roles().isEmpty() ? EnumSet.noneOf(app.ombud.platform.Role.class)
                : EnumSet.copyOf(input.roles());
        return new ValidPerson(employeeId, name, departmentId, teamId, roles, input.active(), phone, email);
    }

    public ValidDepartment validDepartment(DepartmentInput input, UUID departmentId) {
        String code = TextInput.optional(input.code(), "code", Kind.CODE);
        String name = TextInput.required(input.name(), "name", Kind.NAME);
        String head = TextInput.optional(input.headEmployeeId(), "headEmployeeId", Kind.EMPLOYEE_ID);
        if (code != null && !CODE.matcher(code).matches()) {
            throw OmbudException.badRequest("DEPARTMENT_CODE_INVALID", "code",
                    "A department code is 1 to 32 letters, digits, dots, dashes or underscores: {0}", code);
        }
        UUID parentId = input.parentId();
        if (parentId != null) {
            if (parentId.equals(departmentId)) {
                throw OmbudException.badRequest("DEPARTMENT_CYCLE", "parentId",
                        "A department cannot be its own superior department");
            }
            Set<UUID> seen = new HashSet<>();
            UUID cursor = parentId;
            while (cursor != null) {
                if (!seen.add(cursor)) {
                    break;
                }
                UUID current = cursor;
                var parent = departments.findById(current).orElseThrow(() -> OmbudException.badRequest(
                        "DEPARTMENT_NOT_FOUND", "parentId", "No department with ID {0}", current));
                if (departmentId != null && departmentId.equals(parent.parentId())) {
                    throw OmbudException.badRequest("DEPARTMENT_CYCLE", "parentId",
                            "This superior department is below the department itself");
                }
                cursor = parent.parentId();
            }
        }
        if (head != null && !EMPLOYEE_ID.matcher(head).matches()) {
            throw OmbudException.badRequest("EMPLOYEE_ID_INVALID", "headEmployeeId",
                    "Employee ID must be 1 to 32 letters, digits, dashes or underscores: {0}", head);
        }
        return new ValidDepartment(code, name, parentId, head);
    }

    public ValidTeam validTeam(TeamInput input) {
        String name = TextInput.required(input.name(), "name", Kind.NAME);
        String lead = TextInput.optional(input.leadEmployeeId(), "leadEmployeeId", Kind.EMPLOYEE_ID);
        if (input.departmentId() == null) {
            throw OmbudException.badRequest("REQUIRED", "departmentId", "{0} is required", "departmentId");
        }
        if (!departments.existsById(input.departmentId())) {
            throw OmbudException.badRequest("DEPARTMENT_NOT_FOUND", "departmentId", "No department with ID {0}",
                    input.departmentId());
        }
        if (lead != null && !EMPLOYEE_ID.matcher(lead).matches()) {
            throw OmbudException.badRequest("EMPLOYEE_ID_INVALID", "leadEmployeeId",
                    "Employee ID must be 1 to 32 letters, digits, dashes or underscores: {0}", lead);
        }
        return new ValidTeam(name, input.departmentId(), lead);
    }
}
