package app.ombud.directory;

import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.support.OmbudIntegrationTest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OmbudIntegrationTest
class PersonImportTest {

    @Autowired
    PersonImportService imports;

    @Autowired
    DirectoryService directory;

    String prefix;
    Department department;

    @BeforeEach
    void setUp() {
        prefix = "I" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        department = asAdmin(() -> directory.createDepartment(
                new DepartmentInput(prefix, "导入测试部 " + prefix, null, null)));
        asAdmin(() -> directory.createTeam(new TeamInput("一班", department.id(), null)));
    }

    @Test
    void aCleanFileCreatesEveryoneAndAnImportAgainUpdates() {
        String csv = "工号,姓名,部门,班组,角色,在职\n"
                + prefix + "01,张三," + prefix + ",一班,坐席,是\n"
                + prefix + "02,李四," + prefix + ",,AGENT;TEAM_LEAD,否\n";
        var report = asAdmin(() -> imports.importPeople(csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(report.status()).isEqualTo(ImportReport.Status.APPLIED);
        assertThat(report.created()).isEqualTo(2);
        var zhang = asAdmin(() -> directory.personByEmployeeId(prefix + "01")).orElseThrow();
        assertThat(zhang.name()).isEqualTo("张三");
        assertThat(zhang.teamId()).isNotNull();
        assertThat(zhang.roles()).containsExactly(Role.AGENT);
        var li = asAdmin(() -> directory.personByEmployeeId(prefix + "02")).orElseThrow();
        assertThat(li.active()).isFalse();
        assertThat(li.roles()).containsExactlyInAnyOrder(Role.AGENT, Role.TEAM_LEAD);

        var again = asAdmin(() -> imports.importPeople(
                ("employee_id,name\n" + prefix + "01,张三丰\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(again.updated()).isEqualTo(1);
        assertThat(asAdmin(() -> directory.personByEmployeeId(prefix + "01")).orElseThrow().name())
                .isEqualTo("张三丰");
    }

    @Test
    void oneBadRowMeansNothingIsWrittenAndEachErrorIsReported() {
        String csv = "employee_id,name,department,team,roles\n"
                + prefix + "11,Good One," + prefix + ",一班,AGENT\n"
                + prefix + "12,,"  + prefix + ",,AGENT\n"
                + prefix + "13,Bad Team," + prefix + ",九班,AGENT\n"
                + prefix + "14,Bad Role,,,PILOT\n"
                + prefix + "11,Twice,,,\n";
        var report = asAdmin(() -> imports.importPeople(csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(report.status()).isEqualTo(ImportReport.Status.REJECTED);
        assertThat(report.rows()).extracting(ImportReport.Row::line, ImportReport.Row::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, null),
                org.assertj.core.groups.Tuple.tuple(3, "REQUIRED"),
                org.assertj.core.groups.Tuple.tuple(4, "CSV_UNKNOWN_TEAM"),
                org.assertj.core.groups.Tuple.tuple(5, "CSV_UNKNOWN_ROLE"),
                org.assertj.core.groups.Tuple.tuple(6, "CSV_DUPLICATE_EMPLOYEE_ID"));
        assertThat(asAdmin(() -> directory.personByEmployeeId(prefix + "11"))).isEmpty();
    }

    @Test
    void aDryRunWritesNothing() {
        var report = asAdmin(() -> imports.check(
                ("employee_id,name\n" + prefix + "21,王五\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(report.status()).isEqualTo(ImportReport.Status.CHECKED);
        assertThat(report.rows()).singleElement().extracting(ImportReport.Row::outcome)
                .isEqualTo(ImportReport.Outcome.CREATE);
        assertThat(asAdmin(() -> directory.personByEmployeeId(prefix + "21"))).isEmpty();
    }

    @Test
    void excelFilesInGb18030AndSemicolonsAreRead() {
        byte[] csv = ("工号;姓名\n" + prefix + "31;赵六\n").getBytes(Charset.forName("GB18030"));
        var report = asAdmin(() -> imports.importPeople(csv));
        assertThat(report.status()).isEqualTo(ImportReport.Status.APPLIED);
        assertThat(asAdmin(() -> directory.personByEmployeeId(prefix + "31")).orElseThrow().name()).isEqualTo("赵六");
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefused() {
        assertThatThrownBy(() -> asAdmin(() -> imports.check("name\nX\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(OmbudException.class, e -> assertThat(e.code()).isEqualTo("CSV_HEADER_MISSING"));
    }

    @Test
    void onlyAdminsImport() {
        assertThatThrownBy(() -> app.ombud.support.TestData.as("a1", () -> imports.check(
                "employee_id,name\nx,y\n".getBytes(StandardCharsets.UTF_8)), Role.AGENT))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
