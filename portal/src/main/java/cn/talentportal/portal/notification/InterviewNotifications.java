package cn.talentportal.portal.notification;

import cn.talentportal.domain.interview.InterviewEvents.InterviewCancelled;
import cn.talentportal.domain.interview.InterviewEvents.InterviewReminderDue;
import cn.talentportal.domain.interview.InterviewEvents.InterviewRescheduled;
import cn.talentportal.domain.interview.InterviewEvents.InterviewScheduled;
import cn.talentportal.domain.interview.PanelMember;
import cn.talentportal.domain.notification.NotificationCommands.QueueNotification;
import cn.talentportal.domain.notification.NotificationTopic;
import cn.talentportal.domain.notification.RecipientKind;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.interview.InterviewFacts;
import cn.talentportal.portal.interview.InterviewHistory;
import cn.talentportal.portal.shared.Commands;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;

/**
 * The process that tells people about their interviews: when one is scheduled, rescheduled or cancelled, or a
 * reminder is due (24 h and 1 h before, fired by the deadline manager), it queues one notification for the candidate
 * and one for each panel member. Mail delivery follows the queued notifications ({@link MailDelivery}).
 * A replay sends nothing again; a redelivered event queues nothing twice (the id comes from the event).
 */
@Component
@ProcessingGroup(InterviewNotifications.PROCESSING_GROUP)
public class InterviewNotifications {

    public static final String PROCESSING_GROUP = "interview-notifications";

    private final Commands commands;
    private final InterviewHistory history;

    public InterviewNotifications(Commands commands, InterviewHistory history) {
        this.commands = commands;
        this.history = history;
    }

    /** One notification per event of the interview and recipient: the same inputs always give the same id. */
    public static String notificationIdFor(String interviewId, long version, String recipientId) {
        return UUID.nameUUIDFromBytes((interviewId + "/" + version + "/" + recipientId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    @EventHandler
    @DisallowReplay
    void on(InterviewScheduled event, @SequenceNumber long version) {
        queueForEveryone(NotificationTopic.INTERVIEW_INVITATION, event.interviewId(), version, event.candidateId(),
                event.candidateName(), event.panel());
    }

    @EventHandler
    @DisallowReplay
    void on(InterviewRescheduled event, @SequenceNumber long version) {
        InterviewFacts facts = facts(event.interviewId(), version);
        queueForEveryone(NotificationTopic.INTERVIEW_UPDATE, event.interviewId(), version, facts.candidateId(),
                facts.candidateName(), facts.panel());
    }

    @EventHandler
    @DisallowReplay
    void on(InterviewCancelled event, @SequenceNumber long version) {
        InterviewFacts facts = facts(event.interviewId(), version);
        queueForEveryone(NotificationTopic.INTERVIEW_CANCELLATION, event.interviewId(), version, facts.candidateId(),
                facts.candidateName(), facts.panel());
    }

    @EventHandler
    @DisallowReplay
    void on(InterviewReminderDue event, @SequenceNumber long version) {
        queueForEveryone(NotificationTopic.INTERVIEW_REMINDER, event.interviewId(), version, event.candidateId(),
                event.candidateName(), event.panel());
    }

    private InterviewFacts facts(String interviewId, long version) {
        return history.asOf(interviewId, version)
                .orElseThrow(() -> new IllegalStateException("interview " + interviewId + " has no history"));
    }

    private void queueForEveryone(NotificationTopic topic, String interviewId, long version, String candidateId,
                                  String candidateName, List<PanelMember> panel) {
        queue(topic, interviewId, version, candidateId, RecipientKind.CANDIDATE, candidateId, candidateName);
        for (PanelMember member : panel) {
            queue(topic, interviewId, version, candidateId, RecipientKind.USER, member.userId(), member.name());
        }
    }

    private void queue(NotificationTopic topic, String interviewId, long version, String candidateId,
                       RecipientKind kind, String recipientId, String name) {
        try {
            commands.sendAsSystem(new QueueNotification(notificationIdFor(interviewId, version, recipientId), topic,
                    interviewId, version, candidateId, kind, recipientId, name));
        } catch (DomainRuleViolation refusal) {
            if (!"command.concurrentChange".equals(refusal.messageKey())) {
                throw refusal; // the processor retries the event: nothing is lost
            }
            // already queued when this event was delivered before
        } catch (AggregateStreamCreationException alreadyQueued) {
            // the same: the notification's stream exists
        }
    }
}
