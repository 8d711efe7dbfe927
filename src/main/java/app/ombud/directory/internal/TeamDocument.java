package app.ombud.directory.internal;

import app.ombud.directory.Team;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/** A team; its name is unique within its department. */
@CompoundIndexes({
    @CompoundIndex(name = "department_name", def = "{'departmentId': 1, 'name': 1}", unique = true),
    @CompoundIndex(name = "departmentId_name", def = "{'departmentId': 1, 'name': 1, '_id': 1}")
})
@Document("teams")
public class TeamDocument {

    @Id
    private final UUID id;
    private String name;
    private UUID departmentId;
    private String leadEmployeeId;
    @Version
    private Long version;

    @PersistenceCreator
    TeamDocument(UUID id, String name, UUID departmentId, String leadEmployeeId, Long version) {
        this.id = id;
        this.name = name;
        this.departmentId = departmentId;
        this.leadEmployeeId = leadEmployeeId;
        this.version = version;
    }

    public static TeamDocument create(UUID id, ValidTeam valid) {
        return new TeamDocument(id, valid.name(), valid.departmentId(), valid.leadEmployeeId(), null);
    }

    public void change(ValidTeam valid) {
        this.name = valid.name();
        this.departmentId = valid.departmentId();
        this.leadEmployeeId = valid.leadEmployeeId();
    }

    public Team view() {
        return new Team(id, name, departmentId, leadEmployeeId, version == null ? 0 : version);
    }

    public UUID id() {
        return id;
    }

    public UUID departmentId() {
        return departmentId;
    }

    public Long version() {
        return version;
    }
}
