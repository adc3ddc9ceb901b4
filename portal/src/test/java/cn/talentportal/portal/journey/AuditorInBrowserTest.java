package cn.talentportal.portal.journey;

import cn.talentportal.domain.candidate.CandidateCommands.PlaceCandidate;
import cn.talentportal.domain.candidate.CandidateCommands.SignContract;
import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.browser.ChineseBrowser;
import cn.talentportal.portal.journey.JourneySteps.Graduate;
import cn.talentportal.portal.journey.JourneySteps.Unit;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.infra.deadline.MongoDeadlineManager;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5 in a real Chromium, in Chinese: a graduate's journey up to placement (through the command gateway), then
 * an auditor opens her history with a reason, looks at her state right after screening (before any interview) and
 * compares it with now, verifies the hash chain, exports the PDF, and finds the access and the export in her
 * access trail. The PDF is turned into PNGs with pdftoppm under {@code portal/target/screenshots/} for a person to
 * look at.
 */
class AuditorInBrowserTest extends PortalTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;
    @Autowired MongoDeadlineManager deadlines;
    @LocalServerPort int port;

    ChineseBrowser browser;
    Page page;

    @AfterEach
    void close() {
        clock.reset();
        actAsNobody();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void an_auditor_sees_a_past_state_verifies_the_chain_and_exports_the_pdf() throws Exception {
        String name = "审计对象" + UUID.randomUUID().toString().substring(0, 4);
        JourneySteps steps = new JourneySteps(commands, accounts, clock);
        Unit school = steps.schoolWithRecruiters("县第五中学");
        String rubricId = steps.defineRubric(school.admin());
        String openingId = steps.publishOpening(school, "高中物理教师", 2);
        Graduate graduate = steps.selfRegistered(name);
        String applicationId = steps.apply(graduate, openingId);
        steps.screenIn(school, graduate, applicationId);
        Instant start = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        InterviewSlot slot = new InterviewSlot(start, start.plus(Duration.ofMinutes(45)));
        String interviewId = steps.scheduleInterview(school, graduate, applicationId, rubricId, slot);
        clock.advance(Duration.between(clock.instant(), slot.end().plus(Duration.ofMinutes(5))));
        deadlines.pollNow();
        steps.holdAndRecommend(school, interviewId, slot);
        steps.offerAccepted(school, graduate, applicationId, interviewId);
        actAs(school.recruiter());
        commands.send(new SignContract(graduate.candidateId(), applicationId, 3));
        commands.send(new PlaceCandidate(graduate.candidateId(), applicationId, "高一物理教师",
                LocalDate.now(clock).plusDays(30)));
        clock.reset();
        actAsNobody();
        var auditor = steps.account("auditor", Role.AUDITOR, "审计员孙", null, null);

        try {
            inTheBrowser(auditor.username(), name);
        } catch (RuntimeException | AssertionError failure) {
            if (browser != null) {
                browser.screenshot("audit-failure");
            }
            throw failure;
        }
    }

    private void inTheBrowser(String auditor, String name) throws IOException, InterruptedException {
        browser = ChineseBrowser.on(port);
        page = browser.page();

        // sign in and find her; the page asks why before it shows anything
        browser.signIn(auditor, PASSWORD);
        browser.open("/audit");
        Locator search = page.locator("#audit-search input");
        search.fill(name);
        search.press("Enter");
        page.locator("#audit-candidates vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(name)).first().click();
        assertThat(page.locator("#access-reason-dialog").first()).isAttached();
        page.getByText("处理投诉或举报").click();
        page.locator("#access-details textarea").fill("核查投诉：面试流程是否合规");
        page.locator("#access-open").click();
        assertThat(page.locator("#audit-access-reason")).containsText("处理投诉或举报：核查投诉");
        assertThat(page.locator("#audit-history")).isVisible();
        browser.screenshot("audit-01-timeline");

        // the timeline narrowed to one type of event, then the state right after it: screened in, no interview yet
        page.locator("#timeline-types input").fill("申请通过初筛");
        page.getByRole(com.microsoft.playwright.options.AriaRole.OPTION,
                new Page.GetByRoleOptions().setName("申请通过初筛")).click();
        page.keyboard().press("Escape");
        assertThat(page.locator("#audit-history vaadin-button.timeline-state:visible")).hasCount(1);
        page.locator("#audit-history vaadin-button.timeline-state:visible").click();
        Locator result = page.locator("#asof-result");
        assertThat(result).containsText("求职申请");
        assertThat(result).not().containsText("面试状态");
        assertThat(result).not().containsText("留才服务");
        browser.screenshot("audit-02-state-after-screening");

        // compared with now: the interview, the offer and the placement appear as changes
        setDateTimePicker("asof-second", Instant.now().plusSeconds(5));
        page.locator("#asof-show").click();
        assertThat(page.locator("#asof-diff")).containsText("新增");
        assertThat(page.locator("#asof-diff")).containsText("面试");
        assertThat(page.locator(".portal-side-by-side")).isVisible();
        browser.screenshot("audit-03-compare");

        // the hash chain of her whole story is intact
        page.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
                new Page.GetByRoleOptions().setName("完整性校验")).click();
        page.locator("#integrity-verify").click();
        assertThat(page.locator("#chain-verdict")).containsText("完好");
        browser.screenshot("audit-04-integrity");

        // the PDF export, rendered to PNG for a person to look at
        page.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
                new Page.GetByRoleOptions().setName("导出")).click();
        Download download = page.waitForDownload(() -> page.locator("#export-pdf").click());
        Files.createDirectories(ChineseBrowser.SCREENSHOTS);
        Path pdf = ChineseBrowser.SCREENSHOTS.resolve("audit-export.pdf");
        download.saveAs(pdf);
        assertThat(Files.readString(pdf, StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
        String text = run("pdftotext", "-layout", pdf.toString(), "-");
        assertThat(text).contains(name, "完好", "求职申请", "申请通过初筛", "核查投诉");
        run("pdftoppm", "-png", "-r", "70", pdf.toString(),
                ChineseBrowser.SCREENSHOTS.resolve("audit-export").toString());
        assertThat(ChineseBrowser.SCREENSHOTS.resolve("audit-export-1.png")).exists();

        // her access trail lists this access and this export, with the reason
        page.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
                new Page.GetByRoleOptions().setName("访问记录")).click();
        assertThat(page.locator("#access-trail")).containsText("查阅");
        assertThat(page.locator("#access-trail")).containsText("导出");
        assertThat(page.locator("#access-trail")).containsText("核查投诉");
        browser.screenshot("audit-05-access-trail");

        // the office-wide access trail on a phone
        browser.close();
        browser = ChineseBrowser.phone(port);
        page = browser.page();
        browser.signIn(auditor, PASSWORD);
        browser.open("/audit/access");
        assertThat(page.locator("h2.portal-title")).isVisible();
        browser.screenshot("audit-06-access-trail-phone");
    }

    /** Sets a Vaadin date-time picker as a person would end up with it: the value as the component holds it. */
    private void setDateTimePicker(String id, Instant instant) {
        String local = java.time.LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS),
                java.time.ZoneId.of("Asia/Shanghai")).toString();
        page.evaluate("([id, value]) => { const picker = document.getElementById(id); picker.value = value; "
                + "picker.dispatchEvent(new CustomEvent('change', {bubbles: true})); }", List.of(id, local));
        browser.settle();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }
}
