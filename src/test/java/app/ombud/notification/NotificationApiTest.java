package app.ombud.notification;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.platform.Role;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OmbudIntegrationTest
class NotificationApiTest {

    @Autowired
    ApiAccess api;

    @Autowired
    Outbox outbox;

    @Test
    void adminsSeeTheOutboxOthersDoNot() {
        var message = new OutboxMessage(UUID.randomUUID(), Channel.EMAIL, "lead@example.com", "升级申请待审批", "请审批",
                "Test", "api");
        outbox.enqueue(message);
        api.as(Role.ADMIN).document("""
                query($status: OutboxStatus) { outboxMessages(status: $status, first: 100) {
                  edges { node { id channel status attempts recipient } } } }
                """).variable("status", "PENDING").execute()
                .path("outboxMessages.edges[*].node.id").entityList(String.class).contains(message.id().toString());

        for (Role role : new Role[] {Role.BI_READER, Role.AGENT}) {
            api.as(role).document("{ outboxMessages(first: 5) { edges { node { id } } } }").execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
            api.as(role).document("mutation($id: UUID!) { retryOutboxMessage(id: $id) { id } }")
                    .variable("id", message.id().toString()).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        }
        api.as(Role.ADMIN).document("mutation($id: UUID!) { retryOutboxMessage(id: $id) { id } }")
                .variable("id", message.id().toString()).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "OUTBOX_NOT_FAILED")));
    }

    @Test
    void aClientHasItsOwnEmptyInbox() {
        api.as(Role.BI_READER).document("{ unreadNotificationCount myNotifications(first: 5) { edges { node { id text } } } }")
                .execute()
                .path("unreadNotificationCount").entity(Integer.class).isEqualTo(0)
                .path("myNotifications.edges").entityList(Object.class).hasSize(0);
    }
}
