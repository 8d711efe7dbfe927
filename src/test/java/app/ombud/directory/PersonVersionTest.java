package app.ombud.directory;

import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.platform.PortalUser;
import app.ombud.platform.Role;
import app.ombud.support.OmbudIntegrationTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

/** A person logging in is not a change of the person: an admin's open edit form stays valid. */
@OmbudIntegrationTest
class PersonVersionTest {

    @Autowired
    DirectoryService directory;

    @Autowired
    AccountService accounts;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aLoginDoesNotMakeTheAdminsEditAConflictAndTheEditKeepsThePassword() {
        String id = "V" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        var person = asAdmin(() -> directory.createPerson(new PersonInput(id, "甲", null, null, Set.of(Role.AGENT),
                true, null, null)));
        asAdmin(() -> accounts.resetPassword(person.id(), null));
        long versionReadByAdmin = asAdmin(() -> directory.person(person.id())).version();

        var user = new PortalUser(id, "", true, true, List.of(), "甲", id, false);
        events.publishEvent(new AuthenticationSuccessEvent(UsernamePasswordAuthenticationToken.authenticated(user,
                null, List.of())));

        var edited = asAdmin(() -> directory.updatePerson(person.id(), new PersonInput(id, "甲乙", null, null,
                Set.of(Role.AGENT, Role.TEAM_LEAD), true, null, null), versionReadByAdmin));
        assertThat(edited.name()).isEqualTo("甲乙");
        assertThat(edited.canLogIn()).isTrue();
        assertThat(edited.lastLoginAt()).isNotNull();
        assertThat(edited.version()).isEqualTo(versionReadByAdmin + 1);
    }
}
