package cn.talentportal.domain.candidate;

import cn.talentportal.domain.candidate.CandidateCommands.ExtendOffer;
import cn.talentportal.domain.interview.Interview;
import cn.talentportal.domain.interview.InterviewVerdict;
import cn.talentportal.domain.shared.Require;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Repository;

/**
 * An offer needs a decided interview: the interview gives its verdict (refusing while undecided), the candidate
 * decides whether the verdict and the application allow an offer. Both in one unit of work.
 */
public class OfferCommandHandler {

    private final Repository<Interview> interviews;
    private final Repository<Candidate> candidates;
    private final Clock clock;

    public OfferCommandHandler(Repository<Interview> interviews, Repository<Candidate> candidates, Clock clock) {
        this.interviews = interviews;
        this.candidates = candidates;
        this.clock = clock;
    }

    @CommandHandler
    public void handle(ExtendOffer command, DeadlineManager deadlines) {
        Require.text(command.applicationId(), "application.id", 64);
        Require.text(command.interviewId(), "offer.interview", 64);
        Require.present(command.terms(), "offer.terms");
        InterviewVerdict verdict = interviews.load(command.interviewId())
                .invoke(interview -> interview.verdictFor(command.applicationId()));
        candidates.load(command.candidateId()).execute(candidate ->
                candidate.extendOffer(command.applicationId(), command.terms(), verdict, clock, deadlines));
    }
}
