package app.ombud.panel.internal;

import app.ombud.platform.Actor;
import app.ombud.platform.Role;
import java.time.Instant;

/**
 * Who the caller is to one panel, resolved once per request: whether they are a person, hold a
 * seat and have voted (by their voter tag, never stored with them), are a site manager, are
 * excluded (the accused, an original judge) or a party; and the time of the request.
 */
public record PanelCaller(boolean person, boolean seated, boolean voted, boolean siteManager, boolean excluded,
        boolean party, Instant now) {

    /** The caller's relation to {@code document}; the voter tag is computed only for a seated member. */
    public static PanelCaller of(Actor actor, PanelDocument document, BallotSeal seal, Instant now) {
        String me = actor.employeeId();
        boolean person = actor.namesPerson();
        boolean seated = person && document.seated(me);
        boolean voted = seated && document.voted().contains(seal.voterTag(document.id(), me));
        String key = actor.key();
        return new PanelCaller(person, seated, voted, actor.has(Role.SITE_MANAGER),
                document.excluded().contains(key), person && document.parties().contains(me), now);
    }
}
