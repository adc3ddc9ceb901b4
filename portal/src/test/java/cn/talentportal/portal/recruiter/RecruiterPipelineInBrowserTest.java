package cn.talentportal.portal.recruiter;

import cn.talentportal.domain.candidate.CandidateCommands.AcceptOffer;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.browser.BrowserTestBase;
import cn.talentportal.portal.recruiter.PipelineJourneys.Applicant;
import cn.talentportal.portal.recruiter.PipelineJourneys.School;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.projections.application.ApplicationStatus;
import com.microsoft.playwright.Locator;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recruiter takes a graduate through the pipeline in Chromium, in Chinese: screens in, and, after the interview
 * (by commands: another feature's screens), extends an offer, and once the candidate has accepted (a command, as if
 * in another session; shown without a reload) signs and places. Screenshots on a desktop and a phone under
 * {@code portal/target/screenshots/}.
 */
class RecruiterPipelineInBrowserTest extends BrowserTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired QueryGateway queries;
    @Autowired TestClock clock;

    @Test
    void a_recruiter_screens_in_offers_signs_and_places_a_graduate() {
        PipelineJourneys journeys = new PipelineJourneys(commands, accounts, queries, clock);
        School school = journeys.school(PipelineJourneys.unique("县实验小学"));
        String title = PipelineJourneys.unique("小学数学教师");
        String openingId = journeys.publishOpening(school, title, 1);
        Applicant applicant = journeys.applies("何晓雯", openingId);
        journeys.awaitApplication(openingId, applicant.applicationId(), a -> true, "the application");
        String pipeline = "/recruiter/openings/" + openingId + "/pipeline";

        openDesktop();
        Locator grid = page.locator("#pipeline-applications");
        try {
            browser.signIn(school.recruiter().username(), PASSWORD);
            assertThat(page.locator("#home-new-applications-count")).hasText("1");
            browser.screenshot("pipeline-01-recruiter-home");
            browser.open("/recruiter/openings");
            page.locator("#pipeline-" + openingId).click();
            assertThat(page.locator("#pipeline-count-APPLIED")).hasText("1");
            assertThat(grid).containsText("何晓雯");

            grid.locator("vaadin-checkbox").filter(new Locator.FilterOptions().setVisible(true)).last().click();
            page.locator("#pipeline-screen-in").click();
            page.locator("#screening-reason textarea").fill("数学专业，有支教经历");
            page.locator("#screening-confirm").click();
            assertThat(grid).containsText("初筛通过");
            assertThat(page.locator("#pipeline-count-IN_REVIEW")).hasText("1");
            browser.screenshot("pipeline-02-screened-in");

            journeys.interviewRecommends(school, applicant);
            // the interview's steps are the interviews read model's: they show when the page is opened again
            journeys.awaitApplication(openingId, applicant.applicationId(),
                    a -> a.status() == ApplicationStatus.INTERVIEW_RECOMMENDED, "the recommendation");
            browser.open(pipeline);
            page.locator("#pipeline-offer-" + applicant.applicationId()).click();
            page.locator("#offer-salary input").fill("6200");
            browser.screenshot("pipeline-03-offer-form");
            page.locator("#offer-confirm").click();
            assertThat(grid).containsText("已发录用通知");
            assertThat(page.locator("#pipeline-count-OFFER")).hasText("1");

            actAs(applicant.account());
            commands.send(new AcceptOffer(applicant.candidateId(), applicant.applicationId()));
            // the candidate's answer shows without a reload (push)
            page.locator("#pipeline-sign-" + applicant.applicationId()).click();
            page.locator("#sign-confirm").click();
            assertThat(page.locator("#pipeline-count-SIGNED")).hasText("1");
            page.locator("#pipeline-place-" + applicant.applicationId()).click();
            page.locator("#place-confirm").click();
            assertThat(grid).containsText("已到岗");
            assertThat(page.locator("#pipeline-count-PLACED")).hasText("1");
            browser.screenshot("pipeline-04-placed");
        } catch (RuntimeException | AssertionError failure) {
            browser.screenshot("pipeline-failure");
            throw failure;
        }
        assertThat(journeys.application(openingId, applicant.applicationId()).orElseThrow().status())
                .isEqualTo(ApplicationStatus.PLACED);

        openPhone();
        browser.signIn(school.recruiter().username(), PASSWORD);
        browser.open(pipeline);
        assertThat(browser.page().locator("#pipeline-count-PLACED")).hasText("1");
        browser.screenshot("pipeline-05-phone");
    }
}
