package cn.talentportal.infra.mail;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * With {@code spring.mail.host} set, Spring Boot configures a {@link JavaMailSender} and mail goes to that server;
 * without it, to the outbox collection (decision 0013).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
public class MailConfiguration {

    @Bean
    MailTransport mailTransport(ObjectProvider<JavaMailSender> smtp, MongoDatabase database, Clock clock,
                                MailSettings settings) {
        JavaMailSender sender = smtp.getIfAvailable();
        return sender != null ? new SmtpMailTransport(sender, settings) : new OutboxMailTransport(database, clock);
    }

    @Bean
    Outbox outbox(MailTransport transport) {
        if (transport instanceof Outbox outbox) {
            return outbox;
        }
        return new Outbox() {
            @Override
            public List<OutboxEntry> latest(int limit) {
                return List.of();
            }

            @Override
            public boolean active() {
                return false;
            }

            @Override
            public void eraseMailTo(java.util.Collection<String> addresses) {
                // an SMTP server keeps nothing here
            }
        };
    }
}
