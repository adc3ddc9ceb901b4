package cn.talentportal.portal.notification;

import cn.talentportal.domain.interview.InterviewCommands.CancelInterview;
import cn.talentportal.domain.interview.InterviewCommands.RescheduleInterview;
import cn.talentportal.domain.interview.InterviewEvents.InterviewScheduled;
import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.domain.notification.NotificationEvents.NotificationAbandoned;
import cn.talentportal.domain.notification.NotificationEvents.NotificationAttemptFailed;
import cn.talentportal.domain.notification.NotificationEvents.NotificationSent;
import cn.talentportal.domain.notification.RecipientKind;
import cn.talentportal.infra.deadline.MongoDeadlineManager;
import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.TestMailServer;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.journey.ScheduledInterviews;
import cn.talentportal.portal.journey.ScheduledInterviews.Scheduled;
import cn.talentportal.portal.shared.Commands;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.portal.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interview mail against a real SMTP server in the test JVM (GreenMail): invitations with a calendar file that
 * ical4j reads back, a reschedule that updates the same entry, a cancellation that cancels it, reminders when the
 * clock reaches them, and a mail server that is down: retried, then recorded as failed, never lost.
 */
class InterviewMailIntegrationTest extends PortalTestBase {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(TestMailServer.PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private static final DateTimeFormatter ICAL_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;
    @Autowired MongoDeadlineManager deadlines;
    @Autowired EventStore eventStore;
    @Autowired Recipients recipients;

    @AfterEach
    void backToNow() {
        clock.reset();
        actAsNobody();
    }

    @Test
    void the_invitation_update_and_cancellation_are_one_calendar_entry() throws Exception {
        String title = "初中数学教师" + suffix();
        InterviewSlot slot = slotInDays(3);
        Scheduled interview = interviews().schedule("县第二中学" + suffix(), "赵晓雨", title, slot);
        Set<String> everyone = addressesOf(interview);

        List<MimeMessage> invitations = awaitMails(subjectHas("面试邀请：" + title), 3);
        assertThat(recipientsOf(invitations)).isEqualTo(everyone);
        for (MimeMessage invitation : invitations) {
            VEvent entry = entryOf(calendarOf(invitation), "REQUEST");
            assertThat(value(entry, Property.UID)).isEqualTo(InterviewMailComposer.calendarUid(interview.interviewId()));
            assertThat(value(entry, Property.SEQUENCE)).isEqualTo("0");
            assertThat(value(entry, Property.DTSTART)).isEqualTo(ICAL_UTC.format(slot.start()));
            assertThat(value(entry, Property.DTEND)).isEqualTo(ICAL_UTC.format(slot.end()));
            assertThat(value(entry, Property.STATUS)).isEqualTo("CONFIRMED");
            assertThat(invitation.getContent().toString()).isNotEmpty();
        }
        assertThat(textOf(invitations.get(0))).contains("赵晓雨", title, "/interview/" + interview.interviewId(),
                "Dear");

        actAs(interview.recruiter());
        InterviewSlot later = new InterviewSlot(slot.start().plus(Duration.ofDays(1)),
                slot.end().plus(Duration.ofDays(1)));
        commands.send(new RescheduleInterview(interview.interviewId(), later, "考生申请改期"));
        List<MimeMessage> updates = awaitMails(subjectHas("面试时间变更：" + title), 3);
        assertThat(recipientsOf(updates)).isEqualTo(everyone);
        for (MimeMessage update : updates) {
            VEvent entry = entryOf(calendarOf(update), "REQUEST");
            assertThat(value(entry, Property.UID)).isEqualTo(InterviewMailComposer.calendarUid(interview.interviewId()));
            assertThat(value(entry, Property.SEQUENCE)).isEqualTo("1");
            assertThat(value(entry, Property.DTSTART)).isEqualTo(ICAL_UTC.format(later.start()));
        }

        commands.send(new CancelInterview(interview.interviewId(), "岗位已撤销"));
        List<MimeMessage> cancellations = awaitMails(subjectHas("面试取消：" + title), 3);
        assertThat(recipientsOf(cancellations)).isEqualTo(everyone);
        for (MimeMessage cancellation : cancellations) {
            VEvent entry = entryOf(calendarOf(cancellation), "CANCEL");
            assertThat(value(entry, Property.UID)).isEqualTo(InterviewMailComposer.calendarUid(interview.interviewId()));
            assertThat(value(entry, Property.SEQUENCE)).isEqualTo("2");
            assertThat(value(entry, Property.STATUS)).isEqualTo("CANCELLED");
        }

        // every message is an event, and no address is in them
        for (String recipient : recipientIds(interview)) {
            String notificationId = InterviewNotifications.notificationIdFor(interview.interviewId(),
                    scheduledVersion(interview.interviewId()), recipient);
            List<Object> events = eventually(() -> eventsOf(notificationId),
                    e -> e.stream().anyMatch(NotificationSent.class::isInstance), "the invitation recorded as sent");
            assertThat(events).filteredOn(NotificationSent.class::isInstance).singleElement()
                    .satisfies(sent -> assertThat(((NotificationSent) sent).transport()).isEqualTo("smtp"));
            assertThat(events.toString()).doesNotContain(everyone);
        }
    }

    @Test
    void reminders_arrive_a_day_and_an_hour_before_when_the_clock_reaches_them() throws Exception {
        String title = "高中化学教师" + suffix();
        InterviewSlot slot = slotInDays(2);
        Scheduled interview = interviews().schedule("县第三中学" + suffix(), "钱思远", title, slot);
        awaitMails(subjectHas("面试邀请：" + title), 3);

        clock.advance(Duration.between(clock.instant(), slot.start().minus(Duration.ofHours(24))).plusMinutes(1));
        deadlines.pollNow();
        List<MimeMessage> dayBefore = awaitMails(subjectHas("面试提醒：24 小时后开始 · " + title), 3);
        assertThat(recipientsOf(dayBefore)).isEqualTo(addressesOf(interview));

        clock.advance(Duration.ofHours(23));
        deadlines.pollNow();
        List<MimeMessage> hourBefore = awaitMails(subjectHas("面试提醒：1 小时后开始 · " + title), 3);
        assertThat(recipientsOf(hourBefore)).isEqualTo(addressesOf(interview));
        assertThat(textOf(hourBefore.get(0))).contains("约 1 小时后开始", "in about 1 hours");
    }

    @Test
    void a_mail_server_that_is_down_is_retried_and_the_failure_recorded_never_lost() {
        smtp.stop();
        String title = "小学英语教师" + suffix();
        Scheduled interview = interviews().schedule("县实验小学" + suffix(), "孙佳怡", title, slotInDays(5));
        List<String> notifications = recipientIds(interview).stream().map(recipient ->
                InterviewNotifications.notificationIdFor(interview.interviewId(),
                        scheduledVersion(interview.interviewId()), recipient)).toList();

        awaitAttemptFailed(notifications, 1);
        for (Duration wait : List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2))) {
            int next = attemptsOf(notifications.get(0)) + 1;
            clock.advance(wait.plusSeconds(30));
            deadlines.pollNow();
            awaitAttemptFailed(notifications, next);
        }
        for (String notification : notifications) {
            List<Object> events = eventually(() -> eventsOf(notification),
                    e -> e.stream().anyMatch(NotificationAbandoned.class::isInstance), "the message given up");
            NotificationAbandoned abandoned = (NotificationAbandoned) events.get(events.size() - 1);
            assertThat(abandoned.attempts()).isEqualTo(5);
            assertThat(abandoned.lastError()).containsIgnoringCase("connect");
            assertThat(events).filteredOn(NotificationAttemptFailed.class::isInstance).hasSize(5);
        }
    }

    @Test
    void a_message_that_failed_goes_out_when_the_mail_server_is_back() {
        smtp.stop();
        String title = "初中物理教师" + suffix();
        Scheduled interview = interviews().schedule("县第四中学" + suffix(), "周子涵", title, slotInDays(6));
        List<String> notifications = recipientIds(interview).stream().map(recipient ->
                InterviewNotifications.notificationIdFor(interview.interviewId(),
                        scheduledVersion(interview.interviewId()), recipient)).toList();
        awaitAttemptFailed(notifications, 1);

        smtp.start();
        clock.advance(Duration.ofMinutes(2));
        deadlines.pollNow();
        List<MimeMessage> invitations = awaitMails(subjectHas("面试邀请：" + title), 3);
        assertThat(recipientsOf(invitations)).isEqualTo(addressesOf(interview));
        for (String notification : notifications) {
            List<Object> events = eventually(() -> eventsOf(notification),
                    e -> e.stream().anyMatch(NotificationSent.class::isInstance), "the retry recorded as sent");
            assertThat(events).filteredOn(NotificationSent.class::isInstance).singleElement()
                    .satisfies(sent -> assertThat(((NotificationSent) sent).attempt()).isEqualTo(2));
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private ScheduledInterviews interviews() {
        return new ScheduledInterviews(commands, accounts, clock);
    }

    private InterviewSlot slotInDays(int days) {
        Instant start = clock.instant().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.HOURS);
        return new InterviewSlot(start, start.plus(Duration.ofHours(1)));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private List<String> recipientIds(Scheduled interview) {
        return List.of(interview.candidateId(), interview.recruiter().userId(), interview.panelist().userId());
    }

    private Set<String> addressesOf(Scheduled interview) {
        return Set.of(recipients.addressOf(RecipientKind.CANDIDATE, interview.candidateId()).orElseThrow(),
                accounts.emailOfUser(interview.recruiter().userId()).orElseThrow(),
                accounts.emailOfUser(interview.panelist().userId()).orElseThrow());
    }

    private long scheduledVersion(String interviewId) {
        return eventStore.readEvents(interviewId, 0).asStream()
                .filter(m -> m.getPayload() instanceof InterviewScheduled)
                .mapToLong(DomainEventMessage::getSequenceNumber).findFirst().orElseThrow();
    }

    private List<Object> eventsOf(String aggregateId) {
        return eventStore.readEvents(aggregateId, 0).asStream().map(m -> (Object) m.getPayload()).toList();
    }

    private int attemptsOf(String notificationId) {
        return (int) eventsOf(notificationId).stream().filter(NotificationAttemptFailed.class::isInstance).count();
    }

    private void awaitAttemptFailed(List<String> notifications, int attempt) {
        for (String notification : notifications) {
            eventually(() -> attemptsOf(notification), n -> n >= attempt,
                    "attempt " + attempt + " of " + notification + " failed");
        }
    }

    private static Predicate<MimeMessage> subjectHas(String text) {
        return message -> {
            try {
                return message.getSubject() != null && message.getSubject().contains(text);
            } catch (Exception e) {
                return false;
            }
        };
    }

    private static List<MimeMessage> awaitMails(Predicate<MimeMessage> which, int count) {
        return eventually(() -> Arrays.stream(smtp.getReceivedMessages()).filter(which).toList(),
                found -> found.size() >= count, count + " mails");
    }

    private static Set<String> recipientsOf(List<MimeMessage> messages) {
        return messages.stream().flatMap(message -> {
            try {
                return Arrays.stream(message.getAllRecipients());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).map(Address.class::cast).map(a -> ((InternetAddress) a).getAddress()).collect(Collectors.toSet());
    }

    private static String textOf(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = textOfPart(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return content.toString();
    }

    private static String textOfPart(BodyPart part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart nested) {
            for (int i = 0; i < nested.getCount(); i++) {
                String text = textOfPart(nested.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    /** The attached .ics, read back by ical4j. */
    private static Calendar calendarOf(MimeMessage message) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/calendar")) {
                try (InputStream in = part.getInputStream()) {
                    return new CalendarBuilder().build(in);
                }
            }
        }
        throw new AssertionError("no calendar file in " + message.getSubject());
    }

    private static VEvent entryOf(Calendar calendar, String method) {
        assertThat(calendar.getProperty(Property.METHOD).map(Property::getValue)).hasValue(method);
        assertThat(calendar.getComponents(Component.VEVENT)).hasSize(1);
        return (VEvent) calendar.getComponent(Component.VEVENT).orElseThrow();
    }

    private static String value(VEvent entry, String property) {
        return entry.getProperty(property).map(Property::getValue).orElseThrow();
    }
}
