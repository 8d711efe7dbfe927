package app.ombud.panel;

import static app.ombud.support.TestData.asAdmin;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.platform.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * People for the panel tests, unique per test: three employee-side members (agents), three
 * review-side members (reviewers), the accused, the original judge, an outsider and a site manager
 * who sits on nothing (a panel is formed only while one is left to decide a tie); and panels
 * formed from them.
 */
public final class PanelFixture {

    public final String p;
    public final List<String> employeeSide;
    public final List<String> reviewSide;
    public final String accused;
    public final String judge;
    public final String outsider;
    public final String siteManager;
    private final DirectoryService directory;
    private final PanelService panels;

    public PanelFixture(DirectoryService directory, PanelService panels, String prefix) {
        this.directory = directory;
        this.panels = panels;
        p = prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        employeeSide = List.of(p + "E1", p + "E2", p + "E3");
        reviewSide = List.of(p + "R1", p + "R2", p + "R3");
        accused = "17" + p;
        judge = p + "J";
        outsider = p + "X";
        siteManager = p + "M";
        asAdmin(() -> {
            person(siteManager, "现场负责人", Role.SITE_MANAGER);
            person(accused, "被投诉坐席", Role.AGENT);
            person(judge, "原判责人", Role.REVIEWER);
            person(outsider, "局外人", Role.AGENT);
            employeeSide.forEach(m -> person(m, "员工方成员" + m.substring(m.length() - 1), Role.AGENT));
            reviewSide.forEach(m -> person(m, "质检方成员" + m.substring(m.length() - 1), Role.REVIEWER));
        });
    }

    /** Another person of this test (runs as admin). */
    public void person(String employeeId, String name, Role... roles) {
        asAdmin(() -> directory.createPerson(new PersonInput(employeeId, name, null, null, Set.of(roles), true, null,
                null)));
    }

    /** A panel on a review of the accused, judged by the judge, asking {@code question}. */
    public Panel form(String question) {
        return form(question, judge);
    }

    /** A panel on a review of the accused, judged by {@code judgedBy}. */
    public Panel form(String question, String judgedBy) {
        return asAdmin(() -> panels.form(UUID.randomUUID(), new PanelRequest("Review", UUID.randomUUID(),
                "BM-TEST-" + p, question, employeeSide, reviewSide, Set.of(accused, judgedBy), Set.of(accused))));
    }

    /** All six members, the employee side first. */
    public List<String> members() {
        List<String> all = new ArrayList<>(employeeSide);
        all.addAll(reviewSide);
        return all;
    }
}
