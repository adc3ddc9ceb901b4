package cn.talentportal.domain.journey;

import cn.talentportal.domain.candidate.CandidateCommands.GiveConsent;
import cn.talentportal.domain.candidate.CandidateCommands.WithdrawConsent;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.outreach.OutreachChannel;
import cn.talentportal.domain.outreach.OutreachCommands.LaunchCampaign;
import cn.talentportal.domain.outreach.OutreachCommands.RecordOutreachContact;
import cn.talentportal.domain.outreach.OutreachEvents.ReturneeContacted;
import cn.talentportal.domain.outreach.OutreachResponse;
import cn.talentportal.domain.outreach.ReturneeRegisterCommands.AddToReturneeRegister;
import cn.talentportal.domain.outreach.ReturneeRegisterCommands.ConvertReturneeToCandidate;
import cn.talentportal.domain.outreach.ReturneeRegisterCommands.WithdrawContactConsent;
import cn.talentportal.domain.outreach.ReturneeRegisterEvents.ReturneeConvertedToCandidate;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.OUTREACH_CONTACT;
import static cn.talentportal.domain.journey.Journey.PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consent across aggregates: a returnee's contact consent carries over on conversion, and from then on the
 * candidate's own consent decides whether an outreach campaign may contact them.
 */
class ConsentJourneyTest {

    static final RegistrationConsent DATA_USE_ONLY = RegistrationConsent.given("2026-11", DATA_USE);

    private final Journey journey = new Journey();

    @BeforeEach
    void campaign() {
        journey.send(new LaunchCampaign("k1", "返乡人才恳谈", OutreachChannel.PHONE, "家乡欢迎你", null,
                Journey.TODAY.plusDays(30)));
    }

    @AfterEach
    void stop() {
        journey.close();
    }

    private void onTheRegister(boolean contactConsent) {
        journey.send(new AddToReturneeRegister("e1", "陈静", "城关镇", "深圳", null, "软件开发",
                new PhoneNumber("13800138001"), new EmailAddress("chenjing@example.cn"), contactConsent));
    }

    private static ConvertReturneeToCandidate convert(RegistrationConsent consent) {
        return new ConvertReturneeToCandidate("e1", "c1", null, null, null, PROFILE, consent);
    }

    private static RecordOutreachContact contact() {
        return new RecordOutreachContact("k1", "e1", OutreachResponse.INTERESTED, null);
    }

    @Test
    void a_conversion_without_consent_to_data_use_converts_nothing() {
        onTheRegister(true);

        journey.assertRefused(convert(RegistrationConsent.given("2026-11")), "consent.dataUse.required", List.of(),
                "e1", "c1");
        assertThat(journey.events("e1")).noneMatch(ReturneeConvertedToCandidate.class::isInstance);
    }

    @Test
    void a_contact_consent_withdrawn_on_the_register_does_not_carry_over() {
        onTheRegister(true);
        journey.send(new WithdrawContactConsent("e1", "不想被打扰"));

        journey.send(convert(DATA_USE_ONLY));

        assertThat(((CandidateRegistered) journey.events("c1").getFirst()).consent()).isEqualTo(DATA_USE_ONLY);
        journey.assertRefused(contact(), "outreach.contact.candidateNoConsent", List.of("陈静"), "k1", "e1", "c1");
    }

    @Test
    void a_converted_candidate_is_contacted_while_consenting_and_not_after_withdrawing() {
        onTheRegister(true);
        journey.send(convert(DATA_USE_ONLY));
        journey.send(contact());
        assertThat(journey.lastEvent("k1")).isInstanceOf(ReturneeContacted.class);

        journey.send(new WithdrawConsent("c1", OUTREACH_CONTACT));

        journey.assertRefused(contact(), "outreach.contact.candidateNoConsent", List.of("陈静"), "k1", "e1", "c1");

        journey.send(new GiveConsent("c1", OUTREACH_CONTACT, "2026-11"));
        journey.send(contact());
        assertThat(journey.events("k1")).filteredOn(ReturneeContacted.class::isInstance).hasSize(2);
    }
}
