package cn.talentportal.domain.candidate;

import cn.talentportal.domain.candidate.Candidate.SigningParty;
import cn.talentportal.domain.candidate.CandidateCommands.SignContract;
import cn.talentportal.domain.opening.Opening;
import cn.talentportal.domain.opening.Opening.OpeningTerms;
import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Signing takes a seat of the opening in the same unit of work as the contract, so an opening's headcount holds
 * across all candidates: the signing that would take one seat too many is refused and stores nothing.
 */
public class SigningCommandHandler {

    private final Repository<Opening> openings;
    private final Repository<Candidate> candidates;
    private final Clock clock;

    public SigningCommandHandler(Repository<Opening> openings, Repository<Candidate> candidates, Clock clock) {
        this.openings = openings;
        this.candidates = candidates;
        this.clock = clock;
    }

    @CommandHandler
    public void handle(SignContract command) {
        Aggregate<Candidate> candidate = candidates.load(command.candidateId());
        // the candidate knows which opening the application is for, and refuses before a seat is taken
        SigningParty party = candidate.invoke(c -> c.readyToSign(command.applicationId(), command.contractYears()));
        OpeningTerms seat = openings.load(party.openingId()).invoke(opening ->
                opening.takeSeat(command.applicationId(), command.candidateId(), party.candidateName()));
        LocalDate today = LocalDate.now(clock);
        candidate.execute(c -> c.signContract(command.applicationId(), command.contractYears(), seat, today));
    }
}
