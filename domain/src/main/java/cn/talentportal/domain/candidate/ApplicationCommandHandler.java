package cn.talentportal.domain.candidate;

import cn.talentportal.domain.candidate.CandidateCommands.ApplyToOpening;
import cn.talentportal.domain.opening.Opening;
import cn.talentportal.domain.opening.Opening.OpeningTerms;
import cn.talentportal.domain.shared.Require;
import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

/**
 * An application involves two aggregates: the opening decides whether it accepts applications (published, before
 * its deadline), the candidate records the application. Both are loaded in the same unit of work, so a refusal by
 * either stores nothing.
 */
public class ApplicationCommandHandler {

    private final Repository<Opening> openings;
    private final Repository<Candidate> candidates;
    private final Clock clock;

    public ApplicationCommandHandler(Repository<Opening> openings, Repository<Candidate> candidates, Clock clock) {
        this.openings = openings;
        this.candidates = candidates;
        this.clock = clock;
    }

    @CommandHandler
    public void handle(ApplyToOpening command) {
        Require.text(command.applicationId(), "application.id", 64);
        LocalDate today = LocalDate.now(clock);
        OpeningTerms terms = openings.load(command.openingId())
                .invoke(opening -> opening.acceptApplicationOn(today));
        candidates.load(command.candidateId())
                .execute(candidate -> candidate.submitApplication(command.applicationId(), terms));
    }
}
