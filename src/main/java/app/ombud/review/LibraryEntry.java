package app.ombud.review;

import java.time.Instant;
import java.util.List;

/** A judged review in the case library (案例库): tags and the lesson to learn, by whom and when. */
public record LibraryEntry(List<String> tags, String lesson, String by, String byName, Instant at) {

    public LibraryEntry {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
