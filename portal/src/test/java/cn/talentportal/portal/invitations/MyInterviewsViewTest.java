package cn.talentportal.portal.invitations;

import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.applications.MyApplicationsView;
import cn.talentportal.portal.scheduling.RecruiterInterviewsView;
import cn.talentportal.portal.scheduling.SchedulingFixture;
import cn.talentportal.portal.scheduling.SchedulingFixture.Application;
import cn.talentportal.portal.scheduling.SchedulingFixture.Graduate;
import cn.talentportal.portal.scheduling.SchedulingFixture.School;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.view.ViewTestBase;
import cn.talentportal.projections.interview.CalendarEntry;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewsOfCandidate;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.RouterLink;
import java.time.Duration;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.portal.Eventually.eventually;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MyInterviewsViewTest extends ViewTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;
    @Autowired QueryGateway queries;

    @Test
    void a_candidate_sees_the_invitations_with_time_panel_and_a_join_link_only_when_the_interview_is_near() {
        SchedulingFixture fixture = new SchedulingFixture(commands, accounts, clock);
        School school = fixture.school("县第八中学" + SchedulingFixture.suffix());
        String rubricId = fixture.rubric(school);
        Graduate graduate = fixture.graduate("邓琳");
        Application soon = fixture.screenedIn(school, graduate, "初中生物教师");
        Application later = fixture.screenedIn(school, graduate, "初中化学教师");
        String soonId = fixture.schedule(school, soon, rubricId, fixture.startingIn(Duration.ofMinutes(10), 45));
        String laterId = fixture.schedule(school, later, rubricId, fixture.tomorrowAt(16, 60));
        eventually(() -> asSystem(() -> queries.query(new FindInterviewsOfCandidate(graduate.candidateId()),
                ResponseTypes.multipleInstancesOf(CalendarEntry.class)).join()), list -> list.size() == 2,
                "both invitations in the read model");

        signIn(graduate.account());
        UI.getCurrent().navigate(MyApplicationsView.class);
        assertThat(_get(RouterLink.class, spec -> spec.withId("my-interviews-link")).getHref())
                .isEqualTo("my-interviews");
        UI.getCurrent().navigate(MyInterviewsView.class);

        Div near = _get(Div.class, spec -> spec.withId("invitation-" + soonId));
        assertThat(near.getElement().getTextRecursively()).contains("初中生物教师", "北京时间",
                school.recruiter().displayName(), school.panelist().displayName());
        assertThat(_get(RouterLink.class, spec -> spec.withId("join-" + soonId)).getHref())
                .isEqualTo("interview/" + soonId);
        Div tomorrow = _get(Div.class, spec -> spec.withId("invitation-" + laterId));
        assertThat(tomorrow.getElement().getTextRecursively()).contains("初中化学教师", "16:00",
                "面试间在开始前 15 分钟开放");
        assertThat(_find(RouterLink.class, spec -> spec.withId("join-" + laterId))).isEmpty();
        List<String> order = _get(Div.class, spec -> spec.withId("my-interviews")).getChildren()
                .map(card -> card.getId().orElse("")).toList();
        assertThat(order).containsExactly("invitation-" + soonId, "invitation-" + laterId);
    }

    @Test
    void a_candidate_cannot_open_the_recruiters_interviews() {
        SchedulingFixture fixture = new SchedulingFixture(commands, accounts, clock);
        signIn(fixture.graduate("彭程").account());
        assertThatThrownBy(() -> UI.getCurrent().navigate(RecruiterInterviewsView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }
}
