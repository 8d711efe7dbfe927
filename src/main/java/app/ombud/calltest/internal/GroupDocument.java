package app.ombud.calltest.internal;

import app.ombud.calltest.CallTestGroup;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** The one management group (拨测管理小组), under the fixed ID {@link #ID}. */
@Document("calltest_group")
public record GroupDocument(@Id String id, String leadEmployeeId, List<String> memberEmployeeIds, String updatedBy,
        Instant updatedAt, @Version Long version) {

    public static final String ID = "group";

    public CallTestGroup view() {
        return new CallTestGroup(leadEmployeeId, List.copyOf(memberEmployeeIds), updatedBy, updatedAt,
                version == null ? 0 : version);
    }
}
