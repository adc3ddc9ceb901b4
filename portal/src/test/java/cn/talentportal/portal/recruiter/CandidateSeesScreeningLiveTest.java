package cn.talentportal.portal.recruiter;

import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.applications.MyApplicationsView;
import cn.talentportal.portal.recruiter.PipelineJourneys.Applicant;
import cn.talentportal.portal.recruiter.PipelineJourneys.School;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.view.ViewTestBase;
import cn.talentportal.projections.application.ApplicationView;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.portal.Eventually.eventually;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The other side of the live pipeline: a candidate's open My applications shows the recruiter's screening. */
class CandidateSeesScreeningLiveTest extends ViewTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired QueryGateway queries;
    @Autowired TestClock clock;

    @Test
    void an_open_list_of_own_applications_shows_the_screening_as_it_happens() {
        PipelineJourneys journeys = new PipelineJourneys(commands, accounts, queries, clock);
        School school = journeys.school(PipelineJourneys.unique("县第七中学"));
        String openingId = journeys.publishOpening(school, PipelineJourneys.unique("高中生物教师"), 1);
        Applicant applicant = journeys.applies("蒋九", openingId);
        journeys.awaitApplication(openingId, applicant.applicationId(), a -> true, "the application");
        signIn(applicant.account());
        UI.getCurrent().navigate(MyApplicationsView.class);
        @SuppressWarnings("unchecked")
        Grid<ApplicationView> grid = _get(Grid.class, spec -> spec.withId("my-applications"));
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("已投递");

        journeys.screenIn(school, applicant);
        actAs(applicant.account()); // the UI runs on this thread, as the graduate signed in to it

        eventually(() -> {
            MockVaadin.runUIQueue(); // what the update asked the UI to do (push, in a browser)
            return GridKt._getFormattedRow(grid, 0);
        }, row -> row.contains("审核中"), "the screening in the candidate's open list");
    }
}
