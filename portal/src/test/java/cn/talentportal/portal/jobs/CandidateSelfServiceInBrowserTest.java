package cn.talentportal.portal.jobs;

import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.browser.ChineseBrowser;
import cn.talentportal.portal.jobs.SelfServiceFixtures.Candidate;
import cn.talentportal.portal.jobs.SelfServiceFixtures.Employer;
import cn.talentportal.portal.shared.Commands;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A graduate on a 390-px phone, in Chinese: searches, opens an opening, applies (signing in on the way and coming
 * back to the opening), edits their profile and reads their history. No page is wider than the phone. The opening,
 * profile and history are then shot on a desktop too. Screenshots in {@code portal/target/screenshots/}.
 */
class CandidateSelfServiceInBrowserTest extends PortalTestBase {

    static final int PHONE_WIDTH = 390;

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    ChineseBrowser browser;
    Page page;

    @AfterEach
    void closeBrowser() {
        actAsNobody();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void a_graduate_finds_applies_edits_the_profile_and_reads_the_history_on_a_phone() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        SelfServiceFixtures fixtures = new SelfServiceFixtures(commands, accounts, clock);
        Employer hospital = fixtures.hospital("青山镇卫生院" + suffix);
        String title = "急需护士" + suffix;
        String openingId = fixtures.publishedOpening(hospital, title);
        fixtures.publishedOpening(hospital, "夜班护士" + suffix); // something similar to show
        Candidate graduate = fixtures.candidate("周雨桐");

        browser = ChineseBrowser.phone(port);
        page = browser.page();
        try {
            walk(graduate, title, openingId);
        } catch (RuntimeException | AssertionError failure) {
            browser.screenshot("self-service-failure");
            throw failure;
        }
        browser.close();

        browser = ChineseBrowser.on(port);
        page = browser.page();
        browser.signIn(graduate.account().username(), PASSWORD);
        browser.open("/jobs/" + openingId);
        assertThat(page.locator("#opening-title")).hasText(title);
        browser.screenshot("self-service-desktop-opening");
        browser.open("/profile");
        page.locator("#profile-save").waitFor();
        browser.screenshot("self-service-desktop-profile");
        browser.open("/my-history");
        assertThat(page.locator("#my-history")).containsText("您申请了");
        browser.screenshot("self-service-desktop-history");
    }

    private void walk(Candidate graduate, String title, String openingId) {
        // 1. Not signed in: a Chinese search finds the opening (the index follows the store a moment later)
        browser.open("/jobs");
        Locator card = searchUntilFound(title);
        fitsThePhone("jobs");
        browser.screenshot("self-service-01-search-phone");

        // 2. The title opens the opening's page
        card.locator("a.portal-opening-link").click();
        page.waitForURL(Pattern.compile(".*/jobs/" + openingId + "$"));
        assertThat(page.locator("#opening-title")).hasText(title);
        assertThat(page.locator("#opening-requirements")).containsText("护理学");
        assertThat(page.locator("#opening-similar")).isVisible();
        browser.settle();
        fitsThePhone("opening");
        browser.screenshot("self-service-02-opening-phone");

        // 3. Apply: sign in first, and land back on the opening
        page.locator("#opening-apply").click();
        page.waitForURL(Pattern.compile(".*/login$"));
        Locator form = page.locator("vaadin-login-form");
        form.locator("input[name=username]").fill(graduate.account().username());
        form.locator("input[name=password]").fill(PASSWORD);
        form.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("登录")).click();
        page.waitForURL(Pattern.compile(".*/jobs/" + openingId + "$"));
        browser.settle();
        assertThat(page.locator("#opening-title")).hasText(title);
        page.locator("#opening-apply").click();
        expectNotification("已申请“" + title + "”");
        assertThat(page.locator("#opening-apply")).hasText("已申请");
        browser.screenshot("self-service-03-applied-phone");

        // 4. The profile: a wrong year is explained as it is typed, then corrected and saved
        browser.open("/profile");
        fill("profile-graduation-year", "1900");
        assertThat(page.locator("#profile-graduation-year")).containsText("毕业年份不在合理范围内");
        fill("profile-graduation-year", "2024");
        assertThat(page.locator("#profile-graduation-year")).not().hasAttribute("invalid", "");
        fill("profile-skills", "静脉穿刺、急救护理");
        fitsThePhone("profile");
        browser.screenshot("self-service-04-profile-phone");
        page.locator("#profile-save").click();
        expectNotification("个人资料已保存");

        // 5. The history tells it back, newest first
        browser.open("/my-history");
        Locator steps = page.locator("#my-history .portal-history-sentence");
        assertThat(steps.first()).hasText("您更新了个人资料（学历：大专）");
        assertThat(page.locator("#my-history")).containsText("您申请了" + "青山镇卫生院");
        assertThat(page.locator("#my-history")).containsText("“" + title + "”");
        fitsThePhone("my-history");
        browser.screenshot("self-service-05-history-phone");

        // 6. The candidate's other pages fit the phone too (with a saved search to list in the alerts)
        browser.open("/my-applications");
        page.locator("#my-applications").waitFor();
        fitsThePhone("my-applications");
        browser.screenshot("self-service-06-applications-phone");
        browser.open("/jobs");
        fill("job-search-text", "护士");
        page.locator("#save-search").click();
        page.locator("vaadin-confirm-dialog-overlay vaadin-button, vaadin-confirm-dialog vaadin-button")
                .filter(new Locator.FilterOptions().setHasText("保存")).last().click();
        expectNotification("已保存搜索“护士”");
        fitsThePhone("jobs, signed in");
        browser.open("/alerts");
        assertThat(page.locator("#saved-searches")).containsText("护士");
        fitsThePhone("alerts");
        browser.screenshot("self-service-07-alerts-phone");
    }

    /** Types the title and retypes on a fresh page until the card shows up. */
    private Locator searchUntilFound(String title) {
        Locator card = page.locator("#job-search-results .portal-card").filter(new Locator.FilterOptions()
                .setHas(page.locator("h3", new Page.LocatorOptions().setHasText(title))));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            fill("job-search-text", title);
            browser.settle();
            if (card.count() > 0) {
                return card.first();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no card for " + title + " in the search results");
            }
            page.waitForTimeout(1_000); // the index refreshes about once a second
            browser.open("/jobs");
        }
    }

    private void fitsThePhone(String what) {
        int pageWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(pageWidth).as(what + ": page width on a " + PHONE_WIDTH + "-px phone")
                .isLessThanOrEqualTo(PHONE_WIDTH);
        // the app layout scrolls its content area itself: nothing inside the page may be wider than it either
        Number widest = (Number) page.evaluate("""
                () => Math.max(0, ...[...document.querySelectorAll('.portal-page')]
                    .map(p => p.scrollWidth - p.clientWidth))""");
        assertThat(widest.intValue()).as(what + ": content wider than its page").isLessThanOrEqualTo(0);
    }

    private void fill(String id, String value) {
        Locator input = page.locator("#" + id + " :is(input, textarea)");
        input.fill(value);
        input.press("Tab");
        browser.settle();
    }

    private void expectNotification(String text) {
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText(text))
                .first()).isVisible();
    }
}
