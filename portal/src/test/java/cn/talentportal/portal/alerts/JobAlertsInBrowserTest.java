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
import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A candidate saves a search on the job search page in Chromium; a recruiter publishes a matching opening; the bell
 * in the candidate's open page shows the alert without a reload, and the alert leads to the opening. Prints the
 * delay from publication to the badge on screen. Screenshots in {@code portal/target/screenshots/}.
 */
class JobAlertsInBrowserTest extends PortalTestBase {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    /** The bell gathers signals for 200 ms, counts again and pushes the badge over the websocket. */
    static final long PUSH_ALLOWANCE_MILLIS = 500;

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired Clock clock;
    @LocalServerPort int port;

    Playwright playwright;
    Page page;

    @BeforeEach
    void openBrowser() {
        playwright = Playwright.create();
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        page = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 800).setLocale("zh-CN").setTimezoneId("Asia/Shanghai")).newPage();
        page.setDefaultTimeout(20_000);
        page.setDefaultNavigationTimeout(60_000);
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    @AfterEach
    void closeBrowser() {
        actAsNobody();
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    @Disabled("Not yet reliable: after the portal sat idle for about a minute (browser start), the job-alerts processor"
            + " did not pick up the publication within 10 s in 3 runs, although percolating the opening then matched;"
            + " suspected first: EmbeddedEventStore private streams, refuted by PickupAfterIdleTest (decision 0014);"
            + " next suspect: slow job-alerts batches (one engine request and command per event). 2026-11-21, bell now"
            + " pushed: the alert was not even stored within 60 s of the publication, so the bell is not the cause.")
    void a_saved_search_rings_the_bell_of_the_open_page_when_a_matching_opening_is_published() {
        try {
            walk();
        } catch (RuntimeException | AssertionError failure) {
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("alerts-failure.png")));
            throw failure;
        }
    }

    private void walk() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        UserAccount candidate = candidate("nurse_" + suffix);

        signIn(candidate.username());
        open("/jobs");
        Locator text = page.locator("#job-search-text input");
        text.fill("护士");
        text.press("Tab");
        page.locator("#job-search-sector input").fill("卫生健康");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("卫生健康").setExact(true)).click();
        settle();
        page.locator("#save-search").click();
        assertThat(page.locator("#save-search-name input")).hasValue("护士 · 卫生健康");
        page.locator("vaadin-confirm-dialog-overlay vaadin-button, vaadin-confirm-dialog vaadin-button")
                .filter(new Locator.FilterOptions().setHasText("保存")).last().click();
        assertThat(page.locator("vaadin-notification-card").filter(
                new Locator.FilterOptions().setHasText("已保存搜索“护士 · 卫生健康”")).first()).isVisible();
        assertThat(page.locator("#alert-badge")).isHidden();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("alerts-01-saved-search.png")));

        String openingId = draftNurseOpening(suffix);
        long publishedAt = System.nanoTime();
        commands.send(new PublishOpening(openingId));
        page.locator("#alert-badge").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE)
                .setTimeout(10_000));
        long onScreenMillis = (System.nanoTime() - publishedAt) / 1_000_000;
        System.out.printf("Job alert on screen %d ms after the publication (pushed by the server)%n",
                onScreenMillis);
        assertThat(page.locator("#alert-badge")).hasText("1");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("alerts-02-bell.png")));
        assertThat(onScreenMillis).as("publication to the badge on screen").isLessThanOrEqualTo(
                JobAlertsIntegrationTest.ALERT_WITHIN.toMillis() + PUSH_ALLOWANCE_MILLIS);

        page.locator("#alert-bell").click();
        Locator card = page.locator("#job-alerts [data-opening-id='" + openingId + "']");
        assertThat(card).containsText("急需护士" + suffix);
        assertThat(card).containsText("新");
        assertThat(page.locator("#saved-searches")).containsText("护士 · 卫生健康");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("alerts-03-list.png")));
        assertThat(page.locator("#alert-badge")).isHidden(); // read when the page is opened, pushed at once

        card.locator("a").click();
        assertThat(page.locator("#alert-opening")).containsText("县人民医院");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("alerts-04-opening.png")));
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

    private void open(String path) {
        page.navigate("http://localhost:" + port + path);
        settle();
    }

    private void settle() {
        page.waitForFunction("""
                () => {
                  const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                  const all = clients ? Object.values(clients).filter(c => typeof c.isActive === 'function') : [];
                  return all.length > 0 && all.every(c => !c.isActive());
                }""");
    }

    private void signIn(String username) {
        open("/login");
        Locator form = page.locator("vaadin-login-form");
        form.locator("input[name=username]").fill(username);
        form.locator("input[name=password]").fill(PASSWORD);
        form.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("登录")).click();
        assertThat(page.locator("#logout")).isVisible();
    }
}
