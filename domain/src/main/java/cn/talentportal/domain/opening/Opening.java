package cn.talentportal.domain.opening;

import cn.talentportal.domain.opening.OpeningCommands.CloseOpening;
import cn.talentportal.domain.opening.OpeningCommands.DraftOpening;
import cn.talentportal.domain.opening.OpeningCommands.EditOpening;
import cn.talentportal.domain.opening.OpeningCommands.PauseOpening;
import cn.talentportal.domain.opening.OpeningCommands.PublishOpening;
import cn.talentportal.domain.opening.OpeningCommands.ResumeOpening;
import cn.talentportal.domain.opening.OpeningEvents.OpeningClosed;
import cn.talentportal.domain.opening.OpeningEvents.OpeningDrafted;
import cn.talentportal.domain.opening.OpeningEvents.OpeningEdited;
import cn.talentportal.domain.opening.OpeningEvents.OpeningFilled;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPaused;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPublished;
import cn.talentportal.domain.opening.OpeningEvents.OpeningResumed;
import cn.talentportal.domain.opening.OpeningEvents.OpeningSeatTaken;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Require;
import cn.talentportal.domain.shared.Sector;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A post an employer unit offers: drafted, edited, published to candidates, paused and resumed, filled, closed. */
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
        switch (status) {
            case PUBLISHED -> throw new DomainRuleViolation("opening.publish.alreadyPublished", details.title());
            case PAUSED -> throw new DomainRuleViolation("opening.publish.paused", details.title());
            case FILLED -> throw new DomainRuleViolation("opening.publish.filled", details.title());
            case CLOSED -> throw new DomainRuleViolation("opening.publish.closed", details.title());
            case DRAFT -> {
            }
        }
        List<String> missing = details.missingForPublication();
        if (!missing.isEmpty()) {
            throw new DomainRuleViolation("opening.publish.missingFields", String.join(",", missing));
        }
        apply(new OpeningPublished(openingId, employerUnitId, employerName, details));
    }

    /**
     * Candidates may have applied to a published or paused opening, so its content must stay complete, and seats
     * already signed for cannot be taken away. A headcount lowered to the seats taken fills the opening.
     */
    @CommandHandler
    public void handle(EditOpening command) {
        OpeningDetails edited = Require.present(command.details(), "opening.details");
        if (status == OpeningStatus.CLOSED) {
            throw new DomainRuleViolation("opening.edit.closed", details.title());
        }
        if (status == OpeningStatus.FILLED) {
            throw new DomainRuleViolation("opening.edit.filled", details.title());
        }
        if (status != OpeningStatus.DRAFT) {
            List<String> missing = edited.missingForPublication();
            if (!missing.isEmpty()) {
                throw new DomainRuleViolation("opening.edit.missingFields", String.join(",", missing));
            }
        }
        if (edited.headcount() < seatHolders.size()) {
            throw new DomainRuleViolation("opening.edit.headcountBelowSeatsTaken", details.title(),
                    seatHolders.size());
        }
        apply(new OpeningEdited(openingId, employerUnitId, employerName, edited));
        if (!seatHolders.isEmpty() && seatHolders.size() == edited.headcount()) {
            apply(new OpeningFilled(openingId, edited.title(), edited.headcount()));
        }
    }

    @CommandHandler
    public void handle(PauseOpening command) {
        String reason = Require.text(command.reason(), "opening.pauseReason", 500);
        if (status != OpeningStatus.PUBLISHED) {
            throw new DomainRuleViolation("opening.pause.notPublished", details.title());
        }
        apply(new OpeningPaused(openingId, details.title(), reason));
    }

    /** A resumed opening must still be open for applications: past its deadline, edit the deadline first. */
    @CommandHandler
    public void handle(ResumeOpening command, Clock clock) {
        if (status != OpeningStatus.PAUSED) {
            throw new DomainRuleViolation("opening.resume.notPaused", details.title());
        }
        if (LocalDate.now(clock).isAfter(details.applicationDeadline())) {
            throw new DomainRuleViolation("opening.resume.pastDeadline", details.title(),
                    details.applicationDeadline());
        }
        apply(new OpeningResumed(openingId, employerUnitId, employerName, details));
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
        switch (status) {
            case DRAFT -> throw new DomainRuleViolation("application.opening.notPublished", details.title());
            case PAUSED -> throw new DomainRuleViolation("application.opening.paused", details.title());
            case FILLED -> throw new DomainRuleViolation("application.opening.filled", details.title());
            case CLOSED -> throw new DomainRuleViolation("application.opening.closed", details.title());
            case PUBLISHED -> {
            }
        }
        if (today.isAfter(details.applicationDeadline())) {
            throw new DomainRuleViolation("application.opening.pastDeadline", details.title(),
                    details.applicationDeadline());
        }
        return terms();
    }

    /**
     * The terms a recruitment drive shows when it features the opening. Candidates at a drive see only what was
     * published, so a draft is refused as well as a closed opening; a paused or filled one may still be shown.
     */
    public OpeningTerms describeForFeaturing() {
        if (status == OpeningStatus.CLOSED) {
            throw new DomainRuleViolation("drive.feature.openingClosed", details.title());
        }
        if (status == OpeningStatus.DRAFT) {
            throw new DomainRuleViolation("drive.feature.openingNotPublished", details.title());
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
    void on(OpeningEdited event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(OpeningPaused event) {
        status = OpeningStatus.PAUSED;
    }

    @EventSourcingHandler
    void on(OpeningResumed event) {
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
