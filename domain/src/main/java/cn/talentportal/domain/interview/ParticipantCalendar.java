package cn.talentportal.domain.interview;

import cn.talentportal.domain.interview.CalendarEvents.InterviewSlotBooked;
import cn.talentportal.domain.interview.CalendarEvents.InterviewSlotReleased;
import cn.talentportal.domain.shared.DomainRuleViolation;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The interview slots booked for one person, panel member or candidate. Booking through this aggregate (not a read
 * model) means two interviews booked at once for the same person cannot both pass: Axon serialises them on the
 * calendar. Created by the first booking ({@code Repository.loadOrCreate}), so it has no creating command.
 */
public class ParticipantCalendar {

    @AggregateIdentifier
    private String calendarId;
    private String participantId;
    private String participantName;
    private final Map<String, Booking> bookingsByInterview = new HashMap<>();

    protected ParticipantCalendar() {
        // for Axon, and for the first booking of a participant
    }

    /** The calendar of a recruiter (user id) or of a candidate (candidate id). */
    public static String calendarIdOf(String participantId) {
        return "calendar:" + participantId;
    }

    /** Books the slot for the interview; refuses when it overlaps a slot booked for another interview. */
    public void book(InterviewSlot slot, String interviewId, String candidateId, String participantId,
                     String participantName) {
        bookingsByInterview.forEach((otherInterviewId, booking) -> {
            if (!otherInterviewId.equals(interviewId) && booking.slot().overlaps(slot)) {
                throw new DomainRuleViolation("interview.participant.doubleBooked", participantName,
                        booking.slot().inOfficeTime());
            }
        });
        apply(new InterviewSlotBooked(participantId, participantName, interviewId, candidateId, slot));
    }

    /** Frees the interview's slot; nothing happens when none is booked for it. */
    public void release(String interviewId) {
        Booking booking = bookingsByInterview.get(interviewId);
        if (booking != null) {
            apply(new InterviewSlotReleased(participantId, participantName, interviewId, booking.candidateId(),
                    booking.slot()));
        }
    }

    @EventSourcingHandler
    void on(InterviewSlotBooked event) {
        calendarId = calendarIdOf(event.participantId());
        participantId = event.participantId();
        participantName = event.participantName();
        bookingsByInterview.put(event.interviewId(), new Booking(event.candidateId(), event.slot()));
    }

    @EventSourcingHandler
    void on(InterviewSlotReleased event) {
        bookingsByInterview.remove(event.interviewId());
    }

    private record Booking(String candidateId, InterviewSlot slot) {
    }
}
