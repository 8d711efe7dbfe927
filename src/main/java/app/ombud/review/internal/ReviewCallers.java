package app.ombud.review.internal;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.platform.Actor;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.Role;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Resolves the {@link ReviewCaller} of a request: one directory call for team leads, none for anyone else. */
@Component
public class ReviewCallers {

    private final DirectoryService directory;
    private final Clock clock;

    ReviewCallers(DirectoryService directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** The caller of a step: every step on a review is a person's (an API client takes none). */
    public ReviewCaller person() {
        CurrentActor.requirePerson();
        return current();
    }

    /** The caller of this request and the team their team-lead rights reach. */
    public ReviewCaller current() {
        Actor actor = CurrentActor.required();
        UUID team = actor.has(Role.TEAM_LEAD) && actor.employeeId() != null
                ? directory.personByEmployeeId(actor.employeeId()).map(Person::teamId).orElse(null) : null;
        return new ReviewCaller(actor, team, clock.instant());
    }
}
