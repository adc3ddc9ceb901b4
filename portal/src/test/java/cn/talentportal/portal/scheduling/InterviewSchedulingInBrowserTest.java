package cn.talentportal.portal.scheduling;

import cn.talentportal.domain.interview.InterviewOutcome;
import cn.talentportal.domain.interview.InterviewStatus;
import cn.talentportal.domain.interview.PanelMember;
import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.browser.ChineseBrowser;
import cn.talentportal.portal.scheduling.SchedulingFixture.Application;
import cn.talentportal.portal.scheduling.SchedulingFixture.Graduate;
import cn.talentportal.portal.scheduling.SchedulingFixture.School;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsForEmployer;
import cn.talentportal.projections.application.ApplicationStatus;
import cn.talentportal.projections.application.ApplicationView;
import cn.talentportal.projections.interview.CalendarEntry;
import cn.talentportal.projections.interview.InterviewDetail;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewDetail;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewsOfCandidate;
import cn.talentportal.projections.interview.InterviewQueries.FindRubrics;
import cn.talentportal.projections.interview.RubricView;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.talentportal.portal.Eventually.eventually;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium, in Chinese: a recruiter schedules an interview for a screened-in application, seeing their own busy
 * time that day and the refusal of a clash next to the time; the candidate sees the invitation on a phone; after
 * the interview the recruiter records it held, submits a scorecard and decides the outcome. Screenshots (desktop
 * and phone) in {@code portal/target/screenshots/}.
 */
