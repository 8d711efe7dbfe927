package app.ombud.calltest;

import java.time.Instant;
import java.util.List;

/**
 * The test-call management group (拨测管理小组): its lead (the customer-service head, who approves
 * the quarterly plans) and its members, all CALLTEST_STAFF people. {@code leadEmployeeId} is null
 * until an admin sets the group.
 */
public record CallTestGroup(String leadEmployeeId, List<String> memberEmployeeIds, String updatedBy,
        Instant updatedAt, long version) {

    public static final CallTestGroup UNSET = new CallTestGroup(null, List.of(), null, null, 0);
}
