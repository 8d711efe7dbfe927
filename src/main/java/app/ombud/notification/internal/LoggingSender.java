package app.ombud.notification.internal;

import app.ombud.notification.Channel;
import app.ombud.notification.OutboxEntry;
import app.ombud.platform.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default for SMS and e-mail when no gateway or mail server is configured: writes a log
 * line (recipient masked, no text) so the outbox works end to end on a fresh machine. Such a
 * message ends LOGGED, not SENT: nobody received it.
 */
class LoggingSender implements MessageSender {

    private static final Logger log = LoggerFactory.getLogger("ombud.outbox");

    private final Channel channel;

    LoggingSender(Channel channel) {
        this.channel = channel;
    }

    @Override
    public boolean supports(Channel candidate) {
        return candidate == channel;
    }

    @Override
    public OutboxEntry.Status outcome() {
        return OutboxEntry.Status.LOGGED;
    }

    @Override
    public void send(OutboxDocument message) {
        log.info("{} {} to {} (no sender configured: logged only)", channel, message.id(),
                PersonalData.maskContact(message.recipient()));
    }
}
