package app.ombud.policy;

/**
 * One section of the policy: a record an admin edits and saves as a whole, that checks itself
 * (the first problem is thrown with the field it concerns).
 *
 * <p>A new section is its record implementing this, one {@link PolicySections.Kind} in
 * {@link PolicySections#ALL} (its key, its type, its defaults) and one view; saving, versions,
 * validation, the stored JSON (a version stored before the section existed reads with its
 * defaults), changed sections and the history's labels ({@code policy.section.<key>} and
 * {@code policy.field.<key>.<field>} in the translations) follow from the key.
 */
public interface PolicySection {

    PolicySection validate();
}
