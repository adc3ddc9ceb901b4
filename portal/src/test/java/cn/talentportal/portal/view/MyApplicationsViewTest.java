package cn.talentportal.portal.view;

import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.admin.ProcessorsView;
import cn.talentportal.portal.applications.MyApplicationsView;
import cn.talentportal.portal.journey.ExtendedOffers;
import cn.talentportal.portal.journey.ExtendedOffers.Offered;
import cn.talentportal.portal.login.LoginView;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsOfCandidate;
import cn.talentportal.projections.application.ApplicationStatus;
import cn.talentportal.projections.application.ApplicationView;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.portal.Eventually.eventually;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MyApplicationsViewTest extends ViewTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;
    @Autowired QueryGateway queries;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void an_open_offer_is_accepted_from_the_candidates_own_applications() {
        String title = "初中物理教师" + UUID.randomUUID().toString().substring(0, 6);
        Offered offer = new ExtendedOffers(commands, accounts, clock)
                .offer("县第二中学", "韩知远", title, "物理教师", 6100, 30, 7);
        eventually(() -> statusOf(offer), status -> status == ApplicationStatus.OFFER_EXTENDED,
                "the offer in the candidate's applications");
        signIn(offer.candidate());

        UI.getCurrent().navigate(MyApplicationsView.class);
        @SuppressWarnings("unchecked")
        Grid<ApplicationView> grid = _get(Grid.class, spec -> spec.withId("my-applications"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        _click(_get(GridKt._getCellComponent(grid, 0, "offer"), Button.class,
                spec -> spec.withId("accept-offer-" + offer.applicationId())));

        expectNotifications("您已接受“" + title + "”的录用通知");
        eventually(() -> statusOf(offer), status -> status == ApplicationStatus.OFFER_ACCEPTED,
                "the accepted offer");
    }

    @Test
    void a_candidate_cannot_open_an_administrators_view_and_a_visitor_is_sent_to_sign_in() {
        UI.getCurrent().navigate(ProcessorsView.class);
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst())
                .isInstanceOf(LoginView.class);

        signIn(account(accounts, "karibu", Role.CANDIDATE, "测试用户", null, UUID.randomUUID().toString()));
        assertThatThrownBy(() -> UI.getCurrent().navigate(ProcessorsView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    private ApplicationStatus statusOf(Offered offer) {
        return asSystem(() -> queries.query(new FindApplicationsOfCandidate(offer.candidateId()),
                        ResponseTypes.multipleInstancesOf(ApplicationView.class)).join()).stream()
                .filter(a -> a.applicationId().equals(offer.applicationId()))
                .map(ApplicationView::status).findFirst().orElse(null);
    }
}
