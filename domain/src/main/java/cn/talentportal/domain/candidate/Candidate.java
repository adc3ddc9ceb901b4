package cn.talentportal.domain.candidate;

import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationSubmitted;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.opening.Opening.OpeningTerms;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Require;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A graduate or returnee talent, from registration through their applications (and, later, placement). */
public class Candidate {

    @AggregateIdentifier
    private String candidateId;
    private String fullName;
    private final Set<String> openingsAppliedTo = new HashSet<>();

    protected Candidate() {
        // for Axon
    }

    @CommandHandler
    public Candidate(RegisterCandidate command) {
        String fullName = Require.text(command.fullName(), "candidate.fullName", 50);
        Require.present(command.phone(), "candidate.phone");
        Require.present(command.email(), "candidate.email");
        Require.present(command.profile(), "candidate.profile");
        Require.present(command.source(), "candidate.source");
        String sourceReference = Require.optionalText(command.sourceReference(), "candidate.sourceReference", 100);
        apply(new CandidateRegistered(command.candidateId(), fullName, command.phone(), command.email(),
                command.profile(), command.source(), sourceReference));
    }

    /** Called by {@link ApplicationCommandHandler} once the opening has accepted the application. */
    void submitApplication(String applicationId, OpeningTerms opening) {
        if (openingsAppliedTo.contains(opening.openingId())) {
            throw new DomainRuleViolation("application.alreadyApplied", opening.title());
        }
        apply(new ApplicationSubmitted(candidateId, applicationId, fullName,
                opening.openingId(), opening.title(), opening.employerUnitId(), opening.employerName()));
    }

    @EventSourcingHandler
    void on(CandidateRegistered event) {
        candidateId = event.candidateId();
        fullName = event.fullName();
    }

    @EventSourcingHandler
    void on(ApplicationSubmitted event) {
        openingsAppliedTo.add(event.openingId());
    }
}
