package app.ombud.demo;

import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.complaint.CaseFilter;
import app.ombud.complaint.CaseStatus;
import app.ombud.complaint.ComplaintCase;
import app.ombud.complaint.ComplaintService;
import app.ombud.directory.AccountService;
import app.ombud.directory.DirectoryService;
import app.ombud.support.OmbudIntegrationTest;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.ScrollPosition;

@OmbudIntegrationTest
class DemoDataTest {

    @Autowired
    DirectoryService directory;

    @Autowired
    AccountService accounts;

    @Autowired
    ComplaintService cases;

    @Autowired
    Clock clock;

    @Test
    void theDemoCallCenterHasPeopleAndCasesInEveryStateAndLoadsOnlyOnce() {
        var demo = new DemoData(true, "Demo-pass-2026", 0, directory, accounts, cases, clock);
        demo.load();
        demo.load();
        var leads = asAdmin(() -> directory.personByEmployeeId("1801")).orElseThrow();
        assertThat(leads.name()).isEqualTo("郑晓峰");
        assertThat(leads.canLogIn()).isTrue();
        var department = asAdmin(() -> directory.allDepartments()).stream().filter(d -> "HOT".equals(d.code()))
                .findFirst().orElseThrow();
        var superior = asAdmin(() -> directory.superiorOf(department.id())).orElseThrow();
        assertThat(superior.name()).isEqualTo("客户服务中心");
        var statuses = asAdmin(() -> cases.search(CaseFilter.ALL, ScrollPosition.keyset(), 100)).getContent().stream()
                .filter(c -> c.intakeBy().matches("1701|1702|2501")).map(ComplaintCase::status).distinct().toList();
        assertThat(statuses).contains(CaseStatus.NEW, CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS,
                CaseStatus.AWAITING_FEEDBACK, CaseStatus.ARCHIVED);
    }
}
