package app.ombud.review;

import app.ombud.platform.CurrentActor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.PersonalData;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.TextInput;
import app.ombud.review.internal.ReviewCaller;
import app.ombud.review.internal.ReviewCallers;
import app.ombud.review.internal.ReviewDocument;
import app.ombud.review.internal.ReviewFields;
import app.ombud.review.internal.ReviewStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The case library: judged reviews the review team keeps with tags and a lesson, for every employee to read. */
@Service
public class CaseLibrary {

    private final ReviewStore store;
    private final ReviewCallers callers;
    private final MongoTemplate mongo;
    private final Clock clock;

    CaseLibrary(ReviewStore store, ReviewCallers callers, MongoTemplate mongo, Clock clock) {
        this.store = store;
        this.callers = callers;
        this.mongo = mongo;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review addToLibrary(UUID id, List<String> tags, String lesson, Long expectedVersion) {
        ReviewCaller caller = callers.person();
        List<String> clean = tags == null ? List.of() : tags.stream()
                .map(t -> TextInput.optional(t, "tags", Kind.TAG)).filter(Objects::nonNull).distinct().toList();
        String text = TextInput.required(lesson, "lesson", Kind.TEXT);
        if (clean.size() > 10) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", "tags", "{0} must be between {1} and {2}", "tags",
                    0, 10);
        }
        var document = store.forStep(id, expectedVersion, ReviewStep.ADD_TO_LIBRARY, caller);
        Instant now = clock.instant();
        document.addToLibrary(new LibraryEntry(clean, text, caller.actor().subject(), caller.actor().name(), now),
                caller.actor(), now);
        return store.save(document, "review.library-added", caller);
    }

    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review removeFromLibrary(UUID id, Long expectedVersion) {
        ReviewCaller caller = callers.person();
        var document = store.forStep(id, expectedVersion, ReviewStep.REMOVE_FROM_LIBRARY, caller);
        document.removeFromLibrary(caller.actor(), clock.instant());
        return store.save(document, "review.library-removed", caller);
    }

    /**
     * The case library, newest first, for every employee: without the accused or the customer,
     * and with phone numbers, ID numbers and e-mail addresses masked in its texts.
     */
    @PreAuthorize("isAuthenticated()")
    public Window<LibraryCase> library(String text, String tag, ScrollPosition position, int size) {
        PersonalData.refuseFilter(CurrentActor.required(), "text", text);
        Query query = ReviewFields.library(text, tag).limit(size);
        return mongo.scroll(query.with(position), ReviewDocument.class)
                .map(d -> PersonalData.maskTexts(libraryCase(d.view())));
    }

    @PreAuthorize("isAuthenticated()")
    public long countLibrary(String text, String tag) {
        PersonalData.refuseFilter(CurrentActor.required(), "text", text);
        return mongo.count(ReviewFields.library(text, tag), ReviewDocument.class);
    }

    private static LibraryCase libraryCase(Review r) {
        Verdict v = r.verdict();
        return new LibraryCase(r.id(), r.number(), r.workOrder().complaint(), r.workOrder().demand(),
                v == null ? null : v.type(), v == null ? List.of() : v.criteria(), r.upheld(),
                v == null ? null : v.basis(), v == null ? r.workOrder().topic() : v.topic(), r.library().tags(),
                r.library().lesson(), r.library().byName(), r.library().at());
    }
}
