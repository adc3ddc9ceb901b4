package cn.talentportal.portal.retention;

import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.browser.ChineseBrowser;
import cn.talentportal.portal.retention.PlacedTalents.Placed;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.projections.retention.RetentionQueries.FindServiceRequests;
import cn.talentportal.projections.retention.ServiceRequestView;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.talentportal.portal.Eventually.eventually;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Retention services in a real Chromium, in Chinese: a placed teacher asks for a talent apartment on her phone; her
 * service specialist, at a desk, allocates one and records a follow-up visit; the teacher sees the answer on her
 * phone. Screenshots of both screens land in {@code portal/target/screenshots/}.
 */
class RetentionInBrowserTest extends PortalTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;
    @Autowired QueryGateway queries;
    @LocalServerPort int port;

    ChineseBrowser phone;
    ChineseBrowser desk;

    @AfterEach
    void close() {
        clock.reset();
        if (phone != null) {
            phone.close();
        }
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    void a_placed_talent_asks_for_an_apartment_on_the_phone_and_the_specialist_allocates_it() {
        PlacedTalents talents = new PlacedTalents(commands, accounts, clock, queries);
        Placed talent = talents.placed("苏晴");
        UserAccount specialist = talents.specialist("陈专员");
        talents.assign(talent, specialist);
        try {
            walk(talent, specialist);
        } catch (RuntimeException | AssertionError failure) {
            if (phone != null) {
                phone.screenshot("retention-failure-phone");
            }
            if (desk != null) {
                desk.screenshot("retention-failure-desktop");
            }
            throw failure;
        }
    }

    private void walk(Placed talent, UserAccount specialist) {
        // 1. on her phone, the teacher asks for a talent apartment
        phone = ChineseBrowser.phone(port);
        Page mobile = phone.page();
        phone.signIn(talent.candidate().username(), PASSWORD);
        phone.open("/my-services");
        mobile.locator("#service-type").click();
        mobile.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("人才公寓").setExact(true)).click();
        Locator details = mobile.locator("#service-details textarea");
        details.fill("下月初到岗，希望安排离学校近的人才公寓");
        details.press("Tab");
        mobile.locator("#service-submit").click();
        assertThat(notice(mobile, "已提交人才公寓申请")).isVisible();
        assertThat(visibleCell(mobile, "my-service-requests", "待办理")).isVisible();
        phone.screenshot("retention-01-phone-request");

        String requestId = eventually(() -> requests(talent.caseId()), list -> !list.isEmpty(), "the request")
                .getFirst().requestId();

        // 2. at her desk, the specialist finds the teacher in her caseload and allocates an apartment
        desk = ChineseBrowser.on(port);
        Page office = desk.page();
        desk.signIn(specialist.username(), PASSWORD);
        office.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("服务对象")).click();
        office.locator("#caseload").waitFor();
        assertThat(visibleCell(office, "caseload", "待办：人才公寓")).isVisible();
        desk.screenshot("retention-02-desktop-caseload");
        office.locator("[id='case-" + talent.caseId() + "']").click();
        assertThat(office.locator("#case-talent")).hasText("苏晴");
        office.locator("[id='grant-" + requestId + "']").click();
        Locator apartment = office.locator("#grant-apartment input");
        apartment.fill("人才公寓3栋-502");
        apartment.press("Tab");
        office.locator("#grant-confirm").click();
        assertThat(notice(office, "已答复苏晴的人才公寓申请")).isVisible();
        assertThat(office.locator("[id='request-status-" + requestId + "']")).containsText("已办理 · 人才公寓 人才公寓3栋-502");

        // 3. she records the follow-up visit, with a problem raised
        Locator notes = office.locator("#visit-notes textarea");
        notes.fill("入住前走访，了解到岗准备情况");
        notes.press("Tab");
        office.locator("#visit-problems textarea").fill("希望协调午餐");
        office.locator("#visit-record").click();
        assertThat(notice(office, "已记录对苏晴的走访")).isVisible();
        assertThat(visibleCell(office, "case-visits", "希望协调午餐")).isVisible();
        desk.screenshot("retention-03-desktop-case");

        // 4. back on her phone, the teacher sees the apartment allocated
        phone.open("/my-services");
        assertThat(mobile.locator("[id='my-request-status-" + requestId + "']"))
                .containsText("已办理 · 人才公寓 人才公寓3栋-502");
        phone.screenshot("retention-04-phone-status");
    }

    private static Locator notice(Page page, String text) {
        return page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText(text)).first();
    }

    /** A cell shown now: the grid reuses row elements, so hidden ones are left out. */
    private static Locator visibleCell(Page page, String gridId, String text) {
        return page.locator("#" + gridId + " vaadin-grid-cell-content:visible")
                .filter(new Locator.FilterOptions().setHasText(text)).first();
    }

    private List<ServiceRequestView> requests(String caseId) {
        return queries.query(new FindServiceRequests(caseId),
                ResponseTypes.multipleInstancesOf(ServiceRequestView.class)).join();
    }
}
