package cn.talentportal.domain.opening;

import cn.talentportal.domain.opening.OpeningCommands.CloseOpening;
import cn.talentportal.domain.opening.OpeningCommands.DraftOpening;
import cn.talentportal.domain.opening.OpeningCommands.PublishOpening;
import cn.talentportal.domain.opening.OpeningEvents.OpeningClosed;
import cn.talentportal.domain.opening.OpeningEvents.OpeningFilled;
import cn.talentportal.domain.opening.OpeningEvents.OpeningSeatTaken;
import cn.talentportal.domain.opening.OpeningEvents.OpeningDrafted;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPublished;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Require;
import cn.talentportal.domain.shared.Sector;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A post an employer unit offers: drafted, published to candidates, closed. */
public class Opening {

    @AggregateIdentifier
    private String openingId;
    private String employerUnitId;
    private String employerName;
    private OpeningDetails details;
    private OpeningStatus status;
    private final Set<String> seatHolders = new HashSet<>();

    protected Opening() {
        // for Axon
    }

    @CommandHandler
    public Opening(DraftOpening command) {
        Require.text(command.employerUnitId(), "opening.employer", 64);
        String employerName = Require.text(command.employerName(), "opening.employer", 100);
        Require.present(command.details(), "opening.details");
        apply(new OpeningDrafted(command.openingId(), command.employerUnitId(), employerName, command.details()));
    }

    @CommandHandler
    public void handle(PublishOpening command) {
        if (status == OpeningStatus.PUBLISHED) {
            throw new DomainRuleViolation("opening.publish.alreadyPublished", details.title());
        }
        if (status == OpeningStatus.CLOSED) {
            throw new DomainRuleViolation("opening.publish.closed", details.title());
        }
        List<String> missing = details.missingForPublication();
        if (!missing.isEmpty()) {
            throw new DomainRuleViolation("opening.publish.missingFields", String.join(",", missing));
        }
        apply(new OpeningPublished(openingId, employerUnitId, employerName, details));
    }

    @CommandHandler
    public void handle(CloseOpening command) {
        if (status == OpeningStatus.CLOSED) {
            throw new DomainRuleViolation("opening.close.alreadyClosed", details.title());
        }
        String reason = Require.text(command.reason(), "opening.closeReason", 500);
        apply(new OpeningClosed(openingId, details.title(), reason));
    }

    /** The terms under which a candidate applies today; refuses when the opening does not accept applications. */
    public OpeningTerms acceptApplicationOn(LocalDate today) {
        if (status != OpeningStatus.PUBLISHED) {
            throw new DomainRuleViolation(status == OpeningStatus.CLOSED
                    ? "application.opening.closed" : "application.opening.notPublished", details.title());
        }
        if (today.isAfter(details.applicationDeadline())) {
            throw new DomainRuleViolation("application.opening.pastDeadline", details.title(),
                    details.applicationDeadline());
        }
        if (status == OpeningStatus.FILLED) {
            throw new DomainRuleViolation("application.opening.filled", details.title());
        }
        return terms();
    }

    /**
     * Takes one of the opening's seats for a candidate who signs: headcount holds across all candidates because
     * the seat is taken in the same unit of work as the signing. The last seat fills the opening.
     */
    public OpeningTerms takeSeat(String applicationId, String candidateId, String candidateName) {
        if (status == OpeningStatus.CLOSED) {
            throw new DomainRuleViolation("signing.opening.closed", details.title());
        }
        if (seatHolders.contains(candidateId)) {
            throw new DomainRuleViolation("signing.alreadySigned", candidateName, details.title());
        }
        if (status == OpeningStatus.FILLED || seatHolders.size() >= details.headcount()) {
            throw new DomainRuleViolation("signing.opening.full", details.title(), details.headcount());
        }
        int seatsTaken = seatHolders.size() + 1;
        apply(new OpeningSeatTaken(openingId, details.title(), applicationId, candidateId, candidateName, seatsTaken,
                details.headcount()));
        if (seatsTaken == details.headcount()) {
            apply(new OpeningFilled(openingId, details.title(), details.headcount()));
        }
        return terms();
    }

    private OpeningTerms terms() {
        return new OpeningTerms(openingId, details.title(), employerUnitId, employerName, details.sector(),
                details.county());
    }

    /** What an application or a signing records about the opening it was made to. */
    public record OpeningTerms(String openingId, String title, String employerUnitId, String employerName,
                               Sector sector, String county) {
    }

    @EventSourcingHandler
    void on(OpeningDrafted event) {
        openingId = event.openingId();
        employerUnitId = event.employerUnitId();
        employerName = event.employerName();
        details = event.details();
        status = OpeningStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(OpeningPublished event) {
        details = event.details();
        status = OpeningStatus.PUBLISHED;
    }

    @EventSourcingHandler
    void on(OpeningSeatTaken event) {
        seatHolders.add(event.candidateId());
    }

    @EventSourcingHandler
    void on(OpeningFilled event) {
        status = OpeningStatus.FILLED;
    }

    @EventSourcingHandler
    void on(OpeningClosed event) {
        status = OpeningStatus.CLOSED;
    }
}
