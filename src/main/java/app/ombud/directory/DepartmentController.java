package app.ombud.directory;

import app.ombud.platform.Batches;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.Paging;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** The {@code Department} type of the API: queries, mutations, and a department's parent and head. */
@Controller
class DepartmentController {

    private final DirectoryService directory;
    private final Paging paging;

    DepartmentController(DirectoryService directory, Paging paging) {
        this.directory = directory;
        this.paging = paging;
    }

    record CreateDepartmentInput(String code, String name, UUID parentId, String headEmployeeId) {
    }

    record UpdateDepartmentInput(UUID id, Long expectedVersion, String code, String name, UUID parentId,
            String headEmployeeId) {
    }

    record DeleteDepartmentInput(UUID id, Long expectedVersion) {
    }

    record DepartmentPayload(Department department) {
    }

    record DeleteDepartmentPayload(UUID id) {
    }

    @QueryMapping
    Window<Department> departments(ScrollSubrange subrange) {
        return directory.departments(paging.position(subrange), paging.size(subrange));
    }

    @QueryMapping
    Department department(@Argument UUID id) {
        return directory.department(id);
    }

    @MutationMapping
    DepartmentPayload createDepartment(@Argument CreateDepartmentInput input,
            @ContextValue(name = IdempotencyKey.CONTEXT, required = false) String idempotencyKey) {
        return new DepartmentPayload(directory.createDepartment(
                new DepartmentInput(input.code(), input.name(), input.parentId(), input.headEmployeeId()),
                IdempotencyKey.fromHeader(idempotencyKey)));
    }

    @MutationMapping
    DepartmentPayload updateDepartment(@Argument UpdateDepartmentInput input) {
        return new DepartmentPayload(directory.updateDepartment(input.id(),
                new DepartmentInput(input.code(), input.name(), input.parentId(), input.headEmployeeId()),
                input.expectedVersion()));
    }

    @MutationMapping
    DeleteDepartmentPayload deleteDepartment(@Argument DeleteDepartmentInput input) {
        directory.deleteDepartment(input.id(), input.expectedVersion());
        return new DeleteDepartmentPayload(input.id());
    }

    @BatchMapping
    Map<Department, Department> parent(List<Department> departments) {
        var parents = directory.departmentsByIds(Batches.keys(departments, Department::parentId));
        return Batches.byKey(departments, Department::parentId, parents);
    }

    @BatchMapping
    Map<Department, Person> head(List<Department> departments) {
        var heads = directory.peopleByEmployeeIds(Batches.keys(departments, Department::headEmployeeId));
        return Batches.byKey(departments, Department::headEmployeeId, heads);
    }
}
