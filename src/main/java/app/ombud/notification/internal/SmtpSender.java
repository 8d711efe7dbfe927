package app.ombud.notification.internal;

import app.ombud.notification.Channel;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail through the configured SMTP server (spring.mail.*). The Message-ID is derived from the
 * outbox ID, so a retry after a crash carries the same Message-ID and can be dropped.
 */
class SmtpSender implements MessageSender {

    private final JavaMailSenderImpl mail;
    private final String from;

    SmtpSender(JavaMailSenderImpl mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public boolean supports(Channel channel) {
        return channel == Channel.EMAIL;
    }

    @Override
    public void send(OutboxDocument message) throws MessagingException {
        String messageId = "<" + message.id() + "@ombud>";
        MimeMessage mime = new MimeMessage(mail.getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        var helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(message.recipient());
        helper.setSubject(message.subject() == null ? "" : message.subject());
        helper.setText(message.body() == null ? "" : message.body());
        mail.send(mime);
    }
}
