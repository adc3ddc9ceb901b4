package cn.talentportal.domain.notification;

import cn.talentportal.domain.notification.NotificationCommands.QueueNotification;
import cn.talentportal.domain.notification.NotificationCommands.RecordNotificationFailure;
import cn.talentportal.domain.notification.NotificationCommands.RecordNotificationSent;
import cn.talentportal.domain.notification.NotificationEvents.NotificationAbandoned;
import cn.talentportal.domain.notification.NotificationEvents.NotificationAttemptFailed;
import cn.talentportal.domain.notification.NotificationEvents.NotificationQueued;
import cn.talentportal.domain.notification.NotificationEvents.NotificationRetryDue;
import cn.talentportal.domain.notification.NotificationEvents.NotificationSent;
import cn.talentportal.domain.shared.DomainRuleViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.startsWith;

/** One invitation to 李明: queued, sent, or failed and retried until it is sent or given up with its error. */
class NotificationTest {

    static final Instant NOW = Instant.parse("2026-11-21T01:30:00Z");
    static final QueueNotification QUEUE = new QueueNotification("n1", NotificationTopic.INTERVIEW_INVITATION, "i1",
            0, "c1", RecipientKind.CANDIDATE, "c1", "李明");
    static final NotificationQueued QUEUED = new NotificationQueued("n1", NotificationTopic.INTERVIEW_INVITATION,
            "i1", 0, "c1", RecipientKind.CANDIDATE, "c1", "李明", NOW);

    private AggregateTestFixture<Notification> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Notification.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")));
    }

    static NotificationAttemptFailed failed(int attempt, Duration retryAfter) {
        return new NotificationAttemptFailed("n1", "c1", attempt, "Connection refused", NOW,
                retryAfter == null ? null : NOW.plus(retryAfter));
    }

    @Test
    void a_message_is_queued_for_a_recipient_named_by_id() {
        fixture.givenNoPriorActivity().when(QUEUE).expectEvents(QUEUED);
    }

    @Test
    void a_queued_message_names_what_it_is_about_and_whom_it_goes_to() {
        refused(fixture.givenNoPriorActivity(), new QueueNotification("n1", null, "i1", 0, "c1",
                RecipientKind.CANDIDATE, "c1", "李明"), "validation.required [notification.topic]");
        refused(fixture.givenNoPriorActivity(), new QueueNotification("n1", NotificationTopic.INTERVIEW_REMINDER,
                "i1", 3, "c1", RecipientKind.USER, " ", "张老师"), "validation.required [notification.recipient]");
    }

    @Test
    void a_sent_message_is_recorded_once() {
        fixture.given(QUEUED)
                .when(new RecordNotificationSent("n1", "smtp", "<m1@talentportal>"))
                .expectEvents(new NotificationSent("n1", "c1", 1, "smtp", "<m1@talentportal>", NOW));
        refused(fixture.given(QUEUED, new NotificationSent("n1", "c1", 1, "smtp", null, NOW)),
                new RecordNotificationSent("n1", "smtp", null), "notification.alreadySent");
    }

    @Test
    void a_failed_attempt_is_retried_after_a_growing_delay() {
        fixture.given(QUEUED)
                .when(new RecordNotificationFailure("n1", "Connection refused"))
                .expectEvents(failed(1, Duration.ofMinutes(1)))
                .expectScheduledDeadline(NOW.plus(Duration.ofMinutes(1)), 2);
        fixture.given(QUEUED, failed(1, Duration.ofMinutes(1)))
                .when(new RecordNotificationFailure("n1", "Connection refused"))
                .expectEvents(failed(2, Duration.ofMinutes(5)))
                .expectScheduledDeadline(NOW.plus(Duration.ofMinutes(5)), 3);
    }

    @Test
    void the_retry_deadline_asks_the_sender_to_try_again() {
        fixture.givenCurrentTime(NOW).andGiven(QUEUED)
                .andGivenCommands(new RecordNotificationFailure("n1", "Connection refused"))
                .whenTimeElapses(Duration.ofMinutes(1))
                .expectDeadlinesMet(2)
                .expectEvents(new NotificationRetryDue("n1", "c1", NotificationTopic.INTERVIEW_INVITATION, 2));
    }

    @Test
    void a_retry_deadline_after_the_message_went_out_changes_nothing() {
        fixture.givenCurrentTime(NOW).andGiven(QUEUED)
                .andGivenCommands(new RecordNotificationFailure("n1", "Connection refused"),
                        new RecordNotificationSent("n1", "smtp", null))
                .whenTimeElapses(Duration.ofMinutes(1))
                .expectNoEvents();
    }

    @Test
    void after_the_last_attempt_the_message_is_abandoned_with_its_error() {
        fixture.given(QUEUED, failed(1, Duration.ofMinutes(1)), failed(2, Duration.ofMinutes(5)),
                        failed(3, Duration.ofMinutes(30)), failed(4, Duration.ofHours(2)))
                .when(new RecordNotificationFailure("n1", "Connection refused"))
                .expectEvents(failed(5, null), new NotificationAbandoned("n1", "c1", 5, "Connection refused", NOW))
                .expectNoScheduledDeadlines();
        refused(fixture.given(QUEUED, failed(5, null), new NotificationAbandoned("n1", "c1", 5, "x", NOW)),
                new RecordNotificationSent("n1", "smtp", null), "notification.abandoned");
    }

    @Test
    void an_offer_letter_is_queued_about_the_offer_in_the_candidates_stream() {
        // the offer letter is about the OfferExtended event (sequence 7) in the candidate's own stream
        fixture.givenNoPriorActivity()
                .when(new QueueNotification("n2", NotificationTopic.OFFER_LETTER, "c1", 7, "c1",
                        RecipientKind.CANDIDATE, "c1", "李明"))
                .expectEvents(new NotificationQueued("n2", NotificationTopic.OFFER_LETTER, "c1", 7, "c1",
                        RecipientKind.CANDIDATE, "c1", "李明", NOW));
    }

    @Test
    void a_job_alert_mail_is_retried_with_its_topic() {
        // the job alert is about the JobAlertRaised event (sequence 3) in the candidate's alerts stream
        fixture.givenCurrentTime(NOW)
                .andGiven(new NotificationQueued("n3", NotificationTopic.JOB_ALERT, "alerts:c1", 3, "c1",
                        RecipientKind.CANDIDATE, "c1", "李明", NOW))
                .andGivenCommands(new RecordNotificationFailure("n3", "no email address for 李明"))
                .whenTimeElapses(Duration.ofMinutes(1))
                .expectDeadlinesMet(2)
                .expectEvents(new NotificationRetryDue("n3", "c1", NotificationTopic.JOB_ALERT, 2));
    }

    @Test
    void a_lapsed_offer_mail_is_recorded_as_sent() {
        fixture.given(new NotificationQueued("n4", NotificationTopic.OFFER_EXPIRED, "c1", 9, "c1",
                        RecipientKind.CANDIDATE, "c1", "李明", NOW))
                .when(new RecordNotificationSent("n4", "outbox", null))
                .expectEvents(new NotificationSent("n4", "c1", 1, "outbox", null, NOW));
    }

    @Test
    void a_failure_names_its_error() {
        refused(fixture.given(QUEUED), new RecordNotificationFailure("n1", ""),
                "validation.required [notification.error]");
    }

    private static void refused(TestExecutor<Notification> given, Object command, String messageStart) {
        given.when(command)
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith(messageStart))
                .expectNoEvents();
    }
}
