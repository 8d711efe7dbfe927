package app.ombud.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Component;

/**
 * Page sizes for every list: a default when the client names none, and a cap that a larger
 * request is refused against (rather than silently cut, so a BI tool notices).
 */
@Component
public class Paging {

    private final int defaultSize;
    private final int maxSize;

    public Paging(@Value("${ombud.graphql.default-page-size:20}") int defaultSize,
            @Value("${ombud.graphql.max-page-size:100}") int maxSize) {
        this.defaultSize = defaultSize;
        this.maxSize = maxSize;
    }

    public int maxSize() {
        return maxSize;
    }

    /** The page size asked for, checked against the cap. */
    public int size(ScrollSubrange subrange) {
        int size = subrange.count().orElse(defaultSize);
        if (size < 1 || size > maxSize) {
            throw OmbudException.badRequest("PAGE_SIZE_OUT_OF_RANGE", "first",
                    "first must be between 1 and " + maxSize, maxSize);
        }
        if (!subrange.forward()) {
            throw OmbudException.badRequest("BACKWARD_PAGING_UNSUPPORTED", "last",
                    "Page forward with first/after; last/before are not supported");
        }
        return size;
    }

    /** Where the page starts: after the given cursor, or at the beginning. */
    public ScrollPosition position(ScrollSubrange subrange) {
        return subrange.position().orElse(ScrollPosition.keyset());
    }
}
