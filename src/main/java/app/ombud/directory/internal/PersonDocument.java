package app.ombud.directory.internal;

import app.ombud.directory.Person;
import app.ombud.platform.Role;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person, with their portal credentials embedded so a login, a lockout and a role change
 * are each one atomic update of one document.
 */
@CompoundIndexes({
    @CompoundIndex(name = "active_employeeId", def = "{'active': 1, 'employeeId': 1, '_id': 1}"),
    @CompoundIndex(name = "departmentId", def = "{'departmentId': 1}"),
    @CompoundIndex(name = "employeeId_id", def = "{'employeeId': 1, '_id': 1}"),
    @CompoundIndex(name = "teamId", def = "{'teamId': 1}")
})
@Document("people")
public class PersonDocument {

    @Id
    private final UUID id;
    @Indexed(unique = true)
    private String employeeId;
    private String name;
    private UUID departmentId;
    private UUID teamId;
    private Set<Role> roles;
    private boolean active;
    private String phone;
    private String email;
    private Credentials credentials;
    @Version
    private Long version;

    /**
     * The portal password of a person; absent until an admin sets one. {@code failedAttempts}
     * counts wrong passwords in a row, each within the lockout time of the one before
     * ({@code lastFailedAt}).
     */
    public record Credentials(String passwordHash, boolean changeRequired, int failedAttempts, Instant lockedUntil,
            Instant lastLoginAt, Instant passwordChangedAt, Instant lastFailedAt) {
    }

    @PersistenceCreator
    PersonDocument(UUID id, String employeeId, String name, UUID departmentId, UUID teamId, Set<Role> roles,
            boolean active, String phone, String email, Credentials credentials, Long version) {
        this.id = id;
        this.employeeId = employeeId;
        this.name = name;
        this.departmentId = departmentId;
        this.teamId = teamId;
        this.roles = roles == null ? Set.of() : Set.copyOf(roles);
        this.active = active;
        this.phone = phone;
        this.email = email;
        this.credentials = credentials;
        this.version = version;
    }

    public static PersonDocument create(UUID id, ValidPerson person) {
        var document = new PersonDocument(id, null, null, null, null, Set.of(), true, null, null,
                null, null);
        document.apply(person);
        return document;
    }

    public void apply(ValidPerson person) {
        this.employeeId = person.employeeId();
        this.name = person.name();
        this.departmentId = person.departmentId();
        this.teamId = person.teamId();
        this.roles = Set.copyOf(person.roles());
        this.active = person.active();
        this.phone = person.phone();
        this.email = person.email();
    }

    public void setPassword(String hash, boolean changeRequired, Instant now) {
        this.credentials = new Credentials(hash, changeRequired, 0, null,
                credentials == null ? null : credentials.lastLoginAt(), now, null);
    }

    public void unlock() {
        if (credentials != null) {
            credentials = new Credentials(credentials.passwordHash(), credentials.changeRequired(), 0, null,
                    credentials.lastLoginAt(), credentials.passwordChangedAt(), null);
        }
    }

    public Person view() {
        return new Person(id, employeeId, name, departmentId, teamId, roles, active, phone, email,
                credentials != null && credentials.passwordHash() != null,
                credentials == null ? null : credentials.lockedUntil(),
                credentials == null ? null : credentials.lastLoginAt(), version == null ? 0 : version);
    }

    public UUID id() {
        return id;
    }

    public String employeeId() {
        return employeeId;
    }

    public String name() {
        return name;
    }

    public UUID departmentId() {
        return departmentId;
    }

    public UUID teamId() {
        return teamId;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean active() {
        return active;
    }

    public Credentials credentials() {
        return credentials;
    }

    public Long version() {
        return version;
    }
}
