package cn.talentportal.portal.notification;

import cn.talentportal.domain.alert.JobAlertEvents.JobAlertRaised;
import cn.talentportal.domain.candidate.CandidateEvents.OfferExpired;
import cn.talentportal.domain.candidate.CandidateEvents.OfferExtended;
import cn.talentportal.domain.candidate.OfferTerms;
import cn.talentportal.domain.notification.NotificationEvents.NotificationQueued;
import cn.talentportal.infra.mail.MailSettings;
import cn.talentportal.infra.mail.OutgoingMail;
import cn.talentportal.portal.i18n.TranslationProvider;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Writes the candidate mails of decision 0018 from the event they are about, read back from the store: the offer
 * letter (employer, opening, post, monthly salary, start date, the date by which to answer, where to accept or
 * decline), the offer's expiry, and a job alert (opening, employer, a link to it). Chinese first, English below,
 * as the interview mails: no language preference is kept for recipients.
 */
@Component
public class CandidateMailComposer {

    static final String SEPARATOR = "\n\n----------------------------------------\n\n";
    private static final List<Locale> LANGUAGES = List.of(TranslationProvider.CHINESE, TranslationProvider.ENGLISH);

    private final EventStore eventStore;
    private final TranslationProvider translations;
    private final MailSettings settings;

    public CandidateMailComposer(EventStore eventStore, TranslationProvider translations, MailSettings settings) {
        this.eventStore = eventStore;
        this.translations = translations;
        this.settings = settings;
    }

    /** Where a candidate answers an offer: their applications, with accept and decline on an open offer. */
    public String applicationsLink() {
        return settings.portalUrl() + "/my-applications";
    }

    public String openingLink(String openingId) {
        return settings.portalUrl() + "/alerts/opening/" + openingId;
    }

    public OutgoingMail compose(NotificationQueued queued, String address) {
        Object event = eventAt(queued.aboutId(), queued.aboutVersion());
        return switch (queued.topic()) {
            case OFFER_LETTER -> offerLetter(queued, address, (OfferExtended) event);
            case OFFER_EXPIRED -> offerExpired(queued, address, (OfferExpired) event);
            case JOB_ALERT -> jobAlert(queued, address, (JobAlertRaised) event);
            default -> throw new IllegalArgumentException("not a candidate mail: " + queued.topic());
        };
    }

    private OutgoingMail offerLetter(NotificationQueued queued, String address, OfferExtended offer) {
        OfferTerms terms = offer.terms();
        Function<Locale, Object[]> args = language -> new Object[] {offer.openingTitle(), offer.employerName(),
                terms.post(), yuan(terms.monthlySalary(), language), date(terms.proposedStartDate(), language),
                date(terms.respondBy(), language), applicationsLink()};
        return mail(queued, address, "mail.offer.letter.subject", args,
                List.of("mail.offer.letter.body", "mail.offer.letter.terms", "mail.offer.letter.answer"));
    }

    private OutgoingMail offerExpired(NotificationQueued queued, String address, OfferExpired expired) {
        Function<Locale, Object[]> args = language -> new Object[] {expired.openingTitle(), expired.employerName(),
                date(expired.respondBy(), language), applicationsLink()};
        return mail(queued, address, "mail.offer.expired.subject", args, List.of("mail.offer.expired.body"));
    }

    private OutgoingMail jobAlert(NotificationQueued queued, String address, JobAlertRaised alert) {
        Function<Locale, Object[]> args = language -> new Object[] {alert.openingTitle(), alert.employerName(),
                alert.searchName(), openingLink(alert.openingId()), settings.portalUrl() + "/alerts",
                String.valueOf(CandidateNotifications.ALERT_MAILS_PER_DAY)};
        return mail(queued, address, "mail.jobAlert.subject", args,
                List.of("mail.jobAlert.body", "mail.jobAlert.limit"));
    }

    /** Subject "Chinese / English"; body: greeting, paragraphs and signature in Chinese, then in English. */
    private OutgoingMail mail(NotificationQueued queued, String address, String subjectKey,
                              Function<Locale, Object[]> args, List<String> paragraphs) {
        StringBuilder text = new StringBuilder();
        for (Locale language : LANGUAGES) {
            if (text.length() > 0) {
                text.append(SEPARATOR);
            }
            Object[] values = args.apply(language);
            text.append(translations.getTranslation("mail.greeting", language, queued.recipientName()));
            for (String paragraph : paragraphs) {
                text.append("\n\n").append(translations.getTranslation(paragraph, language, values));
            }
            text.append("\n\n").append(translations.getTranslation("mail.signature", language));
        }
        String subject = translations.getTranslation(subjectKey, TranslationProvider.CHINESE,
                args.apply(TranslationProvider.CHINESE)) + " / "
                + translations.getTranslation(subjectKey, TranslationProvider.ENGLISH,
                args.apply(TranslationProvider.ENGLISH));
        return new OutgoingMail(queued.notificationId(), address, queued.recipientName(), subject, text.toString(),
                null, null);
    }

    private Object eventAt(String streamId, long version) {
        DomainEventStream stream = eventStore.readEvents(streamId, version);
        if (!stream.hasNext()) {
            throw new IllegalStateException("no event " + version + " in " + streamId);
        }
        return stream.next().getPayload();
    }

    private static String yuan(int amount, Locale language) {
        return NumberFormat.getIntegerInstance(language).format(amount);
    }

    private static String date(LocalDate date, Locale language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language).format(date);
    }
}
