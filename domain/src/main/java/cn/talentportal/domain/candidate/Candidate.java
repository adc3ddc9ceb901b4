package cn.talentportal.domain.candidate;

import cn.talentportal.domain.candidate.CandidateCommands.AcceptOffer;
import cn.talentportal.domain.candidate.CandidateCommands.DeclineOffer;
import cn.talentportal.domain.candidate.CandidateCommands.GiveConsent;
import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateCommands.ScreenApplication;
import cn.talentportal.domain.candidate.CandidateCommands.UpdateCandidateProfile;
import cn.talentportal.domain.candidate.CandidateCommands.WithdrawApplication;
import cn.talentportal.domain.candidate.CandidateCommands.WithdrawConsent;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationScreenedIn;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationScreenedOut;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationSubmitted;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationWithdrawn;
import cn.talentportal.domain.candidate.CandidateEvents.CandidatePlaced;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateProfileUpdated;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateEvents.ConsentGiven;
import cn.talentportal.domain.candidate.CandidateEvents.ConsentWithdrawn;
import cn.talentportal.domain.candidate.CandidateEvents.ContractSigned;
import cn.talentportal.domain.candidate.CandidateEvents.OfferAccepted;
import cn.talentportal.domain.candidate.CandidateEvents.OfferDeclined;
import cn.talentportal.domain.candidate.CandidateEvents.OfferExpired;
import cn.talentportal.domain.candidate.CandidateEvents.OfferExtended;
import cn.talentportal.domain.candidate.RegistrationClaims.RegistrationKey;
import cn.talentportal.domain.interview.InterviewOutcome;
import cn.talentportal.domain.interview.InterviewVerdict;
import cn.talentportal.domain.opening.Opening.OpeningTerms;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.Require;
import cn.talentportal.domain.shared.Sector;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A graduate or returnee talent: registration, profile, and each application through screening, offer, signing
 * and placement. Applications are entities of the candidate, so every rule about them sees the whole story.
 */
// snapshots of older revisions (revision 1: applications by opening only; 2: no consents) are ignored and the
// stream replayed
@Revision("3")
public class Candidate {

    static final int MAX_CONTRACT_YEARS = 10;

    @AggregateIdentifier
    private String candidateId;
    private String fullName;
    private CandidateProfile profile;
    private final Map<String, CandidateApplication> applications = new HashMap<>();
    /** The purposes consented to now, each with the version of the privacy notice agreed to. */
    private final Map<ConsentPurpose, String> consents = new EnumMap<>(ConsentPurpose.class);

    protected Candidate() {
        // for Axon
    }

    /**
     * Public so that other handlers (drive registration, returnee conversion) create candidates through
     * {@code repository.newInstance(() -> new Candidate(command, claims))} with the same rules.
     */
    @CommandHandler
    public Candidate(RegisterCandidate command, RegistrationClaims claims) {
        Require.text(command.candidateId(), "candidate.id", 64);
        String fullName = Require.text(command.fullName(), "candidate.fullName", 50);
        Require.present(command.phone(), "candidate.phone");
        Require.present(command.email(), "candidate.email");
        Require.present(command.profile(), "candidate.profile");
        Require.present(command.channel(), "candidate.source");
        RegistrationConsent consent = Require.present(command.consent(), "consent.dataUse");
        Require.text(consent.noticeVersion(), "consent.noticeVersion", 20);
        if (!consent.includes(ConsentPurpose.DATA_USE)) {
            // checked before the keys are claimed, so a refused registration reserves nothing
            throw new DomainRuleViolation("consent.dataUse.required");
        }
        claims.claim(command.candidateId(), command.channel().source(), registrationKeys(command))
                .ifPresent(existing -> {
                    // names the kind of key and the holder's channel, never the holder or their data
                    throw new DomainRuleViolation("candidate.duplicate", keyLabel(existing.kind()),
                            "source." + existing.source().name());
                });
        // the birth year as the ID number tells it, kept apart so statistics keep it after an erasure (0035)
        apply(new CandidateRegistered(command.candidateId(), fullName, command.phone(), command.email(),
                command.idNumber(), command.profile(), command.channel(), consent));
    }

