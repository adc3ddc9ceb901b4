package cn.talentportal.domain.outreach;

import cn.talentportal.domain.outreach.OutreachCommands.CloseCampaign;
import cn.talentportal.domain.outreach.OutreachCommands.LaunchCampaign;
import cn.talentportal.domain.outreach.OutreachEvents.CampaignClosed;
import cn.talentportal.domain.outreach.OutreachEvents.CampaignLaunched;
import cn.talentportal.domain.outreach.OutreachEvents.ReturneeContacted;
import cn.talentportal.domain.shared.DomainRuleViolation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutreachCampaignTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2027, 1, 10);
    static final CampaignLaunched LAUNCHED = new CampaignLaunched("k1", "2027 春节返乡人才恳谈", OutreachChannel.PHONE,
            "家乡急需医生和教师，欢迎回来看看", "青山镇", LocalDate.of(2027, 2, 28));

    private AggregateTestFixture<OutreachCampaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OutreachCampaign.class);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay(SHANGHAI).toInstant(), SHANGHAI));
    }

    @Test
    void a_campaign_is_launched_on_a_channel_with_its_message() {
        fixture.givenNoPriorActivity()
                .when(new LaunchCampaign("k1", "2027 春节返乡人才恳谈", OutreachChannel.PHONE,
                        "家乡急需医生和教师，欢迎回来看看", " 青山镇 ", LocalDate.of(2027, 2, 28)))
                .expectEvents(LAUNCHED);
    }

    @Test
    void a_campaign_may_address_natives_of_every_county_until_today() {
        fixture.givenNoPriorActivity()
                .when(new LaunchCampaign("k1", "返乡人才微信推送", OutreachChannel.WECHAT, "县人才政策解读", null, TODAY))
                .expectEvents(new CampaignLaunched("k1", "返乡人才微信推送", OutreachChannel.WECHAT, "县人才政策解读", null,
                        TODAY));
    }

    @Test
    void a_campaign_does_not_end_before_it_is_launched() {
        fixture.givenNoPriorActivity()
                .when(new LaunchCampaign("k1", "返乡人才微信推送", OutreachChannel.WECHAT, "县人才政策解读", null,
                        TODAY.minusDays(1)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("outreach.campaign.endsInPast")
                .expectNoEvents();
    }

    @Test
    void a_campaign_names_its_channel_and_message() {
        fixture.givenNoPriorActivity()
                .when(new LaunchCampaign("k1", "返乡人才微信推送", null, "县人才政策解读", null, TODAY))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [outreach.channel]");
        fixture.givenNoPriorActivity()
                .when(new LaunchCampaign("k1", "返乡人才微信推送", OutreachChannel.SMS, "", null, TODAY))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [outreach.message]");
    }

    @Test
    void a_campaign_is_closed_with_a_summary_and_the_number_of_contacts() {
        fixture.given(LAUNCHED, new ReturneeContacted("k1", "2027 春节返乡人才恳谈", "e1", "赵磊", OutreachChannel.PHONE,
                        OutreachResponse.PLANS_TO_RETURN, null))
                .when(new CloseCampaign("k1", "联系 1 人，1 人计划返乡"))
                .expectEvents(new CampaignClosed("k1", "2027 春节返乡人才恳谈", "联系 1 人，1 人计划返乡", 1));
        fixture.given(LAUNCHED)
                .when(new CloseCampaign("k1", null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [outreach.summary]");
    }

    @Test
    void a_closed_campaign_is_not_closed_again() {
        fixture.given(LAUNCHED, new CampaignClosed("k1", "2027 春节返乡人才恳谈", "结束", 0))
                .when(new CloseCampaign("k1", "再次结束"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("outreach.campaign.closed [2027 春节返乡人才恳谈]");
    }
}
