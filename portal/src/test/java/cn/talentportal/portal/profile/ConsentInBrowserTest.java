package cn.talentportal.portal.profile;

import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.browser.ChineseBrowser;
import cn.talentportal.portal.jobs.SelfServiceFixtures.Candidate;
import cn.talentportal.portal.jobs.SelfServiceFixtures;
import cn.talentportal.portal.shared.Commands;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Consent in Chinese, in the browser: the registration form shows the notice and refuses to go on without the
 * required box (desktop); a candidate withdraws and gives consents on the profile (phone).
 */
class ConsentInBrowserTest extends PortalTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    @Test
    void the_form_asks_for_consent_and_the_candidate_changes_it_on_a_phone() {
        Candidate graduate = new SelfServiceFixtures(commands, accounts, clock).candidate("许嘉宁");
        try (ChineseBrowser desktop = ChineseBrowser.on(port); ChineseBrowser phone = ChineseBrowser.phone(port)) {
            desktop.open("/register");
            desktop.page().locator("#register-consent-data-use").click();
            desktop.page().locator("#register-consent-data-use").click(); // unticked again: explained at once
            assertThat(desktop.page().locator("#register-consent-data-use")).hasAttribute("invalid", "");
            assertThat(desktop.page().locator("#register-privacy-notice")).containsText("隐私告知");
            desktop.page().locator("#register-privacy-notice").scrollIntoViewIfNeeded();
            desktop.screenshot("consent-register-desktop");

            phone.signIn(graduate.account().username(), PASSWORD);
            phone.open("/profile");
            phone.page().locator("#profile-consents").scrollIntoViewIfNeeded();
            assertThat(phone.page().locator("#profile-consent-outreach-contact-state")).hasText("未同意");
            phone.page().locator("#profile-consent-job-alert-mail-withdraw").click();
            assertThat(phone.page().locator("#profile-consent-job-alert-mail-state")).containsText("已撤回");
            phone.page().locator("#profile-consent-outreach-contact-give").click();
            assertThat(phone.page().locator("#profile-consent-outreach-contact-state")).containsText("已同意");
            phone.settle();
            phone.screenshot("consent-profile-phone");

            desktop.signIn(graduate.account().username(), PASSWORD);
            desktop.open("/profile");
            desktop.page().locator("#profile-consents").scrollIntoViewIfNeeded();
            assertThat(desktop.page().locator("#profile-consent-job-alert-mail-state")).containsText("已撤回");
            desktop.screenshot("consent-profile-desktop");
        }
    }
}