    private static List<RegistrationKey> registrationKeys(RegisterCandidate command) {
        List<RegistrationKey> keys = new ArrayList<>();
        if (command.idNumber() != null) {
            keys.add(new RegistrationKey(RegistrationKey.Kind.ID_NUMBER, command.idNumber().value()));
        }
        keys.add(new RegistrationKey(RegistrationKey.Kind.PHONE, command.phone().value()));
        keys.add(new RegistrationKey(RegistrationKey.Kind.EMAIL, command.email().value()));
        return keys;
    }

    private static String keyLabel(RegistrationKey.Kind kind) {
        return switch (kind) {
            case ID_NUMBER -> "candidate.idNumber";
            case PHONE -> "candidate.phone";
            case EMAIL -> "candidate.email";
        };
    }

    @CommandHandler
    public void handle(UpdateCandidateProfile command) {
        Require.present(command.profile(), "candidate.profile");
        if (command.profile().equals(profile)) {
            throw new DomainRuleViolation("candidate.profile.unchanged");
        }
        apply(new CandidateProfileUpdated(candidateId, fullName, command.profile()));
    }

    @CommandHandler
    public void handle(GiveConsent command, Clock clock) {
        ConsentPurpose purpose = Require.present(command.purpose(), "consent.purpose");
        String noticeVersion = Require.text(command.noticeVersion(), "consent.noticeVersion", 20);
        // agreeing again is meaningful only to a newer notice than the one already agreed to
        if (noticeVersion.equals(consents.get(purpose))) {
            throw new DomainRuleViolation("consent.alreadyGiven", "consent.purpose." + purpose.name());
        }
        apply(new ConsentGiven(candidateId, fullName, purpose, noticeVersion, clock.instant()));
    }

    @CommandHandler
    public void handle(WithdrawConsent command, Clock clock) {
        ConsentPurpose purpose = Require.present(command.purpose(), "consent.purpose");
        if (purpose.required()) {
            // the data cannot be kept without it: stopping the processing is an erasure request (privacy)
            throw new DomainRuleViolation("consent.dataUse.withdrawByErasure");
        }
        String noticeVersion = consents.get(purpose);
        if (noticeVersion == null) {
            throw new DomainRuleViolation("consent.notGiven", "consent.purpose." + purpose.name());
        }
        apply(new ConsentWithdrawn(candidateId, fullName, purpose, noticeVersion, clock.instant()));
    }

    /**
     * Asked by the outreach command handler before a campaign records a contact with a candidate converted from
     * the returnee register: refuses unless the candidate consents to outreach contact now.
     */
    public String contactableByOutreach() {
        if (!consents.containsKey(ConsentPurpose.OUTREACH_CONTACT)) {
            throw new DomainRuleViolation("outreach.contact.candidateNoConsent", fullName);
        }
        return fullName;
    }

    /** Called by {@link ApplicationCommandHandler} once the opening has accepted the application. */
    void submitApplication(String applicationId, OpeningTerms opening) {
        // one application per opening, even after withdrawing or being screened out
        if (applications.values().stream().anyMatch(a -> a.openingId().equals(opening.openingId()))) {
            throw new DomainRuleViolation("application.alreadyApplied", opening.title());
        }
        if (applications.containsKey(applicationId)) {
            throw new DomainRuleViolation("application.duplicateId", applicationId);
        }
        apply(new ApplicationSubmitted(candidateId, applicationId, fullName,
                opening.openingId(), opening.title(), opening.employerUnitId(), opening.employerName()));
    }

    @CommandHandler
    public void handle(WithdrawApplication command, DeadlineManager deadlines) {
        String reason = Require.optionalText(command.reason(), "application.withdrawReason", 500);
        CandidateApplication application = application(command.applicationId());
        if (application.stage() == ApplicationStage.WITHDRAWN) {
            throw new DomainRuleViolation("application.withdraw.alreadyWithdrawn", application.openingTitle());
        }
        if (application.stage().signed()) {
            throw new DomainRuleViolation("application.withdraw.signed", application.openingTitle());
        }
        if (application.stage() == ApplicationStage.OFFER_EXTENDED) {
            deadlines.cancelAllWithinScope(offerExpiry(application.applicationId()));
        }
        apply(new ApplicationWithdrawn(candidateId, fullName, application.applicationId(), application.openingId(),
                application.openingTitle(), application.employerUnitId(), application.employerName(), reason));
    }

