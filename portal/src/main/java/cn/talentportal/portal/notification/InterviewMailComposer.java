package cn.talentportal.portal.notification;

import cn.talentportal.domain.interview.InterviewEvents.InterviewReminderDue;
import cn.talentportal.domain.notification.NotificationEvents.NotificationQueued;
import cn.talentportal.domain.notification.NotificationTopic;
import cn.talentportal.infra.mail.MailSettings;
import cn.talentportal.infra.mail.OutgoingMail;
import cn.talentportal.portal.i18n.TranslationProvider;
import cn.talentportal.portal.interview.InterviewFacts;
import cn.talentportal.portal.interview.InterviewHistory;
import cn.talentportal.portal.shared.PortalFormats;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.springframework.stereotype.Component;

/**
 * Writes the mail of an interview notification as the interview stood at the event it is about: Chinese first,
 * English below (no language preference is kept for recipients), with an iCalendar file for invitations, updates
 * and cancellations. All three carry the same UID, so calendars update or cancel one entry; SEQUENCE grows with each
 * change.
 */
@Component
public class InterviewMailComposer {

    static final String PRODUCT = "-//Talent Portal//Interviews//ZH";

    private final InterviewHistory history;
    private final TranslationProvider translations;
    private final MailSettings settings;
    private final Clock clock;

    public InterviewMailComposer(InterviewHistory history, TranslationProvider translations, MailSettings settings,
                                 Clock clock) {
        this.history = history;
        this.translations = translations;
        this.settings = settings;
        this.clock = clock;
    }

    /** The calendar entry's identity: one per interview, whatever happens to it. */
    public static String calendarUid(String interviewId) {
        return "interview-" + interviewId + "@talentportal";
    }

    public OutgoingMail compose(NotificationQueued queued, String address) {
        InterviewFacts facts = history.asOf(queued.aboutId(), queued.aboutVersion())
                .orElseThrow(() -> new IllegalStateException("no interview " + queued.aboutId()));
        String link = settings.portalUrl() + "/interview/" + facts.interviewId();
        String kind = switch (queued.topic()) {
            case INTERVIEW_INVITATION -> "invitation";
            case INTERVIEW_UPDATE -> "update";
            case INTERVIEW_CANCELLATION -> "cancellation";
            case INTERVIEW_REMINDER -> "reminder";
            default -> throw new IllegalArgumentException("not an interview mail: " + queued.topic());
        };
        int hoursBefore = queued.topic() == NotificationTopic.INTERVIEW_REMINDER
                ? history.eventAt(queued.aboutId(), queued.aboutVersion())
                        .filter(InterviewReminderDue.class::isInstance).map(InterviewReminderDue.class::cast)
                        .map(InterviewReminderDue::hoursBefore).orElse(1)
                : 0;
        StringBuilder text = new StringBuilder();
        List<Locale> languages = List.of(TranslationProvider.CHINESE, TranslationProvider.ENGLISH);
        for (Locale language : languages) {
            if (text.length() > 0) {
                text.append("\n\n----------------------------------------\n\n");
            }
            Object[] args = {queued.recipientName(), facts.candidateName(), facts.openingTitle(),
                    PortalFormats.dateTime(facts.slot().start(), language),
                    PortalFormats.dateTime(facts.slot().end(), language), link, hoursBefore};
            text.append(translations.getTranslation("mail.greeting", language, args)).append("\n\n")
                    .append(translations.getTranslation("mail.interview." + kind + ".body", language, args))
                    .append("\n\n")
                    .append(translations.getTranslation(queued.topic() == NotificationTopic.INTERVIEW_CANCELLATION
                            ? "mail.interview.noRoom" : "mail.interview.room", language, args))
                    .append("\n\n")
                    .append(translations.getTranslation("mail.signature", language));
        }
        Object[] subjectArgs = {facts.openingTitle(), PortalFormats.dateTime(facts.slot().start(),
                TranslationProvider.CHINESE), hoursBefore};
        String subject = translations.getTranslation("mail.interview." + kind + ".subject",
                TranslationProvider.CHINESE, subjectArgs) + " / "
                + translations.getTranslation("mail.interview." + kind + ".subject", TranslationProvider.ENGLISH,
                subjectArgs);
        Method method = queued.topic() == NotificationTopic.INTERVIEW_CANCELLATION
                ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST;
        String calendar = queued.topic() == NotificationTopic.INTERVIEW_REMINDER ? null
                : calendar(facts, method, queued.recipientName(), address, link);
        return new OutgoingMail(queued.notificationId(), address, queued.recipientName(), subject, text.toString(),
                calendar, calendar == null ? null : method.getValue());
    }

    private String calendar(InterviewFacts facts, Method method, String name, String address, String link) {
        String summary = translations.getTranslation("mail.calendar.summary", TranslationProvider.CHINESE,
                facts.openingTitle(), facts.candidateName());
        VEvent event = new VEvent(facts.slot().start(), facts.slot().end(), summary);
        event.add(new Uid(calendarUid(facts.interviewId())));
        event.add(new Sequence(facts.revision()));
        event.add(new DtStamp(clock.instant()));
        event.add(new Description(translations.getTranslation("mail.calendar.description",
                TranslationProvider.CHINESE, link)));
        event.add(new Location(link));
        event.add(new Url(URI.create(link)));
        event.add(new Organizer(new ParameterList(List.of(new Cn(settings.fromName()))),
                URI.create("mailto:" + settings.from())));
        event.add(new Attendee(new ParameterList(List.of(new Cn(name), Role.REQ_PARTICIPANT)),
                URI.create("mailto:" + address)));
        event.add(method == ImmutableMethod.CANCEL ? ImmutableStatus.VEVENT_CANCELLED
                : ImmutableStatus.VEVENT_CONFIRMED);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method);
        calendar.add(event);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("Could not write the calendar file of interview " + facts.interviewId(),
                    e);
        }
        return out.toString();
    }
}
