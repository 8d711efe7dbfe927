package app.ombud.improvement;

import java.util.UUID;

/**
 * The record an action comes from, as a reference (not a join): its type (a code such as
 * {@code Review}, {@code ComplaintCase}, {@code TestCall}), its ID and its number as people know it.
 */
public record SourceRef(String type, UUID id, String number) {
}
