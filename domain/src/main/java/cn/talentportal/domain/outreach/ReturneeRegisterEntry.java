package cn.talentportal.domain.outreach;

import cn.talentportal.domain.outreach.ReturneeRegisterCommands.AddToReturneeRegister;
import cn.talentportal.domain.outreach.ReturneeRegisterCommands.GiveContactConsent;
import cn.talentportal.domain.outreach.ReturneeRegisterCommands.UpdateRegisterEntry;
import cn.talentportal.domain.outreach.ReturneeRegisterCommands.WithdrawContactConsent;
import cn.talentportal.domain.outreach.ReturneeRegisterEvents.ContactConsentGiven;
import cn.talentportal.domain.outreach.ReturneeRegisterEvents.ContactConsentWithdrawn;
import cn.talentportal.domain.outreach.ReturneeRegisterEvents.NativeAddedToRegister;
import cn.talentportal.domain.outreach.ReturneeRegisterEvents.RegisterEntryUpdated;
import cn.talentportal.domain.outreach.ReturneeRegisterEvents.ReturneeConvertedToCandidate;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.domain.shared.Require;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A native of the district working elsewhere, in the register the office keeps to win them back: where they work,
 * whether they agreed to be contacted, and whether they became a candidate.
 */
public class ReturneeRegisterEntry {

    @AggregateIdentifier
    private String entryId;
    private String fullName;
    private String hometownCounty;
    private String currentCity;
    private String currentEmployer;
    private String professionalField;
    private PhoneNumber phone;
    private EmailAddress email;
    private boolean contactConsent;
    private String candidateId;

    protected ReturneeRegisterEntry() {
        // for Axon
    }

    @CommandHandler
    public ReturneeRegisterEntry(AddToReturneeRegister command) {
        String fullName = Require.text(command.fullName(), "outreach.fullName", 50);
        String hometownCounty = Require.text(command.hometownCounty(), "outreach.hometownCounty", 50);
        String currentCity = Require.text(command.currentCity(), "outreach.currentCity", 50);
        String currentEmployer = Require.optionalText(command.currentEmployer(), "outreach.currentEmployer", 100);
        String professionalField = Require.optionalText(command.professionalField(), "outreach.professionalField", 50);
        apply(new NativeAddedToRegister(command.entryId(), fullName, hometownCounty, currentCity, currentEmployer,
                professionalField, command.phone(), command.email(), command.contactConsent()));
    }

    @CommandHandler
    public void handle(GiveContactConsent command) {
        String channelNote = Require.text(command.channelNote(), "outreach.channelNote", 200);
        if (contactConsent) {
            throw new DomainRuleViolation("outreach.consent.alreadyGiven", fullName);
        }
        apply(new ContactConsentGiven(entryId, fullName, channelNote));
    }

    @CommandHandler
    public void handle(WithdrawContactConsent command) {
        String reason = Require.optionalText(command.reason(), "outreach.withdrawalReason", 500);
        if (!contactConsent) {
            throw new DomainRuleViolation("outreach.consent.notGiven", fullName);
        }
        apply(new ContactConsentWithdrawn(entryId, fullName, reason));
    }

    @CommandHandler
    public void handle(UpdateRegisterEntry command) {
        if (candidateId != null) {
            throw new DomainRuleViolation("outreach.register.converted", fullName);
        }
        String city = Require.text(command.currentCity(), "outreach.currentCity", 50);
        String employer = Require.optionalText(command.currentEmployer(), "outreach.currentEmployer", 100);
        String field = Require.optionalText(command.professionalField(), "outreach.professionalField", 50);
        if (city.equals(currentCity) && Objects.equals(employer, currentEmployer)
                && Objects.equals(field, professionalField)) {
            throw new DomainRuleViolation("outreach.register.unchanged");
        }
        apply(new RegisterEntryUpdated(entryId, fullName, city, employer, field));
    }

    /**
     * Marks the native as having become a candidate and hands over what the register knows, so the integrator
     * registers the candidate in the same unit of work. An entry becomes a candidate once.
     */
    public ReturneeDetails convertToCandidate(String candidateId) {
        String id = Require.text(candidateId, "outreach.candidateId", 64);
        if (this.candidateId != null) {
            throw new DomainRuleViolation("outreach.register.alreadyConverted", fullName);
        }
        apply(new ReturneeConvertedToCandidate(entryId, id, fullName));
        return new ReturneeDetails(entryId, fullName, hometownCounty, currentCity, phone, email, contactConsent);
    }

    /**
     * Who a campaign may contact, asked by {@link OutreachCommandHandler}; refuses without consent. Once the native
     * became a candidate, the candidate's own consent decides (they change it on their profile, not here), so the
     * contact names the candidate for the handler to ask.
     */
    ReturneeContact contactWithConsent() {
        if (candidateId == null && !contactConsent) {
            throw new DomainRuleViolation("outreach.contact.noConsent", fullName);
        }
        return new ReturneeContact(entryId, fullName, hometownCounty, candidateId);
    }

    /** A native a campaign contacts, as the contact records them; {@code candidateId} is null before conversion. */
    record ReturneeContact(String entryId, String fullName, String hometownCounty, String candidateId) {
    }

    @EventSourcingHandler
    void on(NativeAddedToRegister event) {
        entryId = event.entryId();
        fullName = event.fullName();
        hometownCounty = event.hometownCounty();
        currentCity = event.currentCity();
        currentEmployer = event.currentEmployer();
        professionalField = event.professionalField();
        phone = event.phone();
        email = event.email();
        contactConsent = event.contactConsent();
    }

    @EventSourcingHandler
    void on(ContactConsentGiven event) {
        contactConsent = true;
    }

    @EventSourcingHandler
    void on(ContactConsentWithdrawn event) {
        contactConsent = false;
    }

    @EventSourcingHandler
    void on(RegisterEntryUpdated event) {
        currentCity = event.currentCity();
        currentEmployer = event.currentEmployer();
        professionalField = event.professionalField();
    }

    @EventSourcingHandler
    void on(ReturneeConvertedToCandidate event) {
        candidateId = event.candidateId();
    }
}
