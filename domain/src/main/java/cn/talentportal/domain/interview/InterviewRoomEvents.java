package cn.talentportal.domain.interview;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * What happened in the online interview room, so an auditor sees that the interview took place, who was there and
 * how long it lasted. Nothing of the audio or video is recorded. Every event names the candidate.
 */
public final class InterviewRoomEvents {

    private InterviewRoomEvents() {
    }

    /** A candidate always joins into the waiting room ({@code waiting}); panel members join straight in. */
    @Revision("1")
    public record ParticipantJoined(String interviewId, String candidateId, String participantId,
                                    String participantName, RoomRole role, boolean waiting, Instant joinedAt) {
    }

    @Revision("1")
    public record ParticipantLeft(String interviewId, String candidateId, String participantId,
                                  String participantName, RoomRole role, Instant leftAt) {
    }

    @Revision("1")
    public record CandidateAdmitted(String interviewId, String candidateId, String candidateName,
                                    String admittedByUserId, String admittedByName, Instant admittedAt) {
    }

    /** {@code reason} is what the browser reported; {@code peerId} is empty when no particular peer was involved. */
    @Revision("1")
    public record ConnectionFailed(String interviewId, String candidateId, String participantId,
                                   String participantName, String peerId, String reason, Instant failedAt) {
    }

    /** {@code startedBy} is the panel member who admitted the candidate or started explicitly. */
    @Revision("1")
    public record InterviewStarted(String interviewId, String candidateId, String candidateName, String openingTitle,
                                   String startedBy, Instant startedAt) {
    }

    /**
     * Ended by a panel member or, {@code endedBy} "system", when the last person left the room. The interview counts
     * as held from here on: scorecards and the outcome follow.
     */
    @Revision("1")
    public record InterviewEnded(String interviewId, String candidateId, String endedBy, Instant startedAt,
                                 Instant endedAt, long durationSeconds) {
    }
}
