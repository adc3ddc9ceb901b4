package cn.talentportal.infra.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code talent.mail.from} / {@code .from-name}: the sender of the portal's mail; {@code .portal-url}: the address
 * links in mail point to. The SMTP server itself is Spring's {@code spring.mail.host}, {@code .port},
 * {@code .username}, {@code .password}.
 */
@ConfigurationProperties("talent.mail")
public record MailSettings(String from, String fromName, String portalUrl) {

    public MailSettings {
        from = from == null || from.isBlank() ? "talent-portal@localhost" : from.strip();
        fromName = fromName == null || fromName.isBlank() ? "县人才服务平台" : fromName.strip();
        portalUrl = portalUrl == null || portalUrl.isBlank() ? "http://localhost:8080" : portalUrl.strip();
        if (portalUrl.endsWith("/")) {
            portalUrl = portalUrl.substring(0, portalUrl.length() - 1);
        }
    }
}
