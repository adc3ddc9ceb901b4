package cn.talentportal.domain.journey;

import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.outreach.ReturneeRegisterCommands.AddToReturneeRegister;
import cn.talentportal.domain.outreach.ReturneeRegisterCommands.ConvertReturneeToCandidate;
import cn.talentportal.domain.outreach.ReturneeRegisterEvents.ReturneeConvertedToCandidate;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static cn.talentportal.domain.candidate.ConsentPurpose.OUTREACH_CONTACT;
import static cn.talentportal.domain.journey.Journey.PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ConvertReturneeToCandidate} through the real {@code ReturneeConversionHandler}: the register entry and the
 * new candidate are written in one unit of work, so a refused conversion leaves the entry unconverted.
 */
class ReturneeConversionTest {

    static final PhoneNumber REGISTER_PHONE = new PhoneNumber("13800138001");
    static final EmailAddress REGISTER_EMAIL = new EmailAddress("chenjing@example.cn");
    static final RegistrationChannel FROM_THE_REGISTER = new RegistrationChannel(CandidateSource.RETURNEE_REGISTER,
            "e1", "陈静");

    private final Journey journey = new Journey();

    @AfterEach
    void stop() {
        journey.close();
    }

    private void onTheRegister(PhoneNumber phone, EmailAddress email) {
        journey.send(new AddToReturneeRegister("e1", "陈静", "城关镇", "深圳", "某科技公司", "软件开发", phone, email,
                true));
    }

    private static ConvertReturneeToCandidate convert(String candidateId) {
        return new ConvertReturneeToCandidate("e1", candidateId, null, null, null, PROFILE,
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL));
    }

    @Test
    void a_returnee_becomes_a_candidate_whose_channel_is_the_register_entry_and_the_entry_records_it() {
        onTheRegister(REGISTER_PHONE, REGISTER_EMAIL);

        journey.send(convert("c1"));

        // the contact consent given on the register carries over
        assertThat(journey.events("c1")).containsExactly(new CandidateRegistered("c1", "陈静", REGISTER_PHONE,
                REGISTER_EMAIL, null, PROFILE, FROM_THE_REGISTER,
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL, OUTREACH_CONTACT)));
        assertThat(journey.lastEvent("e1")).isEqualTo(new ReturneeConvertedToCandidate("e1", "c1", "陈静"));
    }

    @Test
    void a_phone_and_email_given_at_conversion_replace_those_on_the_register() {
        onTheRegister(null, null);
        PhoneNumber phone = new PhoneNumber("13800138002");
        EmailAddress email = new EmailAddress("chen.jing@example.cn");

        journey.send(new ConvertReturneeToCandidate("e1", "c1", phone, email, null, PROFILE,
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));

        assertThat(journey.events("c1")).containsExactly(new CandidateRegistered("c1", "陈静", phone, email, null,
                PROFILE, FROM_THE_REGISTER,
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL, OUTREACH_CONTACT)));
    }

    @Test
    void a_returnee_without_a_phone_on_the_register_or_at_conversion_is_not_converted() {
        onTheRegister(null, REGISTER_EMAIL);

        journey.assertRefused(convert("c1"), "validation.required", List.of("candidate.phone"), "e1", "c1");
    }

    @Test
    void an_entry_is_converted_once() {
        onTheRegister(REGISTER_PHONE, REGISTER_EMAIL);
        journey.send(convert("c1"));

        journey.assertRefused(convert("c2"), "outreach.register.alreadyConverted", List.of("陈静"), "e1", "c1",
                "c2");
        assertThat(journey.events("c2")).isEmpty();
    }

    @Test
    void a_duplicate_registration_converts_nothing_so_the_entry_may_be_converted_once_the_clash_is_sorted_out() {
        onTheRegister(REGISTER_PHONE, REGISTER_EMAIL);
        journey.registered("c0", "陈静", REGISTER_PHONE.value());

        journey.assertRefused(convert("c1"), "candidate.duplicate",
                List.of("candidate.phone", "source.SELF_REGISTRATION"), "e1", "c1");
        assertThat(journey.events("c1")).isEmpty();
        assertThat(journey.events("e1")).noneMatch(ReturneeConvertedToCandidate.class::isInstance);

        journey.send(new ConvertReturneeToCandidate("e1", "c1", new PhoneNumber("13800138002"), null, null, PROFILE,
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
        assertThat(journey.lastEvent("e1")).isEqualTo(new ReturneeConvertedToCandidate("e1", "c1", "陈静"));
    }
}
