package cn.talentportal.infra.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Through Spring Mail to the configured SMTP server ({@code spring.mail.host}). */
public class SmtpMailTransport implements MailTransport {

    private final JavaMailSender sender;
    private final MailSettings settings;

    public SmtpMailTransport(JavaMailSender sender, MailSettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public String send(OutgoingMail mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, mail.hasCalendar(),
                    StandardCharsets.UTF_8.name());
            helper.setFrom(new InternetAddress(settings.from(), settings.fromName(), StandardCharsets.UTF_8.name()));
            helper.setTo(new InternetAddress(mail.to(), mail.toName(), StandardCharsets.UTF_8.name()));
            helper.setSubject(mail.subject());
            helper.setText(mail.text());
            if (mail.hasCalendar()) {
                // calendar clients read the METHOD from the content type as well as from the file
                String type = "text/calendar; charset=UTF-8; method=" + mail.calendarMethod();
                helper.addAttachment("interview.ics",
                        new ByteArrayDataSource(mail.calendar().getBytes(StandardCharsets.UTF_8), type));
            }
            message.setHeader("X-Talent-Notification", mail.notificationId());
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailPreparationException(e);
        }
        sender.send(message);
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            return null;
        }
    }
}