    @CommandHandler
    public void handle(ScreenApplication command) {
        Require.present(command.decision(), "application.screeningDecision");
        String reason = command.decision() == ScreeningDecision.OUT
                ? Require.text(command.reason(), "application.screeningReason", 500)
                : Require.optionalText(command.reason(), "application.screeningReason", 500);
        CandidateApplication application = application(command.applicationId());
        requireNotWithdrawn(application);
        if (application.stage() != ApplicationStage.SUBMITTED) {
            throw new DomainRuleViolation("screening.alreadyScreened", application.openingTitle());
        }
        if (command.decision() == ScreeningDecision.IN) {
            apply(new ApplicationScreenedIn(candidateId, fullName, application.applicationId(), application.openingId(),
                    application.openingTitle(), application.employerUnitId(), application.employerName(), reason));
        } else {
            apply(new ApplicationScreenedOut(candidateId, fullName, application.applicationId(),
                    application.openingId(), application.openingTitle(), application.employerUnitId(),
                    application.employerName(), reason));
        }
    }

    /**
     * Who is interviewed for what, asked by the interview scheduling handler before it books anyone: the candidate's
     * name and the opening as the application recorded them. Only a live application that passed screening and has
     * no offer yet is interviewed: refuses an unknown, withdrawn, unscreened or screened-out application, one with an
     * offer, and one signed or placed.
     */
    public InterviewParty interviewParty(String applicationId) {
        CandidateApplication application = application(applicationId);
        String title = application.openingTitle();
        return switch (application.stage()) {
            case SCREENED_IN -> new InterviewParty(candidateId, fullName, application.applicationId(),
                    application.openingId(), title);
            case SUBMITTED -> throw new DomainRuleViolation("interview.application.notScreenedIn", title);
            case SCREENED_OUT -> throw new DomainRuleViolation("interview.application.screenedOut", title);
            case WITHDRAWN -> throw new DomainRuleViolation("application.withdrawn", title);
            case OFFER_EXTENDED, OFFER_ACCEPTED, OFFER_DECLINED, OFFER_EXPIRED ->
                    throw new DomainRuleViolation("offer.alreadyExtended", title);
            case SIGNED -> throw new DomainRuleViolation("signing.alreadySigned", fullName, title);
            case PLACED -> throw new DomainRuleViolation("placement.alreadyPlaced", fullName, title);
        };
    }

    /**
     * Called by {@link OfferCommandHandler} with the interview's decided verdict. The offer lapses at the end of
     * {@code respondBy} in the clock's zone unless it is answered first.
     */
    void extendOffer(String applicationId, OfferTerms terms, InterviewVerdict verdict, Clock clock,
                     DeadlineManager deadlines) {
        Require.present(terms, "offer.terms");
        Require.present(verdict, "offer.interview");
        CandidateApplication application = application(applicationId);
        requireNotWithdrawn(application);
        if (application.stage() == ApplicationStage.SUBMITTED || application.stage() == ApplicationStage.SCREENED_OUT) {
            throw new DomainRuleViolation("offer.notScreenedIn", application.openingTitle());
        }
        if (application.stage() != ApplicationStage.SCREENED_IN) {
            throw new DomainRuleViolation("offer.alreadyExtended", application.openingTitle());
        }
        if (!applicationId.equals(verdict.applicationId())) {
            throw new DomainRuleViolation("offer.interview.otherApplication");
        }
        if (verdict.outcome() != InterviewOutcome.RECOMMENDED) {
            throw new DomainRuleViolation("offer.interview.notRecommended", fullName, application.openingTitle());
        }
        if (terms.respondBy().isBefore(LocalDate.now(clock))) {
            throw new DomainRuleViolation("offer.respondBy.past", terms.respondBy());
        }
        apply(new OfferExtended(candidateId, fullName, applicationId, application.openingId(),
                application.openingTitle(), application.employerName(), verdict.interviewId(), terms,
                verdict.reason()));
        deadlines.schedule(terms.respondBy().plusDays(1).atStartOfDay(clock.getZone()).toInstant(),
                offerExpiry(applicationId), new OfferExpiryDue(candidateId, applicationId));
    }

    @CommandHandler
    public void handle(AcceptOffer command, Clock clock, DeadlineManager deadlines) {
        CandidateApplication application = openOffer(command.applicationId(), LocalDate.now(clock));
        deadlines.cancelAllWithinScope(offerExpiry(application.applicationId()));
        apply(new OfferAccepted(candidateId, fullName, application.applicationId(), application.openingId(),
                application.openingTitle(), application.employerName(), application.offer().post()));
    }

