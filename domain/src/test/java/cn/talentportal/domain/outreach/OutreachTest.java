package cn.talentportal.domain.outreach;

import cn.talentportal.domain.candidate.Candidate;
import cn.talentportal.domain.candidate.RegistrationClaims;
import cn.talentportal.domain.candidate.RegistrationClaimsInMemory;
import cn.talentportal.domain.outreach.OutreachCommands.CloseCampaign;
import cn.talentportal.domain.outreach.OutreachCommands.LaunchCampaign;
import cn.talentportal.domain.outreach.OutreachCommands.RecordOutreachContact;
import cn.talentportal.domain.outreach.OutreachEvents.ReturneeContacted;
import cn.talentportal.domain.outreach.ReturneeRegisterCommands.AddToReturneeRegister;
import cn.talentportal.domain.outreach.ReturneeRegisterCommands.GiveContactConsent;
import cn.talentportal.domain.outreach.ReturneeRegisterCommands.WithdrawContactConsent;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.PhoneNumber;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A contact involves the register entry and the campaign: run both in a small in-memory Axon configuration. */
class OutreachTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2027, 1, 10);
    static final String CAMPAIGN = "2027 春节返乡人才恳谈";

    private Configuration axon;
    private CommandGateway commands;

    @BeforeEach
    void start() {
        Clock clock = Clock.fixed(TODAY.atStartOfDay(SHANGHAI).toInstant(), SHANGHAI);
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .registerComponent(Clock.class, c -> clock)
                .configureAggregate(ReturneeRegisterEntry.class)
                .configureAggregate(OutreachCampaign.class)
                .configureAggregate(Candidate.class)
                .registerComponent(RegistrationClaims.class, c -> new RegistrationClaimsInMemory())
                .registerCommandHandler(c -> new OutreachCommandHandler(c.repository(ReturneeRegisterEntry.class),
                        c.repository(OutreachCampaign.class), c.repository(Candidate.class)))
                .start();
        commands = axon.commandGateway();
        commands.sendAndWait(new LaunchCampaign("k1", CAMPAIGN, OutreachChannel.PHONE, "家乡急需医生和教师，欢迎回来看看",
                "青山镇", LocalDate.of(2027, 2, 28)));
        commands.sendAndWait(new AddToReturneeRegister("e1", "赵磊", "青山镇", "深圳", "某电子科技公司", "嵌入式开发",
                new PhoneNumber("13700137000"), null, true));
        commands.sendAndWait(new AddToReturneeRegister("e2", "孙丽", "青山镇", "广州", null, "护理",
                new PhoneNumber("13600136000"), null, false));
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    private List<Object> campaignEvents() {
        return axon.eventStore().readEvents("k1").asStream().<Object>map(EventMessage::getPayload).toList();
    }

    @Test
    void a_native_who_consented_is_contacted_and_the_response_recorded() {
        commands.sendAndWait(new RecordOutreachContact("k1", "e1", OutreachResponse.PLANS_TO_RETURN, " 明年夏天回县 "));
        assertThat(campaignEvents()).last().isEqualTo(new ReturneeContacted("k1", CAMPAIGN, "e1", "赵磊",
                OutreachChannel.PHONE, OutreachResponse.PLANS_TO_RETURN, "明年夏天回县"));
    }

    @Test
    void a_native_without_contact_consent_is_not_contacted() {
        assertRefused(new RecordOutreachContact("k1", "e2", OutreachResponse.NO_ANSWER, null),
                "outreach.contact.noConsent");
        commands.sendAndWait(new GiveContactConsent("e2", "本人来电同意"));
        commands.sendAndWait(new RecordOutreachContact("k1", "e2", OutreachResponse.INTERESTED, null));
        assertThat(campaignEvents()).hasSize(2);
    }

    @Test
    void a_native_who_withdrew_consent_is_not_contacted_again() {
        commands.sendAndWait(new RecordOutreachContact("k1", "e1", OutreachResponse.NO_ANSWER, null));
        commands.sendAndWait(new WithdrawContactConsent("e1", null));
        assertRefused(new RecordOutreachContact("k1", "e1", OutreachResponse.NO_ANSWER, null),
                "outreach.contact.noConsent");
    }

    @Test
    void a_campaign_for_one_county_contacts_natives_of_that_county_only() {
        commands.sendAndWait(new AddToReturneeRegister("e3", "周强", "白云乡", "杭州", null, null, null, null, true));
        assertRefused(new RecordOutreachContact("k1", "e3", OutreachResponse.INTERESTED, null),
                "outreach.contact.outsideTarget");
    }

    @Test
    void nothing_is_recorded_on_a_closed_campaign() {
        commands.sendAndWait(new CloseCampaign("k1", "春节后结束"));
        assertRefused(new RecordOutreachContact("k1", "e1", OutreachResponse.INTERESTED, null),
                "outreach.campaign.closed");
    }

    @Test
    void a_contact_records_the_response() {
        assertRefused(new RecordOutreachContact("k1", "e1", null, null), "validation.required");
    }

    private void assertRefused(Object command, String messageKey) {
        int eventsBefore = campaignEvents().size();
        assertThatThrownBy(() -> commands.sendAndWait(command))
                .isInstanceOf(DomainRuleViolation.class)
                .extracting(e -> ((DomainRuleViolation) e).messageKey())
                .isEqualTo(messageKey);
        assertThat(campaignEvents()).as("a refused contact stores nothing").hasSize(eventsBefore);
    }
}
