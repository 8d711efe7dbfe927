package app.ombud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The masking kit: what it finds in free text, how it masks it, and what it leaves alone. */
class PersonalDataTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "客户电话13812345678，请回电|客户电话138****5678，请回电",
        "call 138 1234 5678 or 139-8765-4321|call 138****5678 or 139****4321",
        "+86 13812345678 / +86-138-1234-5678 / 8613812345678|+86 138****5678 / +86 138****5678 / 86 138****5678",
        "座机 010-12345678，分机另询|座机 010-****5678，分机另询",
        "(0755)1234567 或 0755 12345678 或 02112345678|0755-***4567 或 0755-****5678 或 021-****5678",
        "身份证 11010119900307123X 核对|身份证 110101********123X 核对",
        "身份证号 110101 19900307 1234|身份证号 110101********1234",
        "旧证 110101900307123|旧证 110101*****7123",
        "邮件 zhang.san@example.com.cn 已回复|邮件 z***@example.com.cn 已回复",
    })
    void freeTextHasItsNumbersAndAddressesMasked(String text, String masked) {
        assertThat(PersonalData.maskText(text)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "KS-20261122-0001 与 BM-20261122-0002",
        "2026-11-22T09:30:00Z 截止",
        "赔偿 1200.50 元，共 3 次",
        "热线 10010，工号 1701",
        "138123456789 is twelve digits",
        "1234567 seven digits without area code",
        "3f2b1c4e-8a6d-4e21-9b7f-0c5d2e1a9f33",
    })
    void otherTextStaysAsWritten(String text) {
        assertThat(PersonalData.maskText(text)).isEqualTo(text);
    }

    record Note(String text, Instant at, int count) {
    }

    record View(UUID id, String number, String description, List<Note> notes, Set<String> tags, Map<String, String> byLanguage,
            Note last) {
    }

    @Test
    void aWholeViewHasEveryStringInItMaskedAndNothingElse() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-22T01:30:00Z");
        var view = new View(id, "KS-20261122-0001", "客户 13812345678 投诉",
                List.of(new Note("已致电 0755-1234567", at, 1), new Note("无号码", at, 2)),
                Set.of("回访 13912345678"), Map.of("zh", "邮件 li@example.com"), new Note("身份证 11010119900307123X", at, 3));

        View masked = PersonalData.maskTexts(view);

        assertThat(masked).isEqualTo(new View(id, "KS-20261122-0001", "客户 138****5678 投诉",
                List.of(new Note("已致电 0755-***4567", at, 1), new Note("无号码", at, 2)),
                Set.of("回访 139****5678"), Map.of("zh", "邮件 l***@example.com"),
                new Note("身份证 110101********123X", at, 3)));
        assertThat(masked.notes().get(1)).isSameAs(view.notes().get(1));
        assertThat(PersonalData.maskTexts(List.of(new Note("无号码", at, 1)))).isEqualTo(List.of(new Note("无号码", at, 1)));
    }

    @Test
    void fieldsOfTheirOwnAndNames() {
        assertThat(PersonalData.maskContact("13812345678")).isEqualTo("138****5678");
        assertThat(PersonalData.maskContact("zhang@example.com")).isEqualTo("z***@example.com");
        assertThat(PersonalData.maskContact("95588")).isEqualTo("****");
        assertThat(PersonalData.maskContact("4008123456")).isEqualTo("400****3456");
        assertThat(PersonalData.maskContact(null)).isNull();
        assertThat(PersonalData.maskName("李女士")).isEqualTo("李**");
        assertThat(PersonalData.maskName("𠮷野")).isEqualTo("𠮷*");
    }

    @Test
    void personalDataIsHiddenFromBiReadersWithoutARoleThatSeesIt() {
        assertThat(PersonalData.hiddenFrom(actor(Role.BI_READER))).isTrue();
        assertThat(PersonalData.hiddenFrom(actor(Role.BI_READER, Role.AGENT))).isTrue();
        assertThat(PersonalData.hiddenFrom(actor(Role.BI_READER, Role.LEADERSHIP))).isFalse();
        assertThat(PersonalData.hiddenFrom(actor(Role.AGENT))).isFalse();
    }

    private static Actor actor(Role... roles) {
        return new Actor(Actor.Kind.CLIENT, "bi", "bi", null, Set.of(roles));
    }
}
