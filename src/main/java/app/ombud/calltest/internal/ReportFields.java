package app.ombud.calltest.internal;

import app.ombud.calltest.ReportStatus;
import app.ombud.platform.OmbudException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Every query and update on the test-call reports' field paths. */
@Component
public class ReportFields {

    private final MongoTemplate mongo;

    ReportFields(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A new report; REPORT_EXISTS when its period has one. */
    public void insert(ReportDocument document) {
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException e) {
            throw OmbudException.conflict("REPORT_EXISTS", "The period {0} has a report already",
                    document.period().label());
        }
    }

    public Optional<ReportDocument> byId(UUID id) {
        return Optional.ofNullable(mongo.findById(id, ReportDocument.class));
    }

    public ReportDocument save(ReportDocument document) {
        try {
            return mongo.save(document);
        } catch (OptimisticLockingFailureException e) {
            throw OmbudException.concurrentUpdate();
        }
    }

    /** Reports, the latest period first (labels sort as text: 2027-Q1 after 2027-03). */
    public Window<ReportDocument> search(ScrollPosition position, int size) {
        return mongo.scroll(new Query().with(Sort.by(Sort.Order.desc("period"), Sort.Order.asc("id"))).limit(size)
                .with(position), ReportDocument.class);
    }

    /** The published reports (there is one per period: a handful a year). */
    public List<ReportDocument> published() {
        return mongo.find(Query.query(Criteria.where("status").is(ReportStatus.PUBLISHED)), ReportDocument.class);
    }
}
