package cn.talentportal.portal.journey;

import cn.talentportal.domain.candidate.CandidateCommands.AcceptOffer;
import cn.talentportal.domain.candidate.CandidateCommands.ApplyToOpening;
import cn.talentportal.domain.candidate.PlacementCommandHandler;
import cn.talentportal.domain.retention.RetentionCommands.AssignServiceSpecialist;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.browser.BrowserTestBase;
import cn.talentportal.portal.browser.ChineseBrowser;
import cn.talentportal.portal.scheduling.SchedulingFixture;
import cn.talentportal.portal.scheduling.SchedulingFixture.Graduate;
import cn.talentportal.portal.scheduling.SchedulingFixture.School;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsForEmployer;
import cn.talentportal.projections.application.ApplicationStatus;
import cn.talentportal.projections.application.ApplicationView;
import cn.talentportal.projections.interview.CalendarEntry;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewsOfCandidate;
import cn.talentportal.projections.opening.OpeningQueries.FindOpeningsOfEmployer;
import cn.talentportal.projections.opening.OpeningView;
import cn.talentportal.projections.retention.CaseloadEntry;
import cn.talentportal.projections.retention.RetentionQueries.FindRetentionCase;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.portal.Eventually.eventually;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recruiter's main journey in Chromium, in Chinese, every step on the portal's pages: publish an opening, screen
 * the graduate who applied, schedule the interview from the pipeline, record it held, score it against the rubric
 * and recommend, extend the offer, and once the graduate accepted, sign and place; then the office's service
 * specialist records the first follow-up visit. The graduate's own steps are
 * theirs ({@code GraduateJourneyInBrowserTest}); here they are sent as commands. Screenshots desktop and phone.
 */
