package app.ombud.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The embedded store's error lines name the failing command, never the stored document. */
@OmbudIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class StoreLogRedactionTest {

    @Autowired
    DirectoryService directory;

    @Test
    void aDuplicateEmployeeIdLeavesNoPhoneOrEmailInTheLog(CapturedOutput output) {
        String taken = "dup" + Long.toHexString(System.nanoTime());
        TestData.asAdmin(() -> directory.createPerson(new PersonInput(taken, "张三", null, null,
                Set.of(Role.AGENT), true, "13712345678", "zhang.san@example.com")));
        var other = TestData.asAdmin(() -> directory.createPerson(new PersonInput(taken + "b", "李四", null, null,
                Set.of(Role.AGENT), true, null, null)));
        // the update that takes someone else's employee ID fails in the store, with the new phone and e-mail in it
        assertThatThrownBy(() -> TestData.asAdmin(() -> directory.updatePerson(other.id(), new PersonInput(taken,
                "李四", null, null, Set.of(Role.AGENT), true, "13987654321", "li.si@example.com"), other.version())))
                .isInstanceOf(OmbudException.class);

        assertThat(output.getAll()).as("the store still says what failed")
                .contains("failed to handle [findAndModify people]", "code 11000");
        assertThat(output.getAll()).doesNotContain("13987654321", "li.si@example.com", "13712345678",
                "zhang.san@example.com");
    }
}