    @CommandHandler
    public void handle(DeclineOffer command, Clock clock, DeadlineManager deadlines) {
        String reason = Require.optionalText(command.reason(), "offer.declineReason", 500);
        CandidateApplication application = openOffer(command.applicationId(), LocalDate.now(clock));
        deadlines.cancelAllWithinScope(offerExpiry(application.applicationId()));
        apply(new OfferDeclined(candidateId, fullName, application.applicationId(), application.openingId(),
                application.openingTitle(), application.employerName(), reason));
    }

    /** An offer that may still be answered today: extended, not answered, not past its answer date. */
    private CandidateApplication openOffer(String applicationId, LocalDate today) {
        CandidateApplication application = application(applicationId);
        requireNotWithdrawn(application);
        boolean pastAnswerDate = application.stage() == ApplicationStage.OFFER_EXTENDED
                && today.isAfter(application.offer().respondBy());
        if (application.stage() == ApplicationStage.OFFER_EXPIRED || pastAnswerDate) {
            // the expiry deadline may fire a little late: the answer date decides, not the deadline
            throw new DomainRuleViolation("offer.expired", application.openingTitle(), application.offer().respondBy());
        }
        if (application.stage().offerAnswered()) {
            throw new DomainRuleViolation("offer.alreadyAnswered", application.openingTitle());
        }
        if (application.stage() != ApplicationStage.OFFER_EXTENDED) {
            throw new DomainRuleViolation("offer.none", application.openingTitle());
        }
        return application;
    }

    @DeadlineHandler
    void expire(OfferExpiryDue due) {
        CandidateApplication application = applications.get(due.applicationId());
        if (application != null && application.stage() == ApplicationStage.OFFER_EXTENDED) {
            apply(new OfferExpired(candidateId, fullName, application.applicationId(), application.openingId(),
                    application.openingTitle(), application.employerName(), application.offer().respondBy()));
        }
    }

    /**
     * Called by {@link SigningCommandHandler} before it takes a seat of the opening: who signs for which opening.
     * Refuses unless the offer of the application was accepted.
     */
    SigningParty readyToSign(String applicationId, int contractYears) {
        if (contractYears < 1 || contractYears > MAX_CONTRACT_YEARS) {
            throw new DomainRuleViolation("signing.contractYears.outOfRange", MAX_CONTRACT_YEARS);
        }
        CandidateApplication application = application(applicationId);
        requireNotWithdrawn(application);
        if (application.stage().signed()) {
            throw new DomainRuleViolation("signing.alreadySigned", fullName, application.openingTitle());
        }
        if (application.stage() != ApplicationStage.OFFER_ACCEPTED) {
            throw new DomainRuleViolation("signing.offerNotAccepted", application.openingTitle());
        }
        return new SigningParty(application.openingId(), fullName);
    }

    /** Called by {@link SigningCommandHandler} once the opening has given the candidate a seat. */
    void signContract(String applicationId, int contractYears, OpeningTerms seat, LocalDate signedOn) {
        readyToSign(applicationId, contractYears);
        CandidateApplication application = applications.get(applicationId);
        apply(new ContractSigned(candidateId, fullName, applicationId, application.openingId(),
                application.openingTitle(), application.employerUnitId(), application.employerName(), seat.sector(),
                seat.county(), application.offer().post(), application.offer().monthlySalary(), signedOn,
                contractYears));
    }

    /**
     * The candidate takes up the post they signed for. Returns what a retention case opens with, so the caller can
     * open it in the same unit of work.
     */
    public Placement place(String applicationId, String post, LocalDate startDate) {
        String placedPost = Require.text(post, "placement.post", 80);
        Require.present(startDate, "placement.startDate");
        CandidateApplication application = application(applicationId);
        if (application.stage() == ApplicationStage.PLACED) {
            throw new DomainRuleViolation("placement.alreadyPlaced", fullName, application.openingTitle());
        }
        if (application.stage() != ApplicationStage.SIGNED) {
            throw new DomainRuleViolation("placement.notSigned", application.openingTitle());
        }
        if (startDate.isBefore(application.signedOn())) {
            throw new DomainRuleViolation("placement.startBeforeSigning", startDate, application.signedOn());
        }
        apply(new CandidatePlaced(candidateId, fullName, applicationId, application.openingId(),
                application.openingTitle(), application.employerUnitId(), application.employerName(),
                application.sector(), application.county(), placedPost, startDate, application.signedOn()));
        return new Placement(candidateId, fullName, applicationId, application.openingId(), application.openingTitle(),
                application.employerUnitId(), application.employerName(), application.sector(), application.county(),
                placedPost, startDate, application.signedOn(), profile.hometownCounty(), profile.education());
    }

