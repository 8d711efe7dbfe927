package app.ombud.complaint.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.complaint.CaseStatus;
import app.ombud.complaint.TimelineEntry;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a timeline entry reads, from its codes, without Spring or a browser. */
class TimelineTextTest {

    static final Map<String, String> ZH = Map.of("case.grade.suggested", "建议{0}级（{1}），政策版本 {2}",
            "case.grade.fallback", "未命中标准，默认级别", "case.timeline.levels", "{0}级 → {1}级",
            "case.timeline.detailAndNote", "{0}：{1}", "case.remedy.REPAIR", "维修", "case.remedy.COMPENSATION", "赔偿",
            "case.action.graded", "分级", "case.timeline.system", "系统", "case.action.accepted", "客户接受",
            "case.status.CLOSED", "已结案");

    final TimelineText texts = new TimelineText(
            (key, args) -> ZH.containsKey(key) ? new MessageFormat(ZH.get(key), Locale.SIMPLIFIED_CHINESE).format(args)
                    : "!{" + key + "}!",
            (version, code) -> version == 1 && code.equals("L3_DEFECT") ? "一般质量缺陷" : code);

    static TimelineEntry entry(String action, CaseStatus to, String note, String... args) {
        return new TimelineEntry(Instant.EPOCH, "system", "system", action, null, to, note, List.of(args));
    }

    @Test
    void codesBecomeTheReadersWordsAndAPersonsNoteFollows() {
        assertThat(texts.why(entry("graded", null, null, "3", "1", "L3_DEFECT"))).isEqualTo("建议3级（一般质量缺陷），政策版本 1");
        assertThat(texts.why(entry("graded", null, null, "3", "1"))).isEqualTo("建议3级（未命中标准，默认级别），政策版本 1");
        assertThat(texts.why(entry("level-overridden", null, "大客户", "3", "2"))).isEqualTo("3级 → 2级：大客户");
        assertThat(texts.why(entry("planned", null, null, "REPAIR", "COMPENSATION:300"))).isEqualTo("维修、赔偿 ¥300");
        assertThat(texts.who(entry("graded", null, null))).isEqualTo("系统");
        assertThat(texts.what(entry("accepted", CaseStatus.CLOSED, null))).isEqualTo("客户接受 → 已结案");
    }

    @Test
    void anEntryStoredBeforeArgsShowsItsNoteAsItIs() {
        var old = new TimelineEntry(Instant.EPOCH, "A1", "坐席甲", "graded", null, null,
                "level 3 L3_DEFECT, policy v1", null);
        assertThat(old.args()).isEmpty();
        assertThat(texts.why(old)).isEqualTo("level 3 L3_DEFECT, policy v1");
        assertThat(texts.who(old)).isEqualTo("坐席甲");
        assertThat(texts.why(entry("acknowledged", null, null))).isEmpty();
    }
}
