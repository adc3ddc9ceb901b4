package cn.talentportal.portal.security;

import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.browser.BrowserTestBase;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Password guessing in Chromium: after five wrong passwords the right one is refused too, with the time to come
 * back; once that time has passed the account opens again. Screenshot in {@code portal/target/screenshots/}.
 */
class LoginThrottleInBrowserTest extends BrowserTestBase {

    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;

    @BeforeEach
    void openBrowser() {
        openDesktop();
    }

    @Test
    void five_wrong_passwords_lock_the_username_for_a_minute_even_for_the_right_one() {
        UserAccount graduate = account(accounts, "guessed", Role.CANDIDATE, "贺知书", null, "c-" + System.nanoTime());
        for (int attempt = 1; attempt <= LoginThrottle.FREE_USER_FAILURES; attempt++) {
            browser.submitLogin(graduate.username(), "wrong-guess-" + attempt);
            page.waitForURL("**/login?error*");
            assertThat(page.getByText("用户名或密码不正确")).isVisible();
        }

        browser.submitLogin(graduate.username(), PASSWORD);
        page.waitForURL("**/login?locked=*");
        assertThat(page.getByText("登录尝试次数过多")).isVisible();
        assertThat(page.getByText("之后再试")).isVisible();
        assertThat(page.locator("#logout")).hasCount(0);
        browser.screenshot("login-throttled");

        clock.advance(LoginThrottle.FIRST_LOCK.plus(Duration.ofSeconds(1)));
        browser.signIn(graduate.username(), PASSWORD);
        assertThat(page.locator("#current-user")).containsText("贺知书");
    }
}
