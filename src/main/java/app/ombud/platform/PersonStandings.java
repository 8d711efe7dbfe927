package app.ombud.platform;

import java.util.Optional;
import java.util.Set;

/**
 * What the API's token checks need to know about a person of the directory: whether they may
 * still act and which roles they hold now. The directory implements it; person tokens (from the
 * sign-in with PKCE and personal access tokens) are checked against it on every call, so a
 * deactivated or locked person is refused at once.
 */
public interface PersonStandings {

    /** The person with this employee ID (their login), if the directory knows them. */
    Optional<PersonStanding> find(String employeeId);

    /**
     * A person as their tokens see them. {@code locked}: locked out after wrong passwords;
     * {@code passwordChangeRequired}: still on a one-time password an admin handed over.
     */
    record PersonStanding(String employeeId, String name, Set<Role> roles, boolean active, boolean locked,
            boolean passwordChangeRequired) {

        public PersonStanding {
            roles = Set.copyOf(roles);
        }

        /** Whether tokens naming this person are honoured. */
        public boolean mayAct() {
            return active && !locked;
        }

        /** Whether the person may get a new token: may act, and chose their own password. */
        public boolean mayGetTokens() {
            return mayAct() && !passwordChangeRequired;
        }
    }
}
