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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReturneeRegisterEntryTest {

    static final PhoneNumber PHONE = new PhoneNumber("13700137000");
    static final EmailAddress EMAIL = new EmailAddress("zhaolei@example.cn");
    static final NativeAddedToRegister ADDED = new NativeAddedToRegister("e1", "赵磊", "青山镇", "深圳",
            "某电子科技公司", "嵌入式开发", PHONE, EMAIL, true);
    static final NativeAddedToRegister ADDED_WITHOUT_CONSENT = new NativeAddedToRegister("e1", "赵磊", "青山镇", "深圳",
            "某电子科技公司", "嵌入式开发", PHONE, null, false);

    /**
     * A test-only route to {@link ReturneeRegisterEntry#convertToCandidate}: in production the integrator's handler
     * calls it while registering the candidate in the same unit of work. Loading through the fixture's repository
     * lets the fixture check the events applied and the details returned.
     */
    record ConvertToCandidate(String entryId, String candidateId) {
    }

    static class ConversionRoute {

        private final Repository<ReturneeRegisterEntry> entries;

        ConversionRoute(Repository<ReturneeRegisterEntry> entries) {
            this.entries = entries;
        }

        @CommandHandler
        public ReturneeDetails handle(ConvertToCandidate command) {
            return entries.load(command.entryId()).invoke(entry -> entry.convertToCandidate(command.candidateId()));
        }
    }

    private AggregateTestFixture<ReturneeRegisterEntry> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReturneeRegisterEntry.class);
        fixture.registerAnnotatedCommandHandler(new ConversionRoute(fixture.getRepository()));
    }

    @Test
    void a_native_working_elsewhere_is_added_to_the_register() {
        fixture.givenNoPriorActivity()
                .when(new AddToReturneeRegister("e1", " 赵磊 ", "青山镇", "深圳", "某电子科技公司", "嵌入式开发", PHONE,
                        EMAIL, true))
                .expectEvents(ADDED);
    }

    @Test
    void phone_email_employer_and_field_are_optional() {
        fixture.givenNoPriorActivity()
                .when(new AddToReturneeRegister("e1", "赵磊", "青山镇", "深圳", " ", null, null, null, false))
                .expectEvents(new NativeAddedToRegister("e1", "赵磊", "青山镇", "深圳", null, null, null, null, false));
    }

    @Test
    void an_entry_names_the_native_the_hometown_and_the_city() {
        fixture.givenNoPriorActivity()
                .when(new AddToReturneeRegister("e1", "赵磊", "", "深圳", null, null, PHONE, null, true))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [outreach.hometownCounty]");
        fixture.givenNoPriorActivity()
                .when(new AddToReturneeRegister("e1", "赵磊", "青山镇", null, null, null, PHONE, null, true))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [outreach.currentCity]");
    }

    @Test
    void a_native_consents_to_be_contacted_and_how_is_noted() {
        fixture.given(ADDED_WITHOUT_CONSENT)
                .when(new GiveContactConsent("e1", "春节返乡座谈会上填表同意"))
                .expectEvents(new ContactConsentGiven("e1", "赵磊", "春节返乡座谈会上填表同意"));
        fixture.given(ADDED_WITHOUT_CONSENT)
                .when(new GiveContactConsent("e1", " "))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [outreach.channelNote]");
    }

    @Test
    void consent_given_is_not_given_again() {
        fixture.given(ADDED)
                .when(new GiveContactConsent("e1", "电话中同意"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("outreach.consent.alreadyGiven [赵磊]")
                .expectNoEvents();
    }

    @Test
    void consent_is_withdrawn_without_having_to_give_a_reason() {
        fixture.given(ADDED)
                .when(new WithdrawContactConsent("e1", null))
                .expectEvents(new ContactConsentWithdrawn("e1", "赵磊", null));
    }

    @Test
    void only_consent_given_is_withdrawn() {
        fixture.given(ADDED, new ContactConsentWithdrawn("e1", "赵磊", "不希望被打扰"))
                .when(new WithdrawContactConsent("e1", "不希望被打扰"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("outreach.consent.notGiven [赵磊]");
    }

    @Test
    void an_entry_follows_the_native_to_a_new_city_and_employer() {
        fixture.given(ADDED)
                .when(new UpdateRegisterEntry("e1", "成都", "某软件公司", "嵌入式开发"))
                .expectEvents(new RegisterEntryUpdated("e1", "赵磊", "成都", "某软件公司", "嵌入式开发"));
    }

    @Test
    void an_update_changes_something() {
        fixture.given(ADDED)
                .when(new UpdateRegisterEntry("e1", "深圳", " 某电子科技公司 ", "嵌入式开发"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("outreach.register.unchanged")
                .expectNoEvents();
    }

    @Test
    void a_converted_entry_is_updated_in_the_candidate_profile_instead() {
        fixture.given(ADDED, new ReturneeConvertedToCandidate("e1", "c7", "赵磊"))
                .when(new UpdateRegisterEntry("e1", "成都", null, null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("outreach.register.converted [赵磊]");
    }

    @Test
    void a_native_converted_to_a_candidate_hands_over_what_the_register_knows() {
        fixture.given(ADDED, new RegisterEntryUpdated("e1", "赵磊", "成都", "某软件公司", "嵌入式开发"))
                .when(new ConvertToCandidate("e1", "c7"))
                .expectEvents(new ReturneeConvertedToCandidate("e1", "c7", "赵磊"))
                .expectResultMessagePayload(new ReturneeDetails("e1", "赵磊", "青山镇", "成都", PHONE, EMAIL, true));
    }

    @Test
    void a_native_becomes_a_candidate_once() {
        fixture.given(ADDED, new ReturneeConvertedToCandidate("e1", "c7", "赵磊"))
                .when(new ConvertToCandidate("e1", "c8"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("outreach.register.alreadyConverted [赵磊]")
                .expectNoEvents();
        fixture.given(ADDED)
                .when(new ConvertToCandidate("e1", " "))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [outreach.candidateId]");
    }
}