class InterviewSchedulingInBrowserTest extends PortalTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;
    @Autowired QueryGateway queries;
    @LocalServerPort int port;

    ChineseBrowser desktop;
    ChineseBrowser phone;

    @AfterEach
    void close() {
        clock.reset();
        actAsNobody();
        if (desktop != null) {
            desktop.close();
        }
        if (phone != null) {
            phone.close();
        }
    }

    @Test
    void a_recruiter_schedules_scores_and_decides_and_the_candidate_sees_the_invitation() {
        SchedulingFixture fixture = new SchedulingFixture(commands, accounts, clock);
        School school = fixture.school("县实验中学" + SchedulingFixture.suffix());
        String rubricId = fixture.rubric(school);
        List<PanelMember> recruiterAlone = List.of(new PanelMember(school.recruiter().userId(),
                school.recruiter().displayName()));
        // the recruiter already interviews someone tomorrow from 10:00 to 11:00
        Application earlier = fixture.screenedIn(school, fixture.graduate("钱多"), "初中体育教师");
        fixture.schedule(school, earlier, rubricId, fixture.tomorrowAt(10, 60), recruiterAlone);
        Graduate graduate = fixture.graduate("苏晴");
        Application application = fixture.screenedIn(school, graduate, "初中音乐教师");
        actAsNobody(); // from here the browser acts; the test only looks
        RubricView rubric = eventually(() -> queries.query(new FindRubrics(),
                        ResponseTypes.multipleInstancesOf(RubricView.class)).join().stream()
                        .filter(r -> r.rubricId().equals(rubricId)).findFirst(), Optional::isPresent, "the rubric")
                .orElseThrow();
        eventually(() -> queries.query(new FindApplicationsForEmployer(school.unitId()),
                        ResponseTypes.multipleInstancesOf(ApplicationView.class)).join().stream()
                        .filter(a -> a.applicationId().equals(application.applicationId())).findFirst(),
                a -> a.map(v -> v.status() == ApplicationStatus.SCREENED_IN).orElse(false), "the application");
        eventually(() -> interviewsOf(earlier.graduate()), list -> !list.isEmpty(), "the earlier interview");

        desktop = ChineseBrowser.on(port);
        Page page = desktop.page();
        try {
            desktop.signIn(school.recruiter().username(), PASSWORD);
            desktop.open("/recruiter/interviews/schedule/" + application.applicationId());
            assertThat(page.locator("#schedule-for")).containsText("苏晴");
            // tomorrow 10:00 is the default: the recruiter's own interview then shows as a clash
            Locator myDay = page.locator("#availability-" + school.recruiter().userId());
            assertThat(myDay).containsText("10:00–11:00");
            assertThat(myDay).containsText("与所选时间冲突");
            page.locator("#schedule-rubric input").fill(rubric.name());
            page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(rubric.name()))
                    .first().click();
            desktop.settle();
            page.locator("#schedule-submit").click();
            Locator timeError = page.locator("#schedule-time [slot=error-message]");
            assertThat(timeError).containsText("已有其他面试安排");
            desktop.screenshot("scheduling-01-clash-refused");

            page.locator("#schedule-time input").fill("14:00");
            page.locator("#schedule-time input").press("Enter");
            desktop.settle();
            assertThat(page.locator("#schedule-time")).not().hasAttribute("invalid", "");
            assertThat(myDay).not().containsText("与所选时间冲突");
            page.locator("#schedule-submit").click();
            assertThat(page.locator("#interview-summary")).containsText("苏晴");
            assertThat(page.locator("#interview-status")).containsText("已安排");
            desktop.screenshot("scheduling-02-scheduled");
        } catch (RuntimeException | AssertionError failure) {
            desktop.screenshot("scheduling-failure-recruiter");
            throw failure;
        }
        String interviewId = interviewsOf(graduate).getFirst().interviewId();

        phone = ChineseBrowser.phone(port);
        try {
            phone.signIn(graduate.account().username(), PASSWORD);
            phone.open("/my-interviews");
            Locator invitation = phone.page().locator("#invitation-" + interviewId);
            assertThat(invitation).containsText("初中音乐教师");
            assertThat(invitation).containsText("14:00");
            assertThat(invitation).containsText(school.recruiter().displayName());
            assertThat(invitation).containsText("面试间在开始前 15 分钟开放");
            phone.screenshot("scheduling-03-invitation-phone");
        } catch (RuntimeException | AssertionError failure) {
            phone.screenshot("scheduling-failure-candidate");
            throw failure;
        }

        clock.advance(Duration.ofDays(2)); // the interview has taken place
        try {
            desktop.open("/recruiter/interviews/" + interviewId);
            page.locator("#record-held").click();
            assertThat(page.locator("#interview-status")).containsText("已面试");
            page.locator("#scorecard-subject input").fill("9");
            page.locator("#scorecard-teaching input").fill("8");
            page.locator("#scorecard-fit input").fill("5");
            page.locator("#scorecard-comment textarea").fill("乐理扎实，课堂组织好");
            desktop.settle();
            page.locator("#scorecard-submit").click();
            assertThat(page.locator("#scorecard-by-" + school.recruiter().userId())).containsText("乐理扎实");
            page.locator("#outcome-choice vaadin-radio-button").filter(new Locator.FilterOptions()
                    .setHasText("建议录用")).first().click();
            page.locator("#outcome-reason textarea").fill("评分表现优秀");
            desktop.settle();
            page.locator("#outcome-submit").click();
            assertThat(page.locator("#interview-outcome")).containsText("建议录用");
            desktop.screenshot("scheduling-04-decided");
        } catch (RuntimeException | AssertionError failure) {
            desktop.screenshot("scheduling-failure-decision");
            throw failure;
        }
        InterviewDetail decided = queries.query(new FindInterviewDetail(interviewId),
                ResponseTypes.optionalInstanceOf(InterviewDetail.class)).join().orElseThrow();
        assertThat(decided.entry().status()).isEqualTo(InterviewStatus.DECIDED);
        assertThat(decided.outcome()).isEqualTo(InterviewOutcome.RECOMMENDED);

        try {
            phone.close();
            phone = ChineseBrowser.phone(port);
            phone.signIn(school.recruiter().username(), PASSWORD);
            phone.open("/recruiter/interviews/" + interviewId);
            assertThat(phone.page().locator("#interview-outcome")).containsText("建议录用");
            phone.screenshot("scheduling-05-decided-phone");
        } catch (RuntimeException | AssertionError failure) {
            phone.screenshot("scheduling-failure-phone");
            throw failure;
        }
    }

    private List<CalendarEntry> interviewsOf(Graduate graduate) {
        return queries.query(new FindInterviewsOfCandidate(graduate.candidateId()),
                ResponseTypes.multipleInstancesOf(CalendarEntry.class)).join();
    }
}
