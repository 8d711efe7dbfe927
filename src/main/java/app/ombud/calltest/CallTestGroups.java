package app.ombud.calltest;

import app.ombud.calltest.internal.GroupDocument;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.platform.TextInput;
import app.ombud.platform.TextInput.Kind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The test-call management group: an admin names its lead (the customer-service head, who
 * approves the plans) and members; each must be an active CALLTEST_STAFF person of the directory.
 */
@Service
public class CallTestGroups {

    public static final int MAX_MEMBERS = 50;

    private final MongoTemplate mongo;
    private final DirectoryService directory;
    private final AuditTrail audit;
    private final Clock clock;

    CallTestGroups(MongoTemplate mongo, DirectoryService directory, AuditTrail audit, Clock clock) {
        this.mongo = mongo;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** The group as it is now ({@link CallTestGroup#UNSET} before an admin set it). */
    @CallTestStaff
    public CallTestGroup get() {
        return stored().map(GroupDocument::view).orElse(CallTestGroup.UNSET);
    }

    /** The group's lead, for the plans' step rules (no personal data). */
    public Optional<String> lead() {
        return stored().map(GroupDocument::leadEmployeeId);
    }

    /** Sets the lead and members; {@code expectedVersion} is the version read (0 before the first save). */
    @PreAuthorize("hasRole('ADMIN')")
    public CallTestGroup set(String leadEmployeeId, List<String> memberEmployeeIds, Long expectedVersion) {
        String lead = TextInput.required(leadEmployeeId, "leadEmployeeId", Kind.EMPLOYEE_ID);
        Set<String> members = new LinkedHashSet<>();
        for (String member : memberEmployeeIds == null ? List.<String>of() : memberEmployeeIds) {
            String clean = TextInput.optional(member, "memberEmployeeIds", Kind.EMPLOYEE_ID);
            if (clean != null && !clean.equals(lead) && !members.add(clean)) {
                throw OmbudException.badRequest("MEMBER_TWICE", "memberEmployeeIds", "{0} is named twice", clean);
            }
        }
        if (members.size() > MAX_MEMBERS) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", "memberEmployeeIds",
                    "{0} must be between {1} and {2}", "memberEmployeeIds", 0, MAX_MEMBERS);
        }
        List<String> all = new ArrayList<>(members);
        all.add(lead);
        Map<String, Person> people = directory.peopleByEmployeeIds(all);
        requireStaff(people.get(lead), lead, "leadEmployeeId");
        members.forEach(m -> requireStaff(people.get(m), m, "memberEmployeeIds"));
        var current = stored();
        long read = current.map(g -> g.version() == null ? 0 : g.version()).orElse(0L);
        if (expectedVersion != null && expectedVersion != read) {
            throw OmbudException.concurrentUpdate();
        }
        var next = new GroupDocument(GroupDocument.ID, lead, List.copyOf(members), CurrentActor.required().key(),
                clock.instant(), current.map(GroupDocument::version).orElse(null));
        try {
            var saved = current.isPresent() ? mongo.save(next) : mongo.insert(next);
            audit.record("calltest.group.set", "CallTestGroup", GroupDocument.ID,
                    Map.of("lead", lead, "members", Integer.toString(members.size())));
            return saved.view();
        } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
            throw OmbudException.concurrentUpdate();
        }
    }

    private Optional<GroupDocument> stored() {
        return Optional.ofNullable(mongo.findById(GroupDocument.ID, GroupDocument.class));
    }

    private static void requireStaff(Person person, String employeeId, String field) {
        if (person == null || !person.active()) {
            throw OmbudException.badRequest("PERSON_NOT_FOUND", field, "No active person {0}", employeeId);
        }
        if (!person.roles().contains(Role.CALLTEST_STAFF)) {
            throw OmbudException.badRequest("NOT_CALLTEST_STAFF", field, "{0} is not CALLTEST_STAFF", employeeId);
        }
    }
}
