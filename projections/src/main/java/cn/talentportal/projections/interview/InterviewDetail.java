package cn.talentportal.projections.interview;

import cn.talentportal.domain.interview.Criterion;
import cn.talentportal.domain.interview.InterviewOutcome;
import cn.talentportal.domain.interview.Scorecard;
import java.util.List;

/**
 * One interview as its recruiters manage it: the calendar entry, the rubric version it is scored against (never a
 * later revision), the scorecards submitted so far in panel order, and the outcome once decided.
 */
public record InterviewDetail(CalendarEntry entry, String rubricId, String rubricName, int rubricVersion,
                              List<Criterion> criteria, List<Scorecard> scorecards, InterviewOutcome outcome,
                              String averageScore) {

    public boolean scoredBy(String panelMemberUserId) {
        return scorecards.stream().anyMatch(card -> card.panelMemberUserId().equals(panelMemberUserId));
    }
}
