package app.ombud.directory.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface TeamRepository extends MongoRepository<TeamDocument, UUID> {
    Window<TeamDocument> findBy(ScrollPosition position, Sort sort, Limit limit);

    Window<TeamDocument> findByDepartmentId(UUID departmentId, ScrollPosition position, Sort sort, Limit limit);

    boolean existsByDepartmentId(UUID departmentId);

    List<TeamDocument> findByDepartmentId(UUID departmentId);
}
