package app.ombud.notification.internal;

import app.ombud.notification.Channel;
import app.ombud.notification.NotificationService;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Picks a sender per channel: the SMS gateway when {@code ombud.notification.sms-gateway.url}
 * is set, SMTP when {@code spring.mail.host} is set, else a logging sender; phone tasks always
 * go to the portal inbox.
 */
@Configuration(proxyBeanMethods = false)
class SenderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SenderConfiguration.class);

    @Bean
    Senders senders(NotificationService notifications, ObjectProvider<JavaMailSender> mail,
            @Value("${ombud.notification.mail-from:ombud@localhost}") String from,
            @Value("${ombud.notification.sms-gateway.url:}") String gatewayUrl,
            @Value("${ombud.notification.sms-gateway.username:}") String gatewayUser,
            @Value("${ombud.notification.sms-gateway.password:}") String gatewayPassword,
            @Value("${ombud.notification.sms-gateway.token:}") String gatewayToken) {
        List<MessageSender> senders = new ArrayList<>();
        if (!gatewayUrl.isBlank()) {
            senders.add(new HttpSmsGatewaySender(gatewayUrl, gatewayUser, gatewayPassword, gatewayToken));
            log.info("SMS: HTTP gateway at {}", gatewayUrl);
        } else {
            senders.add(new LoggingSender(Channel.SMS));
            log.info("SMS: no gateway configured, messages are logged only");
        }
        if (mail.getIfAvailable() instanceof JavaMailSenderImpl impl) {
            senders.add(new SmtpSender(impl, from));
            log.info("E-mail: SMTP server {}", impl.getHost());
        } else {
            senders.add(new LoggingSender(Channel.EMAIL));
        }
        senders.add(new PhoneTaskSender(notifications));
        return new Senders(senders);
    }

    /** The sender for each channel. */
    record Senders(List<MessageSender> all) {
        MessageSender forChannel(Channel channel) {
            return all.stream().filter(s -> s.supports(channel)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No sender for " + channel));
        }
    }
}
