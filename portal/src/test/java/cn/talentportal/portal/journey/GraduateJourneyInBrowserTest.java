package cn.talentportal.portal.journey;

import cn.talentportal.domain.candidate.CandidateCommands.PlaceCandidate;
import cn.talentportal.domain.candidate.CandidateCommands.SignContract;
import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.browser.BrowserTestBase;
import cn.talentportal.portal.browser.ChineseBrowser;
import cn.talentportal.portal.journey.JourneySteps.Graduate;
import cn.talentportal.portal.journey.JourneySteps.Unit;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsOfCandidate;
import cn.talentportal.projections.application.ApplicationStatus;
import cn.talentportal.projections.application.ApplicationView;
import cn.talentportal.projections.retention.CaseloadEntry;
import cn.talentportal.projections.retention.RetentionQueries.FindCasesOfCandidate;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.portal.Eventually.eventually;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A graduate's main journey on a 390-pixel phone in Chromium, in Chinese, every step of theirs on the portal's
 * pages: search, open the opening, apply, see the interview invitation, accept the offer, and once placed ask for
 * a talent apartment and see the request. The school's steps are the recruiter's
 * ({@code RecruiterJourneyInBrowserTest}); here they are sent as commands. Screenshots phone and desktop.
 */
class GraduateJourneyInBrowserTest extends BrowserTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired QueryGateway queries;
    @Autowired TestClock clock;

    @Test
    void a_graduate_searches_applies_accepts_the_offer_and_asks_for_an_apartment_on_a_phone() {
        JourneySteps steps = new JourneySteps(commands, accounts, clock);
        Unit school = steps.schoolWithRecruiters("县第四中学" + UUID.randomUUID().toString().substring(0, 4));
        String rubricId = steps.defineRubric(school.admin());
        String title = "初中语文教师" + UUID.randomUUID().toString().substring(0, 6);
        String openingId = steps.publishOpening(school, title, 1);
        Graduate graduate = steps.selfRegistered("温以宁");

        openPhone();
        try {
            browser.signIn(graduate.account().username(), PASSWORD);
            browser.open("/jobs");
            Locator result = searchUntilFound(page, title);
            browser.screenshot("journey-graduate-01-search-phone");
            result.click();
            assertThat(page.locator("#opening-title")).containsText(title);
            page.locator("#opening-apply").click();
            assertThat(notice(page, "已申请“" + title + "”")).isVisible();
            browser.screenshot("journey-graduate-02-applied-phone");

            String applicationId = eventually(() -> applications(graduate), list -> !list.isEmpty(), "the application")
                    .getFirst().applicationId();
            steps.screenIn(school, graduate, applicationId);
            Instant start = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
            InterviewSlot slot = new InterviewSlot(start, start.plus(Duration.ofMinutes(45)));
            String interviewId = steps.scheduleInterview(school, graduate, applicationId, rubricId, slot);
            actAsNobody();
            awaitStatus(graduate, ApplicationStatus.INTERVIEW_SCHEDULED);
            browser.open("/my-interviews");
            assertThat(page.locator("#invitation-" + interviewId)).containsText(title);
            assertThat(page.locator("#invitation-" + interviewId)).containsText(school.recruiter().displayName());
            browser.screenshot("journey-graduate-03-invitation-phone");

            clock.advance(Duration.between(clock.instant(), slot.end().plus(Duration.ofHours(1))));
            steps.holdAndRecommend(school, interviewId, slot);
            steps.offerExtended(school, graduate, applicationId, interviewId);
            actAsNobody();
            awaitStatus(graduate, ApplicationStatus.OFFER_EXTENDED);
            browser.open("/my-applications");
            acceptOffer(page, applicationId, title);
            browser.screenshot("journey-graduate-04-offer-accepted-phone");

            actAs(school.recruiter());
            commands.send(new SignContract(graduate.candidateId(), applicationId, 3));
            commands.send(new PlaceCandidate(graduate.candidateId(), applicationId, "初中语文教师",
                    LocalDate.now(clock).plusDays(14)));
            actAsNobody();
            eventually(() -> queries.query(new FindCasesOfCandidate(graduate.candidateId()),
                    ResponseTypes.multipleInstancesOf(CaseloadEntry.class)).join(), list -> !list.isEmpty(),
                    "the retention case opened by the placement");

            browser.open("/my-services");
            page.locator("#service-type").click();
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("人才公寓").setExact(true)).click();
            Locator details = page.locator("#service-details textarea");
            details.fill("两周后到岗，希望安排学校附近的人才公寓");
            details.press("Tab");
            page.locator("#service-submit").click();
            assertThat(notice(page, "已提交人才公寓申请")).isVisible();
            assertThat(page.locator("#my-service-requests vaadin-grid-cell-content:visible")
                    .filter(new Locator.FilterOptions().setHasText("待办理")).first()).isVisible();
            assertThat((Number) page.evaluate("() => document.documentElement.scrollWidth"))
                    .as("no sideways scrolling on the phone").matches(width -> width.intValue() <= 390);
            browser.screenshot("journey-graduate-05-apartment-requested-phone");
        } catch (RuntimeException | AssertionError failure) {
            browser.screenshot("journey-graduate-failure");
            throw failure;
        }

        browser.close();
        browser = ChineseBrowser.on(port);
        browser.signIn(graduate.account().username(), PASSWORD);
        browser.open("/my-applications");
        assertThat(browser.page().locator("#my-applications")).containsText("已到岗");
        browser.screenshot("journey-graduate-06-applications-desktop");
    }

    /**
     * The list is live: a late step of the interview read model can redraw the row while the click is on its way,
     * and that click is lost with the old button. Clicked again then, never after an answer was shown.
     */
    private void acceptOffer(Page page, String applicationId, String title) {
        Locator accepted = notice(page, "您已接受“" + title + "”的录用通知");
        for (int attempt = 1; ; attempt++) {
            page.locator("#accept-offer-" + applicationId).click();
            browser.settle();
            try {
                accepted.waitFor(new Locator.WaitForOptions().setTimeout(5_000));
                return;
            } catch (TimeoutError lost) {
                if (attempt == 3 || page.locator("vaadin-notification-card").count() > 0) {
                    throw lost;
                }
            }
        }
    }

    /** The opening reaches the index a moment after it is published: type the search again until it is found. */
    private static Locator searchUntilFound(Page page, String title) {
        Locator text = page.locator("#job-search-text input");
        Locator link = page.locator("#job-search-results a.portal-opening-link").filter(
                new Locator.FilterOptions().setHasText(title)).first();
        for (int attempt = 1; ; attempt++) {
            text.fill("");
            text.fill(title);
            text.press("Enter");
            try {
                link.waitFor(new Locator.WaitForOptions().setTimeout(3_000));
                return link;
            } catch (TimeoutError notYet) {
                if (attempt == 10) {
                    throw notYet;
                }
            }
        }
    }

    private List<ApplicationView> applications(Graduate graduate) {
        return queries.query(new FindApplicationsOfCandidate(graduate.candidateId()),
                ResponseTypes.multipleInstancesOf(ApplicationView.class)).join();
    }

    private void awaitStatus(Graduate graduate, ApplicationStatus status) {
        eventually(() -> applications(graduate), list -> list.stream().anyMatch(a -> a.status() == status),
                "the application " + status);
    }

    private static Locator notice(Page page, String text) {
        return page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText(text)).first();
    }
}
