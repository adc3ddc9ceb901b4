package cn.talentportal.domain.interview;

import cn.talentportal.domain.shared.DomainRuleViolation;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * An online interview of one application by a panel. (Contract first: the scheduling, scorecards and outcome
 * are built by the interview work of issue 2.)
 */
public class Interview {

    @AggregateIdentifier
    private String interviewId;
    private String applicationId;
    private InterviewVerdict verdict;

    protected Interview() {
        // for Axon
    }

    /** The decided outcome for the application; refuses when the panel has not decided yet. */
    public InterviewVerdict verdictFor(String applicationId) {
        if (!applicationId.equals(this.applicationId)) {
            throw new DomainRuleViolation("offer.interview.otherApplication");
        }
        if (verdict == null) {
            throw new DomainRuleViolation("offer.interview.notDecided");
        }
        return verdict;
    }
}
