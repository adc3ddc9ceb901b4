package cn.talentportal.portal.recruiter;

import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.home.HomeView;
import cn.talentportal.portal.recruiter.PipelineJourneys.Applicant;
import cn.talentportal.portal.recruiter.PipelineJourneys.School;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.view.ViewTestBase;
import cn.talentportal.projections.application.ApplicationStatus;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class RecruiterHomeViewTest extends ViewTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired QueryGateway queries;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String count(String card) {
        return _get(Span.class, spec -> spec.withId(card + "-count")).getText();
    }

    @Test
    void a_recruiter_signing_in_sees_new_applications_todays_interviews_and_waiting_offers() {
        PipelineJourneys journeys = new PipelineJourneys(commands, accounts, queries, clock);
        School school = journeys.school(PipelineJourneys.unique("县第五中学"));
        String openingId = journeys.publishOpening(school, PipelineJourneys.unique("初中化学教师"), 3);
        journeys.applies("陈甲", openingId);
        Applicant unscreened = journeys.applies("陈乙", openingId);
        Applicant offered = journeys.applies("陈丁", openingId);
        journeys.offered(school, offered); // moves the clock past its interview
        Applicant interviewed = journeys.applies("陈丙", openingId);
        journeys.interviewedToday(school, interviewed);
        journeys.awaitApplication(openingId, unscreened.applicationId(), a -> true, "the applications");
        journeys.awaitApplication(openingId, interviewed.applicationId(),
                a -> a.status() == ApplicationStatus.INTERVIEW_SCHEDULED, "the interview");
        journeys.awaitApplication(openingId, offered.applicationId(),
                a -> a.status() == ApplicationStatus.OFFER_EXTENDED, "the offer");

        signIn(school.recruiter());
        UI.getCurrent().navigate(HomeView.class);

        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst())
                .isInstanceOf(RecruiterHomeView.class);
        assertThat(count("home-new-applications")).isEqualTo("2");
        assertThat(count("home-interviews-today")).isEqualTo("1");
        assertThat(count("home-offers-waiting")).isEqualTo("1");
        assertThat(_get(RouterLink.class, spec -> spec.withId("home-new-applications")).getHref())
                .isEqualTo("recruiter/applications?status=SUBMITTED");
    }
}
