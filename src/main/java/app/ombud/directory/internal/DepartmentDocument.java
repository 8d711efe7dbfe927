package app.ombud.directory.internal;

import app.ombud.directory.Department;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

@CompoundIndexes({
    @CompoundIndex(name = "name_id", def = "{'name': 1, '_id': 1}"),
    @CompoundIndex(name = "parentId", def = "{'parentId': 1}")
})
@Document("departments")
public class DepartmentDocument {

    @Id
    private final UUID id;
    // sparse: the code is optional, and departments without one must not collide on null
    @Indexed(unique = true, sparse = true)
    private String code;
    @Indexed(unique = true)
    private String name;
    private UUID parentId;
    private String headEmployeeId;
    @Version
    private Long version;

    @PersistenceCreator
    DepartmentDocument(UUID id, String code, String name, UUID parentId, String headEmployeeId, Long version) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.parentId = parentId;
        this.headEmployeeId = headEmployeeId;
        this.version = version;
    }

    public static DepartmentDocument create(UUID id, ValidDepartment valid) {
        return new DepartmentDocument(id, valid.code(), valid.name(), valid.parentId(),
                valid.headEmployeeId(), null);
    }

    public void change(ValidDepartment valid) {
        this.code = valid.code();
        this.name = valid.name();
        this.parentId = valid.parentId();
        this.headEmployeeId = valid.headEmployeeId();
    }

    public Department view() {
        return new Department(id, code, name, parentId, headEmployeeId, version == null ? 0 : version);
    }

    public UUID id() {
        return id;
    }

    public UUID parentId() {
        return parentId;
    }

    public String name() {
        return name;
    }

    public Long version() {
        return version;
    }
}
