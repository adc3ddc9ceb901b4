package cn.talentportal.domain.candidate;

import cn.talentportal.domain.candidate.Candidate.Placement;
import cn.talentportal.domain.candidate.CandidateCommands.PlaceCandidate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

/**
 * Places a signed candidate. A handler of its own rather than an aggregate command handler because a placement
 * opens the talent's retention case in the same unit of work, from the {@link Placement} the candidate returns.
 */
public class PlacementCommandHandler {

    private final Repository<Candidate> candidates;

    public PlacementCommandHandler(Repository<Candidate> candidates) {
        this.candidates = candidates;
    }

    @CommandHandler
    public Placement handle(PlaceCandidate command) {
        // the placement is what the retention case opens with
        return candidates.load(command.candidateId()).invoke(candidate ->
                candidate.place(command.applicationId(), command.post(), command.startDate()));
    }
}
