package app.ombud.platform.security;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ApiClientRepository extends MongoRepository<ApiClientDocument, String> {

    Window<ApiClientDocument> findBy(ScrollPosition position, Sort sort, Limit limit);
}
