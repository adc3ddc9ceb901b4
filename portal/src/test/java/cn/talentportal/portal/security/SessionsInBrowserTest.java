package cn.talentportal.portal.security;

import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.browser.ChineseBrowser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Sessions as a careful user expects them: signing out on all devices ends the other ones too. */
class SessionsInBrowserTest extends PortalTestBase {

    @Autowired UserAccounts accounts;
    @LocalServerPort int port;

    @Test
    void signing_out_on_all_devices_ends_the_session_on_the_other_device() {
        UserAccount graduate = account(accounts, "twodevices", Role.CANDIDATE, "林晚照", null,
                "c-" + System.nanoTime());
        try (ChineseBrowser laptop = ChineseBrowser.on(port); ChineseBrowser phone = ChineseBrowser.phone(port)) {
            laptop.signIn(graduate.username(), PASSWORD);
            phone.signIn(graduate.username(), PASSWORD);

            laptop.page().locator("#logout-everywhere").click();
            assertThat(laptop.page().locator("#login")).isVisible();

            phone.open("/my-applications");
            assertThat(phone.page().locator("vaadin-login-form")).isVisible();
            assertThat(phone.page().locator("#logout")).hasCount(0);
            phone.screenshot("signed-out-everywhere-phone");
        }
    }

    @Test
    void every_page_forbids_framing_and_sniffing_and_keeps_the_camera_to_the_portal() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("frame-ancestors 'none'", "object-src 'none'"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("Permissions-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("camera=(self)", "geolocation=()"));
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
    }
}
