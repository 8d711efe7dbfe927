package app.ombud.complaint.internal;

import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.complaint.CaseStatus;
import app.ombud.complaint.ComplaintCase;
import app.ombud.complaint.ComplaintService;
import app.ombud.directory.DepartmentInput;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.directory.TeamInput;
import app.ombud.platform.Role;
import app.ombud.support.OmbudIntegrationTest;
import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The scale benchmark's generated cases are cases Ombud itself can read: the complaint service
 * loads every one, in every status, with a timeline that fits it, and only yesterday's are open.
 * They are removed again, so the shared test store keeps only what the other tests made.
 */
@OmbudIntegrationTest
class BulkCasesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MongoTemplate mongo;

    @Autowired
    DirectoryService directory;

    @Autowired
    ComplaintService cases;

    @Autowired
    Clock clock;

    private final List<String> agents = List.of("BLK-" + UUID.randomUUID().toString().substring(0, 6));

    @AfterEach
    void removeTheGeneratedCases() {
        mongo.remove(Query.query(Criteria.where("intakeBy").in(agents)), CaseDocument.class);
    }

    @Test
    void everyGeneratedCaseReadsBackThroughTheComplaintService() {
        BulkCases.Unit unit = asAdmin(() -> {
            var department = directory.createDepartment(new DepartmentInput(agents.getFirst(), "压测部" + agents.getFirst(),
                    null, null));
            var team = directory.createTeam(new TeamInput("一班", department.id(), null));
            directory.createPerson(new PersonInput(agents.getFirst(), "员工", department.id(), team.id(),
                    Set.of(Role.AGENT), true, null, null));
            return new BulkCases.Unit(department.id(), team.id(), agents.getFirst(), agents);
        });

        var written = new BulkCases(mongo, ZONE, clock.instant(), 7).write(List.of(unit), 500, 30);

        List<CaseDocument> stored = mongo.find(Query.query(Criteria.where("intakeBy").in(agents)), CaseDocument.class);
        assertThat(written.cases()).isEqualTo(500);
        assertThat(stored).hasSize(500);
        assertThat(stored).extracting(CaseDocument::number).doesNotHaveDuplicates();
        assertThat(stored).extracting(CaseDocument::status).containsAll(EnumSet.allOf(CaseStatus.class));
        var yesterday = clock.instant().atZone(ZONE).toLocalDate().minusDays(1);
        for (CaseDocument document : stored) {
            ComplaintCase read = asAdmin(() -> cases.get(document.id()));
            assertThat(read.number()).isEqualTo(document.number());
            assertThat(read.timeline().getFirst().action()).isEqualTo("intake");
            assertThat(read.timeline().reversed().stream().filter(entry -> entry.to() != null).findFirst()
                    .orElseThrow().to()).as("the last status change of %s", read.number()).isEqualTo(read.status());
            assertThat(read.status().open()).as("open only when received yesterday: %s", read.number())
                    .isEqualTo(read.receivedAt().atZone(ZONE).toLocalDate().equals(yesterday));
            assertThat(read.archivedAt() != null).isEqualTo(read.status() == CaseStatus.ARCHIVED);
        }
    }
}
