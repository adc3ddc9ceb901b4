package cn.talentportal.domain.interview;

import java.util.List;

/** Whose calendars an interview occupies, and when: what {@link InterviewSchedulingHandler} books or releases. */
record InterviewBooking(String interviewId, String candidateId, InterviewSlot slot, List<Participant> participants) {

    /** The candidate or a panel member, by the id their calendar is kept under. */
    record Participant(String participantId, String name) {
    }
}
