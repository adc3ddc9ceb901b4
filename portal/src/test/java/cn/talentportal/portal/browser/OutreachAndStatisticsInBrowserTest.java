package cn.talentportal.portal.browser;

import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.outreach.ReturneeRegisterCommands.ConvertReturneeToCandidate;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.outreach.Returnees;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.UUID;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recruiter launches a campaign for the natives of one town (the one who did not consent is excluded), records a
 * response, and opens the statistics, whose ECharts charts draw on canvases with Chinese labels; on a desktop and
 * on a phone.
 */
class OutreachAndStatisticsInBrowserTest extends PortalTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired QueryGateway queries;
    @LocalServerPort int port;

    ChineseBrowser browser;
    UserAccount recruiter;
    Returnees returnees;

    @BeforeEach
    void registerInATownOfItsOwn() {
        recruiter = account(accounts, "outreach", Role.RECRUITER, "周老师", UUID.randomUUID().toString(), null);
        actAs(recruiter);
        returnees = new Returnees(commands, queries);
        returnees.add("吴敏", "医疗", true, Returnees.uniquePhone());
        returnees.add("吴丽", "教育", false, Returnees.uniquePhone());
        // a candidate from the register, so the funnel has a column whatever else the portal holds
        String converted = returnees.add("郑洁", "护理", true, Returnees.uniquePhone());
        returnees.awaitListed(3);
        commands.send(new ConvertReturneeToCandidate(converted, UUID.randomUUID().toString(), null, null, null,
                new CandidateProfile(Education.BACHELOR, "重庆医科大学", "护理学", 2020, returnees.county, "深圳",
                        null), RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
        actAsNobody();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void a_recruiter_launches_a_campaign_records_a_response_and_sees_the_charts_on_a_desktop() {
        browser = ChineseBrowser.on(port);
        browser.signIn(recruiter.username(), PASSWORD);
        launchCampaignAndRecordAResponse("desktop");
        statisticsWithCharts("desktop");
    }

    @Test
    void the_same_on_a_phone() {
        browser = ChineseBrowser.phone(port);
        browser.signIn(recruiter.username(), PASSWORD);
        launchCampaignAndRecordAResponse("phone");
        statisticsWithCharts("phone");
        Page page = browser.page();
        double chartWidth = ((Number) page.locator("#stats-funnel-chart").evaluate("e => e.clientWidth"))
                .doubleValue();
        assertThat(chartWidth).as("the chart fits the phone").isBetween(200.0, 390.0);
    }

    private void launchCampaignAndRecordAResponse(String device) {
        Page page = browser.page();
        browser.open("/outreach/campaigns");
        page.locator("#campaign-name input").fill("春节返乡座谈");
        page.locator("#campaign-channel").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("返乡人才座谈会")).click();
        page.locator("#campaign-message textarea").fill("欢迎回乡发展，县医院急需护士");
        Locator county = page.locator("#campaign-target-county input");
        county.fill(returnees.county);
        county.press("Enter");
        assertThat(page.locator("#campaign-target-excluded")).hasText("1");
        assertThat(page.locator("#campaign-target-consenting")).hasText("2");
        browser.screenshot("outreach-launch-" + device);
        page.locator("#campaign-launch").click();

        assertThat(page.locator("#campaign-title")).hasText("春节返乡座谈");
        assertThat(page.locator("#campaign-target-excluded")).hasText("1");
        page.locator("#contact-entry input").fill("吴");
        Locator offered = page.locator("vaadin-combo-box-item");
        assertThat(offered.filter(new Locator.FilterOptions().setHasText("吴敏"))).isVisible();
        assertThat(offered.filter(new Locator.FilterOptions().setHasText("吴丽"))).hasCount(0);
        offered.filter(new Locator.FilterOptions().setHasText("吴敏")).click();
        page.locator("#contact-response").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("有意向")).click();
        page.locator("#contact-notes textarea").fill("想了解县医院护士岗位");
        page.locator("#contact-record").click();
        assertThat(page.locator("vaadin-notification-card")
                .filter(new Locator.FilterOptions().setHasText("已记录对吴敏的联络：有意向")).first()).isVisible();
        assertThat(page.locator("#campaign-response-INTERESTED")).hasText("1");
        assertThat(page.locator("#campaign-contacts vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("想了解县医院护士岗位")).first()).isVisible();
        browser.settle();
        browser.screenshot("outreach-campaign-" + device);
    }

    private void statisticsWithCharts(String device) {
        Page page = browser.page();
        browser.open("/statistics");
        Locator funnel = page.locator("#stats-funnel-chart");
        assertThat(funnel.locator("canvas").first()).isAttached();
        assertThat(page.locator("#stats-funnel-table vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("返乡人才登记")).first()).isVisible();
        // what ECharts drew: the Chinese labels of the option, read back from the chart itself
        @SuppressWarnings("unchecked")
        List<String> sources = (List<String>) funnel.evaluate(
                "e => echarts.getInstanceByDom(e).getOption().xAxis[0].data");
        assertThat(sources).contains("返乡人才登记");
        @SuppressWarnings("unchecked")
        List<String> steps = (List<String>) funnel.evaluate(
                "e => echarts.getInstanceByDom(e).getOption().series.map(s => s.name)");
        assertThat(steps).containsExactly("注册", "投递", "面试", "签约", "满一年在岗");
        double canvasWidth = ((Number) funnel.locator("canvas").first().evaluate("c => c.width")).doubleValue();
        assertThat(canvasWidth).as("a drawn canvas").isPositive();
        browser.settle();
        browser.screenshot("statistics-" + device);
    }
}
