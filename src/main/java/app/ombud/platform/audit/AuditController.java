package app.ombud.platform.audit;

import app.ombud.platform.AuditTrail;
import app.ombud.platform.Paging;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class AuditController {

    private final AuditTrail audit;
    private final Paging paging;

    AuditController(AuditTrail audit, Paging paging) {
        this.audit = audit;
        this.paging = paging;
    }

    record AuditFilterInput(String action, String actor, String targetId, Instant from, Instant to) {
    }

    record AuditDetail(String key, String value) {
    }

    @QueryMapping
    Window<AuditTrail.Entry> auditEntries(@Argument AuditFilterInput filter, ScrollSubrange subrange) {
        var f = filter == null ? AuditTrail.Filter.NONE
                : new AuditTrail.Filter(filter.action(), filter.actor(), filter.targetId(), filter.from(), filter.to());
        return audit.page(f, paging.position(subrange), paging.size(subrange));
    }

    @SchemaMapping(typeName = "AuditEntry")
    List<AuditDetail> details(AuditTrail.Entry entry) {
        return entry.details().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> new AuditDetail(e.getKey(), e.getValue())).toList();
    }
}