class RecruiterJourneyInBrowserTest extends BrowserTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired QueryGateway queries;
    @Autowired TestClock clock;

    @Test
    void a_recruiter_publishes_screens_schedules_scores_offers_signs_and_places() {
        SchedulingFixture fixture = new SchedulingFixture(commands, accounts, clock);
        School school = fixture.school("县第三中学" + SchedulingFixture.suffix());
        fixture.rubric(school);
        Graduate graduate = fixture.graduate("宋知微");
        String title = "初中化学教师" + SchedulingFixture.suffix();

        openDesktop();
        Locator grid = page.locator("#pipeline-applications");
        try {
            browser.signIn(school.recruiter().username(), PASSWORD);
            browser.open("/recruiter/openings");
            fill(page, "opening-title", title);
            fill(page, "opening-description", "承担初中化学教学与实验室管理，指导学生科技活动。");
            page.locator("#opening-sector").click();
            option(page, "教育").click();
            page.locator("#opening-county input").fill("城关镇");
            option(page, "城关镇").click();
            page.locator("#opening-education").click();
            option(page, "本科").click();
            fill(page, "opening-major", "化学");
            fill(page, "opening-headcount", "1");
            fill(page, "opening-salary-min", "5200");
            fill(page, "opening-salary-max", "6800");
            page.locator("#opening-publish").click();
            assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                    .setHasText("岗位“" + title + "”已发布")).first()).isVisible();
            browser.screenshot("journey-recruiter-01-published");

            String openingId = eventually(() -> openingTitled(school, title), Optional::isPresent, "the opening")
                    .orElseThrow().openingId();
            actAs(graduate.account());
            String applicationId = UUID.randomUUID().toString();
            commands.send(new ApplyToOpening(graduate.candidateId(), applicationId, openingId));
            actAsNobody();
            awaitStatus(school, applicationId, ApplicationStatus.SUBMITTED);

            page.locator("#pipeline-" + openingId).click();
            assertThat(grid).containsText("宋知微");
            grid.locator("vaadin-checkbox").filter(new Locator.FilterOptions().setVisible(true)).last().click();
            page.locator("#pipeline-screen-in").click();
            page.locator("#screening-reason textarea").fill("化学专业，有实验室管理经验");
            page.locator("#screening-confirm").click();
            assertThat(grid).containsText("初筛通过");
            browser.screenshot("journey-recruiter-02-screened");

            page.locator("#pipeline-schedule-" + applicationId).click();
            assertThat(page.locator("#schedule-for")).containsText("宋知微");
            assertThat(page.locator("#availability-" + school.recruiter().userId())).isVisible();
            page.locator("#schedule-rubric input").fill("教师面试评分表");
            page.locator("vaadin-combo-box-item").first().click();
            browser.settle();
            page.locator("#schedule-submit").click();
            assertThat(page.locator("#interview-status")).containsText("已安排");
            String interviewId = eventually(() -> queries.query(new FindInterviewsOfCandidate(graduate.candidateId()),
                    ResponseTypes.multipleInstancesOf(CalendarEntry.class)).join(), list -> !list.isEmpty(),
                    "the scheduled interview").getFirst().interviewId();
            browser.screenshot("journey-recruiter-03-scheduled");

            clock.advance(Duration.ofDays(2)); // the interview has taken place
            browser.open("/recruiter/interviews/" + interviewId);
            page.locator("#record-held").click();
            assertThat(page.locator("#interview-status")).containsText("已面试");
            page.locator("#scorecard-subject input").fill("9");
            page.locator("#scorecard-teaching input").fill("8");
            page.locator("#scorecard-fit input").fill("5");
            page.locator("#scorecard-comment textarea").fill("实验演示规范，表达清楚");
            browser.settle();
            page.locator("#scorecard-submit").click();
            assertThat(page.locator("#scorecard-by-" + school.recruiter().userId())).containsText("实验演示规范");
            page.locator("#outcome-choice vaadin-radio-button").filter(new Locator.FilterOptions()
                    .setHasText("建议录用")).first().click();
            page.locator("#outcome-reason textarea").fill("综合评分优秀");
            browser.settle();
            page.locator("#outcome-submit").click();
            assertThat(page.locator("#interview-outcome")).containsText("建议录用");
            browser.screenshot("journey-recruiter-04-scored");

            awaitStatus(school, applicationId, ApplicationStatus.INTERVIEW_RECOMMENDED);
            browser.open("/recruiter/openings/" + openingId + "/pipeline");
            page.locator("#pipeline-offer-" + applicationId).click();
            page.locator("#offer-salary input").fill("6300");
            page.locator("#offer-confirm").click();
            assertThat(grid).containsText("已发录用通知");

            actAs(graduate.account());
            commands.send(new AcceptOffer(graduate.candidateId(), applicationId));
            actAsNobody();
            // the graduate's answer reaches the open pipeline by push
            page.locator("#pipeline-sign-" + applicationId).click();
            page.locator("#sign-confirm").click();
            assertThat(page.locator("#pipeline-count-SIGNED")).hasText("1");
            page.locator("#pipeline-place-" + applicationId).click();
            page.locator("#place-confirm").click();
            assertThat(grid).containsText("已到岗");
            browser.screenshot("journey-recruiter-05-placed");

            // after placement the office's service specialist visits the new teacher and records it
            String caseId = PlacementCommandHandler.retentionCaseIdOf(applicationId);
            UserAccount specialist = account(accounts, "specialist", Role.SPECIALIST, "陈专员", null, null);
            actAs(school.admin());
            commands.send(new AssignServiceSpecialist(caseId, specialist.userId(), specialist.displayName()));
            actAsNobody();
            eventually(() -> queries.query(new FindRetentionCase(caseId),
                            ResponseTypes.optionalInstanceOf(CaseloadEntry.class)).join(),
                    found -> found.map(c -> specialist.userId().equals(c.specialistUserId())).orElse(false),
                    "the case assigned to the specialist");
            browser.close();
            browser = ChineseBrowser.on(port);
            page = browser.page();
            browser.signIn(specialist.username(), PASSWORD);
            browser.open("/retention/case/" + caseId);
            assertThat(page.locator("#case-talent")).hasText("宋知微");
            Locator notes = page.locator("#visit-notes textarea");
            notes.fill("到岗首周走访，教学安排顺利");
            notes.press("Tab");
            page.locator("#visit-problems textarea").fill("实验室器材需要补充");
            page.locator("#visit-record").click();
            assertThat(page.locator("#case-visits vaadin-grid-cell-content:visible").filter(
                    new Locator.FilterOptions().setHasText("实验室器材需要补充")).first()).isVisible();
            browser.screenshot("journey-recruiter-06-visit-recorded");
        } catch (RuntimeException | AssertionError failure) {
            browser.screenshot("journey-recruiter-failure");
            throw failure;
        }

        openPhone();
        browser.signIn(school.recruiter().username(), PASSWORD);
        browser.open("/recruiter");
        assertThat(browser.page().locator("#home-new-applications")).isVisible();
        browser.screenshot("journey-recruiter-07-home-phone");
    }

    private Optional<OpeningView> openingTitled(School school, String title) {
        return queries.query(new FindOpeningsOfEmployer(school.unitId()),
                ResponseTypes.multipleInstancesOf(OpeningView.class)).join().stream()
                .filter(o -> o.details().title().equals(title)).findFirst();
    }

    private void awaitStatus(School school, String applicationId, ApplicationStatus status) {
        eventually(() -> queries.query(new FindApplicationsForEmployer(school.unitId()),
                        ResponseTypes.multipleInstancesOf(ApplicationView.class)).join().stream()
                        .filter(a -> a.applicationId().equals(applicationId)).findFirst(),
                a -> a.map(v -> v.status() == status).orElse(false), "the application " + status);
    }

    private static void fill(Page page, String id, String value) {
        Locator input = page.locator("#" + id + " :is(input, textarea)");
        input.fill(value);
        input.press("Tab");
    }

    private static Locator option(Page page, String label) {
        return page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(label).setExact(true));
    }
}
