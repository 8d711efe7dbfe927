package app.ombud.notification;

import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.notification.internal.MessageSender;
import app.ombud.notification.internal.OutboxDispatcher;
import app.ombud.notification.internal.OutboxDocument;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

@OmbudIntegrationTest
class OutboxDispatcherTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Outbox outbox;

    @Autowired
    NotificationService notifications;

    final MovableClock clock = new MovableClock(Instant.now().plusSeconds(3600));
    final List<OutboxDocument> delivered = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    final List<OutboxMessage> waiting = new ArrayList<>();
    OutboxDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        // messages of earlier tests are sent out of the way first
        mongo.updateMulti(new Query(Criteria.where("status").in(OutboxEntry.Status.PENDING, OutboxEntry.Status.SENDING)),
                new Update().set("status", OutboxEntry.Status.SENT), "outbox");
        MessageSender sender = new MessageSender() {
            @Override
            public boolean supports(Channel channel) {
                return true;
            }

            @Override
            public void send(OutboxDocument message) {
                if (failuresLeft.getAndDecrement() > 0) {
                    throw new IllegalStateException("gateway answered 503");
                }
                delivered.add(message);
            }
        };
        var source = new OutboxSource() {
            @Override
            public List<OutboxMessage> pendingMessages(int max) {
                return List.copyOf(waiting);
            }

            @Override
            public void relayed(Collection<OutboxMessage> messages) {
                waiting.removeAll(messages);
            }
        };
        var factory = new StaticListableBeanFactory();
        factory.addBean("source", source);
        ObjectProvider<OutboxSource> sources = factory.getBeanProvider(OutboxSource.class);
        dispatcher = new OutboxDispatcher(mongo, outbox, sources, channel -> sender, clock);
    }

    OutboxMessage sms() {
        return new OutboxMessage(UUID.randomUUID(), Channel.SMS, "13800138000", null, "您好", "Test", "t-1");
    }

    @Test
    void aMessageIsSentOnceEvenWhenEnqueuedTwice() {
        var message = sms();
        assertThat(outbox.enqueue(message)).isTrue();
        assertThat(outbox.enqueue(message)).isFalse();
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();
        assertThat(delivered).extracting(OutboxDocument::id).containsExactly(message.id());
        var entry = asAdmin(() -> outbox.get(message.id()));
        assertThat(entry.status()).isEqualTo(OutboxEntry.Status.SENT);
        assertThat(entry.attempts()).isEqualTo(1);
    }

    @Test
    void failuresAreRetriedWithBackoffAndTheAttemptsShow() {
        var message = sms();
        outbox.enqueue(message);
        failuresLeft.set(2);
        dispatcher.dispatchDue();
        var afterFirst = asAdmin(() -> outbox.get(message.id()));
        assertThat(afterFirst.status()).isEqualTo(OutboxEntry.Status.PENDING);
        assertThat(afterFirst.lastError()).contains("503");
        assertThat(afterFirst.nextAttemptAt()).isAfter(clock.instant());

        dispatcher.dispatchDue();
        assertThat(delivered).isEmpty();
        clock.move(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        clock.move(Duration.ofMinutes(2));
        dispatcher.dispatchDue();

        var entry = asAdmin(() -> outbox.get(message.id()));
        assertThat(entry.status()).isEqualTo(OutboxEntry.Status.SENT);
        assertThat(entry.attempts()).isEqualTo(3);
        assertThat(delivered).hasSize(1);
    }

    @Test
    void afterTheLastAttemptItFailsAndAnAdminCanRetryIt() {
        var message = sms();
        outbox.enqueue(message);
        failuresLeft.set(100);
        for (int i = 0; i < 10; i++) {
            dispatcher.dispatchDue();
            clock.move(Duration.ofHours(2));
        }
        var failed = asAdmin(() -> outbox.get(message.id()));
        assertThat(failed.status()).isEqualTo(OutboxEntry.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(6);

        assertThatThrownBy(() -> TestData.as("x", () -> outbox.retry(message.id()), Role.AGENT))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        failuresLeft.set(0);
        asAdmin(() -> outbox.retry(message.id()));
        clock.move(Duration.ofSeconds(1));
        dispatcher.dispatchDue();
        assertThat(asAdmin(() -> outbox.get(message.id())).status()).isEqualTo(OutboxEntry.Status.SENT);
        assertThatThrownBy(() -> asAdmin(() -> outbox.retry(message.id())))
                .isInstanceOfSatisfying(OmbudException.class, e -> assertThat(e.code()).isEqualTo("OUTBOX_NOT_FAILED"));
    }

    @Test
    void aSendInterruptedByACrashIsSentAgainWithTheSameKeyAndSaysSo() {
        var message = sms();
        outbox.enqueue(message);
        // an instance claimed it and died before recording the result
        mongo.updateFirst(Query.query(Criteria.where("_id").is(message.id())),
                new Update().set("status", OutboxEntry.Status.SENDING).set("attempts", 1)
                        .set("leaseUntil", clock.instant().plusSeconds(60)), "outbox");
        dispatcher.dispatchDue();
        assertThat(delivered).isEmpty();
        clock.move(Duration.ofMinutes(3));
        dispatcher.dispatchDue();
        assertThat(delivered).extracting(OutboxDocument::id).containsExactly(message.id());
        var entry = asAdmin(() -> outbox.get(message.id()));
        assertThat(entry.attempts()).isEqualTo(2);
        assertThat(entry.lastError()).contains("interrupted");
    }

    @Test
    void concurrentDispatchersSendEachMessageOnce() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            var message = sms();
            ids.add(message.id());
            outbox.enqueue(message);
        }
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                pool.submit(() -> {
                    start.await();
                    return dispatcher.dispatchDue();
                });
            }
            start.countDown();
        }
        assertThat(delivered).extracting(OutboxDocument::id).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void messagesWaitingInModuleDocumentsAreRelayedOnce() {
        var message = sms();
        waiting.add(message);
        assertThat(dispatcher.relay()).isEqualTo(1);
        assertThat(dispatcher.relay()).isZero();
        dispatcher.dispatchDue();
        assertThat(delivered).extracting(OutboxDocument::id).containsExactly(message.id());
    }

    @Test
    void aPhoneTaskLandsInThePersonsInboxOnce() {
        var task = new OutboxMessage(UUID.randomUUID(), Channel.PHONE_TASK, "p-" + UUID.randomUUID(), "通知后台值班",
                "请致电 8001", "Test", "t-2");
        var realDispatcher = new OutboxDispatcher(mongo, outbox, new StaticListableBeanFactory()
                .getBeanProvider(OutboxSource.class), channel -> new MessageSender() {
                    @Override
                    public boolean supports(Channel c) {
                        return true;
                    }

                    @Override
                    public void send(OutboxDocument m) {
                        notifications.notify(m.id(), m.recipient(), "notification.phone-task",
                                List.of(m.subject(), m.body()), null);
                    }
                }, clock);
        outbox.enqueue(task);
        realDispatcher.dispatchDue();
        long unread = TestData.as(task.recipient(), () -> notifications.unreadCount(), Role.AGENT);
        assertThat(unread).isEqualTo(1);
        var mine = TestData.as(task.recipient(), () -> notifications.mine(false,
                org.springframework.data.domain.ScrollPosition.keyset(), 10), Role.AGENT);
        assertThat(mine.getContent()).singleElement().satisfies(n -> assertThat(n.args()).contains("通知后台值班"));
        TestData.as(task.recipient(), () -> notifications.markRead(mine.getContent().getFirst().id()), Role.AGENT);
        assertThat(TestData.as(task.recipient(), () -> notifications.unreadCount(), Role.AGENT)).isZero();
        // someone else cannot mark it
        assertThatThrownBy(() -> TestData.as("other", () -> notifications.markRead(mine.getContent().getFirst().id()),
                Role.AGENT)).isInstanceOfSatisfying(OmbudException.class,
                        e -> assertThat(e.code()).isEqualTo("NOTIFICATION_NOT_FOUND"));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aFailureIsLoggedByItsKindOnlyWhileTheAdminSeesItsWholeMessage(CapturedOutput output) {
        var message = sms();
        outbox.enqueue(message);
        var failing = new OutboxDispatcher(mongo, outbox, new StaticListableBeanFactory()
                .getBeanProvider(OutboxSource.class), channel -> new MessageSender() {
                    @Override
                    public boolean supports(Channel c) {
                        return true;
                    }

                    @Override
                    public void send(OutboxDocument m) {
                        throw new IllegalStateException("gateway refused 13911112222: 您好");
                    }
                }, clock);
        failing.dispatchDue();
        assertThat(asAdmin(() -> outbox.get(message.id())).lastError()).contains("13911112222");
        assertThat(output.getAll()).contains(message.id() + " attempt 1 failed, will retry: IllegalStateException")
                .doesNotContain("13911112222");
    }

    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
