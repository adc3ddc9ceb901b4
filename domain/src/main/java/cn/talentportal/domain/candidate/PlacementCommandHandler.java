package cn.talentportal.domain.candidate;

import cn.talentportal.domain.candidate.Candidate.Placement;
import cn.talentportal.domain.candidate.CandidateCommands.PlaceCandidate;
import cn.talentportal.domain.retention.RetentionCase;
import cn.talentportal.domain.retention.RetentionCommands.OpenRetentionCase;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Repository;

/**
 * Places a signed candidate and opens their retention case in the same unit of work, so a placed talent always has
 * a case (with its 1-, 3- and 5-year milestones) and a case never exists without a placement.
 */
public class PlacementCommandHandler {

    private final Repository<Candidate> candidates;
    private final Repository<RetentionCase> retentionCases;
    private final Clock clock;

    public PlacementCommandHandler(Repository<Candidate> candidates, Repository<RetentionCase> retentionCases,
                                   Clock clock) {
        this.candidates = candidates;
        this.retentionCases = retentionCases;
        this.clock = clock;
    }

    /** The id of the retention case a placement opens: one case per placement, found again from the application. */
    public static String retentionCaseIdOf(String applicationId) {
        return "retention:" + applicationId;
    }

    @CommandHandler
    public Placement handle(PlaceCandidate command, DeadlineManager deadlines) throws Exception {
        Placement placement = candidates.load(command.candidateId()).invoke(candidate ->
                candidate.place(command.applicationId(), command.post(), command.startDate()));
        OpenRetentionCase open = new OpenRetentionCase(retentionCaseIdOf(placement.applicationId()),
                placement.candidateId(), placement.candidateName(), placement.employerUnitId(),
                placement.employerName(), placement.post(), placement.sector(), placement.county(),
                placement.startDate(), placement.signedOn());
        retentionCases.newInstance(() -> new RetentionCase(open, clock, deadlines));
        return placement;
    }
}
