package app.ombud.platform.ui;

import app.ombud.platform.WorkItems;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A workflow module's share of the home page, the person's work queue: "my open items" of that
 * module (cases I handle, work orders to check, ballots to cast, ...), overdue and due-today items
 * marked. Declare it as a Spring bean in the module's {@code ui} package; {@link HomeView} asks
 * every one for the signed-in person's lists on each visit. The queries belong to the module's
 * root-package service, which narrows them by what the caller may see and do.
 */
public interface WorkQueue {

    /** The lists that apply to the signed-in person (by role and relation), each with at most {@code limit} items. */
    List<Section> sections(int limit);

    /** Lower numbers come first. */
    default int order() {
        return 0;
    }

    /**
     * One list: an ID (for the page's element IDs), its heading (an i18n key), the module's page
     * with the whole list, and its first items.
     */
    record Section(String id, String titleKey, String allLink, WorkItems items) {

        /** The list as a section when the caller has it ({@code items} present), for {@link #present}. */
        public static Optional<Section> of(String id, String titleKey, String allLink, Optional<WorkItems> items) {
            return items.map(present -> new Section(id, titleKey, allLink, present));
        }

        /** The sections the caller has, in the order given. */
        @SafeVarargs
        public static List<Section> present(Optional<Section>... sections) {
            return Stream.of(sections).flatMap(Optional::stream).toList();
        }
    }
}
