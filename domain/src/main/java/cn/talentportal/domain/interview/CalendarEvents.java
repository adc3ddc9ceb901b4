package cn.talentportal.domain.interview;

import org.axonframework.serialization.Revision;

/**
 * What happened to participants' calendars. A participant is a panel member (user id) or the candidate
 * (candidate id); {@code candidateId} names the candidate whose interview the slot is for.
 */
public final class CalendarEvents {

    private CalendarEvents() {
    }

    @Revision("1")
    public record InterviewSlotBooked(String participantId, String participantName, String interviewId,
                                      String candidateId, InterviewSlot slot) {
    }

    @Revision("1")
    public record InterviewSlotReleased(String participantId, String participantName, String interviewId,
                                        String candidateId, InterviewSlot slot) {
    }
}
