package cn.talentportal.portal.interview;

import cn.talentportal.domain.interview.Criterion;
import cn.talentportal.domain.interview.PanelMember;
import cn.talentportal.domain.interview.InterviewSlot;
import java.util.List;

/**
 * An interview as its stream tells it at one event ({@code version}, the sequence number): what the room, the
 * scorecard and the invitation mails show. {@code revision} counts the changes to the appointment (rescheduled,
 * cancelled): the SEQUENCE of its calendar entry.
 */
public record InterviewFacts(String interviewId, String candidateId, String candidateName, String openingTitle,
                             List<PanelMember> panel, InterviewSlot slot, String rubricName, List<Criterion> criteria,
                             Stage stage, long version, int revision) {

    public enum Stage {
        SCHEDULED, STARTED, HELD, NO_SHOW, CANCELLED, DECIDED
    }

    public boolean isPanelMember(String userId) {
        return panel.stream().anyMatch(member -> member.userId().equals(userId));
    }

    public boolean invites(String participantId) {
        return candidateId.equals(participantId) || isPanelMember(participantId);
    }

    InterviewFacts with(Stage newStage, InterviewSlot newSlot, long newVersion) {
        return new InterviewFacts(interviewId, candidateId, candidateName, openingTitle, panel, newSlot, rubricName,
                criteria, newStage, newVersion, revision);
    }

    InterviewFacts revised(Stage newStage, InterviewSlot newSlot, long newVersion) {
        return new InterviewFacts(interviewId, candidateId, candidateName, openingTitle, panel, newSlot, rubricName,
                criteria, newStage, newVersion, revision + 1);
    }
}