    private CandidateApplication application(String applicationId) {
        Require.text(applicationId, "application.id", 64);
        CandidateApplication application = applications.get(applicationId);
        if (application == null) {
            throw new DomainRuleViolation("application.unknown", applicationId);
        }
        return application;
    }

    private static void requireNotWithdrawn(CandidateApplication application) {
        if (application.stage() == ApplicationStage.WITHDRAWN) {
            throw new DomainRuleViolation("application.withdrawn", application.openingTitle());
        }
    }

    /** One deadline name per application, so answering one offer cancels only its own expiry. */
    static String offerExpiry(String applicationId) {
        return "offerExpiry:" + applicationId;
    }

    /** The payload of an offer's expiry deadline. */
    public record OfferExpiryDue(String candidateId, String applicationId) {
    }

    /** Who an interview is for, as the application recorded the candidate and the opening. */
    public record InterviewParty(String candidateId, String candidateName, String applicationId, String openingId,
                                 String openingTitle) {
    }

    /** Who signs for which opening, asked before the opening's seat is taken. */
    record SigningParty(String openingId, String candidateName) {
    }

    /** A placement as a retention case needs it: the post and where, plus the talent's roots and education. */
    public record Placement(String candidateId, String candidateName, String applicationId, String openingId,
                            String openingTitle, String employerUnitId, String employerName, Sector sector,
                            String county, String post, LocalDate startDate, LocalDate signedOn,
                            String hometownCounty, Education education) {
    }

    @EventSourcingHandler
    void on(CandidateRegistered event) {
        candidateId = event.candidateId();
        fullName = event.fullName();
        profile = event.profile();
        event.consent().purposes().forEach(purpose -> consents.put(purpose, event.consent().noticeVersion()));
    }

    @EventSourcingHandler
    void on(ConsentGiven event) {
        consents.put(event.purpose(), event.noticeVersion());
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event) {
        consents.remove(event.purpose());
    }

    @EventSourcingHandler
    void on(CandidateProfileUpdated event) {
        profile = event.profile();
    }

    @EventSourcingHandler
    void on(ApplicationSubmitted event) {
        applications.put(event.applicationId(), CandidateApplication.submitted(event.applicationId(),
                event.openingId(), event.openingTitle(), event.employerUnitId(), event.employerName()));
    }

    @EventSourcingHandler
    void on(ApplicationWithdrawn event) {
        move(event.applicationId(), ApplicationStage.WITHDRAWN);
    }

    @EventSourcingHandler
    void on(ApplicationScreenedIn event) {
        move(event.applicationId(), ApplicationStage.SCREENED_IN);
    }

    @EventSourcingHandler
    void on(ApplicationScreenedOut event) {
        move(event.applicationId(), ApplicationStage.SCREENED_OUT);
    }

    @EventSourcingHandler
    void on(OfferExtended event) {
        applications.computeIfPresent(event.applicationId(),
                (id, application) -> application.offered(event.interviewId(), event.terms()));
    }

    @EventSourcingHandler
    void on(OfferAccepted event) {
        move(event.applicationId(), ApplicationStage.OFFER_ACCEPTED);
    }

    @EventSourcingHandler
    void on(OfferDeclined event) {
        move(event.applicationId(), ApplicationStage.OFFER_DECLINED);
    }

    @EventSourcingHandler
    void on(OfferExpired event) {
        move(event.applicationId(), ApplicationStage.OFFER_EXPIRED);
    }

    @EventSourcingHandler
    void on(ContractSigned event) {
        applications.computeIfPresent(event.applicationId(),
                (id, application) -> application.signed(event.sector(), event.county(), event.signedOn()));
    }

    @EventSourcingHandler
    void on(CandidatePlaced event) {
        move(event.applicationId(), ApplicationStage.PLACED);
    }

    private void move(String applicationId, ApplicationStage next) {
        applications.computeIfPresent(applicationId, (id, application) -> application.movedTo(next));
    }
}
