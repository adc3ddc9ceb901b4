package cn.talentportal.projections.interview;

import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.domain.interview.InterviewStatus;
import cn.talentportal.domain.interview.PanelMember;
import java.util.List;

/**
 * One interview in a panel member's calendar: the slot as it stands now ({@code rescheduled} when it was moved),
 * the candidate and the opening; {@code reason} is why it was last moved, cancelled or marked a no-show.
 */
public record CalendarEntry(String interviewId, String applicationId, String candidateId, String candidateName,
                            String openingId, String openingTitle, InterviewSlot slot, InterviewStatus status,
                            boolean rescheduled, String reason, List<PanelMember> panel) {

    public boolean cancelled() {
        return status == InterviewStatus.CANCELLED;
    }
}
