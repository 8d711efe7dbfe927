package app.ombud.review;

import app.ombud.platform.CurrentActor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.PersonalData;
import app.ombud.platform.Role;
import app.ombud.review.internal.EarlyWarningDocument;
import app.ombud.review.internal.ReviewCaller;
import app.ombud.review.internal.ReviewCallers;
import app.ombud.review.internal.ReviewDocument;
import app.ombud.review.internal.ReviewFields;
import app.ombud.review.internal.ReviewStore;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Reading reviews: one by ID, the lists of the portal and the API, their counts, the steps the
 * caller may take now (for one review or a whole page at once), and the early warnings.
 */
@Service
public class ReviewQueries {

    private static final Set<Role> OVERSIGHT = EnumSet.of(Role.REVIEWER, Role.WHITELIST_OWNER, Role.SITE_MANAGER,
            Role.LEADERSHIP, Role.ADMIN);

    private final ReviewStore store;
    private final ReviewCallers callers;
    private final MongoTemplate mongo;

    ReviewQueries(ReviewStore store, ReviewCallers callers, MongoTemplate mongo) {
        this.store = store;
        this.callers = callers;
        this.mongo = mongo;
    }

    @PreAuthorize("isAuthenticated()")
    public Review get(UUID id) {
        ReviewCaller caller = callers.current();
        return ReviewStore.present(store.visible(id, null, caller).view(), caller.actor());
    }

    /** A list of the portal or the API, narrowed by what the caller may see. */
    @PreAuthorize("isAuthenticated()")
    public Window<Review> search(ReviewQueue queue, ReviewFilter filter, ScrollPosition position, int size) {
        ReviewCaller caller = callers.current();
        PersonalData.refuseFilter(caller.actor(), "text", filter == null ? null : filter.text());
        Query query = ReviewFields.queue(queue == null ? ReviewQueue.ALL : queue,
                filter == null ? ReviewFilter.ALL : filter, caller).limit(size);
        return mongo.scroll(query.with(position), ReviewDocument.class)
                .map(d -> ReviewStore.present(d.view(), caller.actor()));
    }

    @PreAuthorize("isAuthenticated()")
    public long count(ReviewQueue queue, ReviewFilter filter) {
        ReviewCaller caller = callers.current();
        PersonalData.refuseFilter(caller.actor(), "text", filter == null ? null : filter.text());
        return mongo.count(ReviewFields.queue(queue == null ? ReviewQueue.ALL : queue,
                filter == null ? ReviewFilter.ALL : filter, caller), ReviewDocument.class);
    }

    /** The steps the caller may take on the review now; the portal shows exactly these. */
    @PreAuthorize("isAuthenticated()")
    public Set<ReviewStep> allowedSteps(UUID id) {
        ReviewCaller caller = callers.current();
        return store.visible(id, null, caller).allowedSteps(caller);
    }

    /**
     * The steps the caller may take on each of these reviews (a page of a list): the caller is
     * resolved once and the reviews read in one query, whatever the page's size.
     */
    @PreAuthorize("isAuthenticated()")
    public Map<UUID, Set<ReviewStep>> allowedSteps(Collection<UUID> ids) {
        ReviewCaller caller = callers.current();
        Map<UUID, ReviewDocument> found = store.visible(ids, caller).stream()
                .collect(Collectors.toMap(ReviewDocument::id, Function.identity()));
        Map<UUID, Set<ReviewStep>> steps = new LinkedHashMap<>();
        for (UUID id : ids) {
            ReviewDocument document = found.get(id);
            steps.put(id, document == null ? Set.of() : document.allowedSteps(caller));
        }
        return steps;
    }

    /** Why the caller may not take the step on the review now, or empty when they may. */
    @PreAuthorize("isAuthenticated()")
    public Optional<OmbudException> refusal(UUID id, ReviewStep step) {
        ReviewCaller caller = callers.current();
        return store.visible(id, null, caller).refusal(step, caller);
    }

    /**
     * Whether the caller oversees internal reviews — the review team, whitelist owners, site
     * managers, leadership, admins: they read early warnings and open every review from the library.
     */
    @PreAuthorize("isAuthenticated()")
    public boolean oversees() {
        return CurrentActor.required().hasAny(OVERSIGHT.toArray(Role[]::new));
    }

    /** Early warnings raised, newest first; for those who oversee reviews. */
    @PreAuthorize("isAuthenticated()")
    public Window<EarlyWarning> earlyWarnings(ScrollPosition position, int size) {
        if (!oversees()) {
            throw OmbudException.forbidden("FORBIDDEN", "You are not allowed to do this");
        }
        Query query = ReviewFields.earlyWarnings().limit(size);
        return mongo.scroll(query.with(position), EarlyWarningDocument.class).map(EarlyWarningDocument::view);
    }
}
