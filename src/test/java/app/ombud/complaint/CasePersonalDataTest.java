package app.ombud.complaint;

import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.directory.DepartmentInput;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No personal data for BI readers in a case: phone numbers, ID numbers and e-mail addresses that
 * people wrote into its free texts are masked wherever a BI reader reads them — the API and the
 * portal (the same service view) alike — evidence files are refused, and so are filters that would
 * test whether a number complained.
 */
@OmbudIntegrationTest
class CasePersonalDataTest {

    /** What was written into the case's texts, each of which a BI reader must never read. */
    static final List<String> WRITTEN = List.of("13812345678", "139 1234 5678", "010-87654321", "11010119900307123X",
            "li.na@example.com", "15912345678", "0755-12345678");

    static final String CASE_FIELDS = """
            subject description customer { name phone account } notes { text } evidence { filename }
            plan { description remedies { note } } feedback { result comment } validity { reason }
            timeline { note }""";

    @Autowired
    ApiAccess api;

    @Autowired
    DirectoryService directory;

    @Autowired
    ComplaintService cases;

    @Test
    void everyFreeTextOfACaseIsMaskedForBiReadersInTheApiAndThePortal() {
        UUID id = handledCase();

        Map<String, Object> bi = read(Role.BI_READER, id);
        assertThat(bi.toString()).doesNotContain(WRITTEN);
        assertThat(bi.get("description")).isEqualTo(
                "客户另留号码 139****5678，座机 010-****4321，身份证 110101********123X，邮箱 l***@example.com");
        assertThat(bi.get("subject")).isEqualTo("宽带掉线，回拨 138****5678");
        assertThat(bi.toString()).contains("客户改用 159****5678", "上门前联系 159****5678", "维修点 0755-****5678",
                "已致电 159****5678 告知", "请打 138****5678", "承诺回电 138****5678", "客户 138****5678 的录音.txt",
                "已电话 138****5678 联系");
        // the portal shows the service's view: a BI reader signed in there reads the same
        ComplaintCase portal = TestData.as("bi-" + id, () -> cases.get(id), Role.BI_READER);
        assertThat(portal.description()).isEqualTo(bi.get("description"));
        assertThat(portal.notes().getFirst().text()).isEqualTo("客户改用 159****5678");
        // the control: the roles that see personal data read what was written
        assertThat(read(Role.ADMIN, id).toString()).contains(WRITTEN);
        assertThat(read(Role.LEADERSHIP, id).toString()).contains("13812345678");
    }

    @Test
    void biReadersGetNoEvidenceFileInThePortalEither() {
        UUID id = handledCase();
        String fileId = asAdmin(() -> cases.get(id)).evidence().getFirst().fileId();

        assertThatThrownBy(() -> TestData.as("bi-" + id, () -> cases.evidenceFile(id, fileId), Role.BI_READER))
                .isInstanceOfSatisfying(OmbudException.class,
                        e -> assertThat(e.code()).isEqualTo("PERSONAL_DATA_REFUSED"));
        assertThat(asAdmin(() -> cases.evidenceFile(id, fileId)).evidence().filename())
                .isEqualTo("客户 13812345678 的录音.txt");
    }

    @Test
    void biReadersCannotFilterByPhoneOrFreeTextButByTheOtherFilters() {
        UUID id = handledCase();
        String number = asAdmin(() -> cases.get(id)).number();
        String search = "query($f: CaseFilter) { cases(filter: $f, first: 5) { edges { node { number customer { phone } } } } }";

        for (var filter : List.of(Map.of("text", "宽带"), Map.of("customerPhone", "13812345678"),
                Map.of("number", number, "text", "13812345678"))) {
            api.as(Role.BI_READER).document(search).variable("f", filter).execute().errors()
                    .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> assertThat(e.getExtensions())
                            .containsEntry("code", "PERSONAL_DATA_FILTER_REFUSED")));
        }
        assertThatThrownBy(() -> TestData.as("bi-" + id, () -> cases.count(new CaseFilter(null, null, null, null, null,
                null, null, null, "13812345678", null, null)), Role.BI_READER))
                .isInstanceOfSatisfying(OmbudException.class,
                        e -> assertThat(e.field()).isEqualTo("customerPhone"));
        api.as(Role.BI_READER).document(search).variable("f", Map.of("number", number, "level", 3)).execute()
                .path("cases.edges[0].node.number").entity(String.class).isEqualTo(number)
                .path("cases.edges[0].node.customer.phone").entity(String.class).isEqualTo("138****5678");
        api.as(Role.ADMIN).document(search).variable("f", Map.of("text", "宽带掉线", "customerPhone", "13812345678"))
                .execute().path("cases.edges[*].node.number").entityList(String.class).contains(number);
    }

    /** A case whose people wrote phone numbers, an ID number and an e-mail address into every text. */
    private UUID handledCase() {
        var p = "PD" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        var department = asAdmin(() -> directory.createDepartment(new DepartmentInput(p, "售后部" + p, null, null)));
        String owner = asAdmin(() -> directory.createPerson(new PersonInput(p + "O", "处理人", department.id(), null,
                Set.of(Role.AGENT), true, null, null))).employeeId();
        String id = api.as(Role.AGENT).document("""
                mutation { intakeCase(input: {channel: HOTLINE, customer: {name: "李女士", phone: "13812345678"},
                  subject: "宽带掉线，回拨 13812345678",
                  description: "客户另留号码 139 1234 5678，座机 010-87654321，身份证 11010119900307123X，邮箱 li.na@example.com",
                  category: PRODUCT_QUALITY}) { case { id } } }
                """).execute().path("intakeCase.case.id").entity(String.class).get();
        UUID caseId = UUID.fromString(id);
        asAdmin(() -> {
            cases.dispatch(caseId, department.id(), null, owner, "已电话 13812345678 联系", null);
            cases.acknowledge(caseId, null);
            cases.addNote(caseId, CaseNote.Kind.COMMUNICATION, "客户改用 15912345678", null);
            cases.attachEvidence(caseId, "客户 13812345678 的录音.txt", "录音".getBytes(StandardCharsets.UTF_8), null);
            cases.planResolution(caseId, new ResolutionPlan(List.of(new ResolutionPlan.Remedy(
                    ResolutionPlan.Type.REPAIR, null, "维修点 0755-12345678"), new ResolutionPlan.Remedy(
                    ResolutionPlan.Type.COMPENSATION, new BigDecimal("50"), null)), owner,
                    Instant.now().plus(3, ChronoUnit.DAYS), "上门前联系 15912345678"), null);
            cases.sendResult(caseId, Feedback.ResultChannel.CALLBACK, "已致电 15912345678 告知", null);
            cases.recordAnswer(caseId, false, 2, "请打 13812345678", null);
            return cases.decideValidity(caseId, true, "承诺回电 13812345678 未回", null);
        });
        return caseId;
    }

    private Map<String, Object> read(Role role, UUID id) {
        return api.as(role).document("query($id: UUID!) { case(id: $id) { " + CASE_FIELDS + " } }")
                .variable("id", id.toString()).execute().path("case").entity(Map.class).get();
    }
}
