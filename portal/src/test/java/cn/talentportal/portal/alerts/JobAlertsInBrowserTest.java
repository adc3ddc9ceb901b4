package cn.talentportal.portal.alerts;

import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.employer.EmployerCommands.CreateEmployerUnit;
import cn.talentportal.domain.employer.EmployerType;
import cn.talentportal.domain.opening.OpeningCommands.DraftOpening;
import cn.talentportal.domain.opening.OpeningCommands.PublishOpening;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.browser.BrowserTestBase;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A candidate saves a search on the job search page in Chromium; a recruiter publishes a matching opening; the bell
 * in the candidate's open page shows the alert without a reload, and the alert leads to the opening. Prints the
 * delay from publication to the badge on screen. Screenshots in {@code portal/target/screenshots/}.
 */
class JobAlertsInBrowserTest extends BrowserTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired Clock clock;

    @BeforeEach
    void openBrowser() {
        openDesktop();
    }

    @Test
    void a_saved_search_rings_the_bell_of_the_open_page_when_a_matching_opening_is_published() {
        try {
            walk();
        } catch (RuntimeException | AssertionError failure) {
            browser.screenshot("alerts-failure");
            throw failure;
        }
    }

    private void walk() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        UserAccount candidate = candidate("nurse_" + suffix);

        browser.signIn(candidate.username(), PASSWORD);
        browser.open("/jobs");
        Locator text = page.locator("#job-search-text input");
        text.fill("护士");
        text.press("Tab");
        page.locator("#job-search-sector input").fill("卫生健康");
        // the option shows the facet's count when other tests' openings match too: "卫生健康 (11)"
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(Pattern.compile("^卫生健康"))).click();
        browser.settle();
        page.locator("#save-search").click();
        assertThat(page.locator("#save-search-name input")).hasValue("护士 · 卫生健康");
        page.locator("vaadin-confirm-dialog-overlay vaadin-button, vaadin-confirm-dialog vaadin-button")
                .filter(new Locator.FilterOptions().setHasText("保存")).last().click();
        assertThat(page.locator("vaadin-notification-card").filter(
                new Locator.FilterOptions().setHasText("已保存搜索“护士 · 卫生健康”")).first()).isVisible();
        assertThat(page.locator("#alert-badge")).isHidden();
        browser.screenshot("alerts-01-saved-search");

        String openingId = draftNurseOpening(suffix);
        long publishedAt = System.nanoTime();
        commands.send(new PublishOpening(openingId));
        page.locator("#alert-badge").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE)
                .setTimeout(15_000)); // the 2-s target is measured by JobAlertsIntegrationTest and the benchmark
        long onScreenMillis = (System.nanoTime() - publishedAt) / 1_000_000;
        System.out.printf("Job alert on screen %d ms after the publication (pushed by the server)%n",
                onScreenMillis);
        assertThat(page.locator("#alert-badge")).hasText("1");
        browser.screenshot("alerts-02-bell");

        page.locator("#alert-bell").click();
        Locator card = page.locator("#job-alerts [data-opening-id='" + openingId + "']");
        assertThat(card).containsText("急需护士" + suffix);
        assertThat(card).containsText("新");
        assertThat(page.locator("#saved-searches")).containsText("护士 · 卫生健康");
        browser.screenshot("alerts-03-list");
        assertThat(page.locator("#alert-badge")).isHidden(); // read when the page is opened, pushed at once

        card.locator("a").click();
        assertThat(page.locator("#alert-opening")).containsText("县人民医院");
        browser.screenshot("alerts-04-opening");
    }

    private UserAccount candidate(String username) {
        actAsNobody();
        String candidateId = UUID.randomUUID().toString();
        String digits = String.format("%08d", Math.floorMod(candidateId.hashCode(), 100_000_000));
        commands.send(new RegisterCandidate(candidateId, "张护士", new PhoneNumber("136" + digits),
                new EmailAddress("b" + digits + "@example.cn"), null,
                new CandidateProfile(Education.JUNIOR_COLLEGE, "县卫生学校", "护理学", 2026, "城关镇", null, null),
                new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
        return accounts.create(UUID.randomUUID().toString(), username, PASSWORD, Role.CANDIDATE, "张护士", null,
                candidateId);
    }

    /** Drafted by a recruiter, who stays the acting user. */
    private String draftNurseOpening(String suffix) {
        actAs(account(accounts, "admin", Role.ADMIN, "管理员", null, null));
        String unitId = UUID.randomUUID().toString();
        commands.send(new CreateEmployerUnit(unitId, "县人民医院", EmployerType.HOSPITAL, "城关镇", Sector.HEALTH));
        actAs(account(accounts, "hospital", Role.RECRUITER, "刘主任", unitId, null));
        String openingId = UUID.randomUUID().toString();
        commands.send(new DraftOpening(openingId, unitId, "县人民医院", new OpeningDetails("急需护士" + suffix,
                "负责住院部护理工作", Sector.HEALTH, "城关镇", Education.JUNIOR_COLLEGE, "护理学", 4500, 6500, 2,
                Set.of(TalentCategory.URGENTLY_NEEDED), LocalDate.now(clock).plusMonths(2))));
        return openingId;
    }
}
