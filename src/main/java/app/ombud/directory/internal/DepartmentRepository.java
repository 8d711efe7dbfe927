package app.ombud.directory.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface DepartmentRepository extends MongoRepository<DepartmentDocument, UUID> {
    Window<DepartmentDocument> findBy(ScrollPosition position, Sort sort, Limit limit);

    boolean existsByParentId(UUID parentId);

    Optional<DepartmentDocument> findByCode(String code);

    Optional<DepartmentDocument> findByName(String name);
}
