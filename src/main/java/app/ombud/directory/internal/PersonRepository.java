package app.ombud.directory.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface PersonRepository extends MongoRepository<PersonDocument, UUID> {
    Optional<PersonDocument> findByEmployeeId(String employeeId);

    List<PersonDocument> findByEmployeeIdIn(Collection<String> employeeIds);

    boolean existsByDepartmentId(UUID departmentId);

    boolean existsByTeamId(UUID teamId);
}
