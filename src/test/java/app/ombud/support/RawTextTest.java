package app.ombud.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RawTextTest {

    @Test
    void findsCodesPathsEnglishAndUtcTimes() {
        assertThat(RawText.in("路由：FRONT_DESK")).containsExactly("FRONT_DESK");
        assertThat(RawText.in("grading.levels[2].name 已修改")).containsExactly("grading.levels[2].name");
        assertThat(RawText.in("定级 level 1 … policy v1")).containsExactly("level", "policy");
        assertThat(RawText.in("处理于 2026-11-22T08:00:00Z")).containsExactly("2026-11-22T08:00:00Z");
        assertThat(RawText.in("satisfaction 4: 满意")).containsExactly("satisfaction");
        assertThat(RawText.in("周期 2026-12、2026-Q4、2026-W49")).containsExactly("2026-12", "2026-Q4", "2026-W49");
    }

    @Test
    void letsNumbersIdsAddressesAndProductNamesPass() {
        assertThat(RawText.in("KS-20261122-0001 坐席 A1001 张三 zhang.san@example.com 2026-11-22 16:00 Ombud API"))
                .isEmpty();
        assertThat(RawText.in("回执 7K2M-9QXD-4T8B-ZP3N")).isEmpty();
        assertThat(RawText.in("2026年12月 2026年第四季度 2026年第49周 2026-12-01 至 2026-12-31")).isEmpty();
        assertThat(RawText.in("添加文件（PDF、JPG、PNG、MP3、WAV、TXT、DOCX、XLSX 格式）")).isEmpty();
        assertThat(RawText.in("添加文件（pdf、docx）")).containsExactly("pdf", "docx");
    }
}
