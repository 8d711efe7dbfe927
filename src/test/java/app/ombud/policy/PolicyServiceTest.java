package app.ombud.policy;

import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.platform.OmbudException;
import app.ombud.support.OmbudIntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OmbudIntegrationTest
class PolicyServiceTest {

    @Autowired
    PolicyService policies;

    static Grading withLevel2Days(Grading grading, int days) {
        var levels = new ArrayList<>(grading.levels());
        var two = levels.get(1);
        levels.set(1, new LevelRule(2, two.name(), two.description(), two.handler(), two.acknowledgeHours(), days,
                two.criteria(), two.tellsLeadership()));
        return new Grading(levels, grading.repeatWindowDays(), grading.fallbackLevel());
    }

    @Test
    void savingMakesANewVersionWithADiffAgainstTheOldOne() {
        var before = policies.current();
        int days = before.content().grading().level(2).resolutionWorkingDays() % 10 + 1;
        var after = asAdmin(() -> policies.update(PolicySections.GRADING, before.number(),
                withLevel2Days(before.content().grading(), days), "二级投诉处理时限调整"));

        assertThat(after.number()).isEqualTo(before.number() + 1);
        assertThat(after.changedSections()).containsExactly("grading");
        assertThat(policies.current().content().grading().level(2).resolutionWorkingDays()).isEqualTo(days);
        var diff = asAdmin(() -> policies.diff(before.number(), after.number()));
        assertThat(diff).singleElement().satisfies(d -> {
            assertThat(d.path()).isEqualTo("grading.levels[2].resolutionWorkingDays");
            assertThat(d.after()).isEqualTo(String.valueOf(days));
        });
        assertThat(asAdmin(() -> policies.version(before.number())).content())
                .isEqualTo(before.content());
    }

    @Test
    void historyPagesNewestFirstByKeyset() {
        for (int i = 0; i < 2; i++) {
            var now = policies.current();
            int days = now.content().grading().level(2).resolutionWorkingDays() % 10 + 1;
            asAdmin(() -> policies.update(PolicySections.GRADING, now.number(), withLevel2Days(now.content().grading(), days),
                    "history paging"));
        }
        int newest = policies.current().number();

        var first = asAdmin(() -> policies.history(org.springframework.data.domain.ScrollPosition.keyset(), 2));
        assertThat(first.getContent()).extracting(PolicyVersion::number).containsExactly(newest, newest - 1);
        assertThat(first.hasNext()).isTrue();
        var rest = asAdmin(() -> policies.history(first.positionAt(1), 1000));
        assertThat(rest.getContent()).extracting(PolicyVersion::number).first().isEqualTo(newest - 2);
        assertThat(rest.getContent()).extracting(PolicyVersion::number).last().isEqualTo(1);
        assertThat(rest.hasNext()).isFalse();
    }

    @Test
    void aStaleBaseIsAConflictAndChangesNothing() {
        var current = policies.current();
        assertThatThrownBy(() -> asAdmin(() -> policies.update(PolicySections.GRADING, current.number() - 1,
                withLevel2Days(current.content().grading(), 7), "stale")))
                .isInstanceOfSatisfying(OmbudException.class,
                        e -> assertThat(e.code()).isEqualTo("POLICY_VERSION_CONFLICT"));
        assertThat(policies.current().number()).isEqualTo(current.number());
    }

    @Test
    void anInvalidSectionIsRefusedAndTheVersionInForceStays() {
        var current = policies.current();
        assertThatThrownBy(() -> asAdmin(() -> policies.update(PolicySections.GRADING, current.number(),
                withLevel2Days(current.content().grading(), 0), "zero days")))
                .isInstanceOfSatisfying(OmbudException.class, e -> {
                    assertThat(e.code()).isEqualTo("VALUE_OUT_OF_RANGE");
                    assertThat(e.field()).isEqualTo("levels[2].resolutionWorkingDays");
                });
        assertThat(policies.current()).isEqualTo(current);
    }

    @Test
    void twoAdminsSavingAtOnceGetOneVersionAndOneConflict() throws Exception {
        var base = policies.current();
        var start = new CountDownLatch(1);
        Callable<Object> save = () -> {
            start.await();
            try {
                return asAdmin(() -> policies.update(PolicySections.GRADING, base.number(),
                        withLevel2Days(base.content().grading(), base.content().grading().level(2)
                                .resolutionWorkingDays() % 10 + 2), "concurrent"));
            } catch (OmbudException e) {
                return e.code();
            }
        };
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Future<Object>> results = List.of(pool.submit(save), pool.submit(save));
            start.countDown();
            var outcomes = new ArrayList<Object>();
            for (var result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes).filteredOn(PolicyVersion.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn("POLICY_VERSION_CONFLICT"::equals).hasSize(1);
        }
        assertThat(policies.current().number()).isEqualTo(base.number() + 1);
    }

    @Test
    void aNewHolidayIsSkippedByDeadlines() {
        var current = policies.current();
        var calendar = current.content().calendar();
        ZoneId zone = calendar.zone();
        LocalDate holiday = LocalDate.of(2031, 3, 4); // a Tuesday
        Instant mondayMorning = LocalDateTime.of(2031, 3, 3, 9, 0).atZone(zone).toInstant();
        Map<LocalDate, String> holidays = new TreeMap<>(calendar.holidays());
        holidays.remove(holiday);
        var without = calendar.withSpecialDays(holidays, calendar.workdays());
        holidays.put(holiday, "测试假日");
        var with = calendar.withSpecialDays(holidays, calendar.workdays());
        if (!without.equals(calendar)) {
            asAdmin(() -> policies.update(PolicySections.CALENDAR, policies.current().number(), without, "reset"));
        }
        assertThat(policies.addWorkingDays(mondayMorning, 2))
                .isEqualTo(LocalDateTime.of(2031, 3, 4, 18, 0).atZone(zone).toInstant());

        asAdmin(() -> policies.update(PolicySections.CALENDAR, policies.current().number(), with, "新增假日"));
        assertThat(policies.addWorkingDays(mondayMorning, 2))
                .isEqualTo(LocalDateTime.of(2031, 3, 5, 18, 0).atZone(zone).toInstant());
    }
}
