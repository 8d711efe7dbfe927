package app.ombud.panel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.panel.Choice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BallotSealTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @TempDir
    Path dir;

    @Test
    void aSealedChoiceOpensOnlyForItsPanelAndReceiptAndLooksTheSameLengthForBothChoices() {
        var seal = new BallotSeal(KEY, dir.resolve("unused.key"));
        UUID panel = UUID.randomUUID();
        String receipt = seal.newReceipt();
        String uphold = seal.seal(panel, receipt, Choice.UPHOLD);
        String overturn = seal.seal(panel, receipt, Choice.OVERTURN);
        assertThat(uphold).hasSameSizeAs(overturn);
        assertThat(seal.seal(panel, receipt, Choice.UPHOLD)).as("a fresh nonce each time").isNotEqualTo(uphold);
        assertThat(seal.open(panel, receipt, uphold)).isEqualTo(Choice.UPHOLD);
        assertThat(seal.open(panel, receipt, overturn)).isEqualTo(Choice.OVERTURN);
        assertThatThrownBy(() -> seal.open(UUID.randomUUID(), receipt, uphold)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> seal.open(panel, seal.newReceipt(), uphold)).isInstanceOf(IllegalStateException.class);
        var otherKey = new BallotSeal(Base64.getEncoder().encodeToString("another-key-of-32-bytes-length!!".getBytes()),
                dir.resolve("unused.key"));
        assertThatThrownBy(() -> otherKey.open(panel, receipt, uphold)).isInstanceOf(IllegalStateException.class);
        assertThat(otherKey.keyId()).isNotEqualTo(seal.keyId());
        assertThat(seal.keyId()).doesNotContain(KEY);
    }

    @Test
    void voterTagsDifferPerPanelAndNeverContainTheMember() {
        var seal = new BallotSeal(KEY, dir.resolve("unused.key"));
        UUID a = UUID.randomUUID();
        assertThat(seal.voterTag(a, "1701")).isEqualTo(seal.voterTag(a, "1701"))
                .isNotEqualTo(seal.voterTag(UUID.randomUUID(), "1701")).isNotEqualTo(seal.voterTag(a, "1702"))
                .doesNotContain("1701");
        assertThat(seal.newReceipt()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
    }

    @Test
    void withoutAConfiguredKeyOneIsCreatedInTheKeyFileOnFirstUseAndKeptAcrossRestarts() throws Exception {
        Path file = dir.resolve("data").resolve("ballot.key");
        var first = new BallotSeal("", file);
        assertThat(file).doesNotExist();
        String id = first.keyId();
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        var second = new BallotSeal(" ", file);
        assertThat(second.keyId()).isEqualTo(id);
        UUID panel = UUID.randomUUID();
        assertThat(second.open(panel, "R", first.seal(panel, "R", Choice.OVERTURN))).isEqualTo(Choice.OVERTURN);
        assertThatThrownBy(() -> new BallotSeal("c2hvcnQ=", file).keyId()).isInstanceOf(IllegalStateException.class);
    }
}
