package cn.talentportal.domain.interview;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What happens in the online interview room. {@code participantId} is the candidate's id for the candidate and the
 * user id for a panel member, as the interview names them; the portal takes it from the signed-in account.
 */
public final class InterviewRoomCommands {

    private InterviewRoomCommands() {
    }

    /** Answers a {@link RoomPass}; joining again while in the room records nothing new. */
    public record JoinInterviewRoom(@TargetAggregateIdentifier String interviewId, String participantId) {
    }

    public record LeaveInterviewRoom(@TargetAggregateIdentifier String interviewId, String participantId) {
    }

    /** A panel member in the room lets the waiting candidate in; the first admission starts the interview. */
    public record AdmitCandidate(@TargetAggregateIdentifier String interviewId, String panelMemberUserId) {
    }

    /** {@code reason} as the browser gave it (ICE failure, no camera, ...); {@code peerId} whom it failed with. */
    public record ReportConnectionFailure(@TargetAggregateIdentifier String interviewId, String participantId,
                                          String peerId, String reason) {
    }

    /** Starts without the candidate's admission, e.g. when the panel continues by phone. */
    public record StartInterview(@TargetAggregateIdentifier String interviewId, String panelMemberUserId) {
    }

    public record EndInterview(@TargetAggregateIdentifier String interviewId, String panelMemberUserId) {
    }
}
