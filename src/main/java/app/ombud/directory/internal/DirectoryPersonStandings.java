package app.ombud.directory.internal;

import app.ombud.platform.PersonStandings;
import app.ombud.platform.Role;
import java.time.Clock;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The directory's answer to "may this person still act, and with which roles?" for the token
 * checks of the API: one read by the unique employee ID, of the few fields it needs.
 */
@Component
class DirectoryPersonStandings implements PersonStandings {

    private final MongoTemplate mongo;
    private final Clock clock;

    DirectoryPersonStandings(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Optional<PersonStanding> find(String employeeId) {
        if (employeeId == null || employeeId.isBlank()) {
            return Optional.empty();
        }
        Query query = Query.query(Criteria.where("employeeId").is(employeeId));
        query.fields().include("employeeId", "name", "roles", "active", "credentials.lockedUntil",
                "credentials.changeRequired");
        Document person = mongo.findOne(query, Document.class, mongo.getCollectionName(PersonDocument.class));
        if (person == null) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object role : person.getList("roles", Object.class, List.of())) {
            Role.parse(String.valueOf(role)).ifPresent(roles::add);
        }
        Document credentials = person.get("credentials", Document.class);
        Date lockedUntil = credentials == null ? null : credentials.getDate("lockedUntil");
        boolean locked = lockedUntil != null && lockedUntil.toInstant().isAfter(clock.instant());
        boolean changeRequired = credentials != null && credentials.getBoolean("changeRequired", false);
        return Optional.of(new PersonStanding(person.getString("employeeId"), person.getString("name"), roles,
                person.getBoolean("active", false), locked, changeRequired));
    }
}
