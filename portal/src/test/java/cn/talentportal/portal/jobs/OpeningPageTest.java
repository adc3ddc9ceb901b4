package cn.talentportal.portal.jobs;

import cn.talentportal.domain.opening.OpeningCommands.CloseOpening;
import cn.talentportal.domain.opening.OpeningStatus;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.jobs.SelfServiceFixtures.Candidate;
import cn.talentportal.portal.jobs.SelfServiceFixtures.Employer;
import cn.talentportal.portal.login.LoginView;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.view.ViewTestBase;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsOfCandidate;
import cn.talentportal.projections.application.ApplicationView;
import cn.talentportal.projections.opening.OpeningQueries.FindOpening;
import cn.talentportal.projections.opening.OpeningView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.portal.Eventually.eventually;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

class OpeningPageTest extends ViewTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;
    @Autowired QueryGateway queries;

    SelfServiceFixtures fixtures;
    Employer hospital;
    String suffix;

    @BeforeEach
    void hospital() {
        fixtures = new SelfServiceFixtures(commands, accounts, clock);
        suffix = UUID.randomUUID().toString().substring(0, 6);
        hospital = fixtures.hospital("青山镇卫生院" + suffix);
    }

    @Test
    void a_candidate_reads_the_opening_and_applies_from_its_page() {
        String title = "病房护士" + suffix;
        String openingId = fixtures.publishedOpening(hospital, title);
        Candidate graduate = fixtures.candidate("林晓");
        awaitStatus(openingId, OpeningStatus.PUBLISHED);
        signIn(graduate.account());

        UI.getCurrent().navigate("jobs/" + openingId);
        assertThat(_get(H2.class, spec -> spec.withId("opening-title")).getText()).isEqualTo(title);
        assertThat(_get(Div.class, spec -> spec.withId("opening-requirements")).getElement().getTextRecursively())
                .contains("青山镇卫生院" + suffix, "青山镇", "大专", "护理学", "3");
        assertThat(_get(Paragraph.class, spec -> spec.withId("opening-description")).getText())
                .isEqualTo("负责住院部护理工作，参与夜班轮值");
        _get(Div.class, spec -> spec.withId("opening-similar"));

        Button apply = _get(Button.class, spec -> spec.withId("opening-apply"));
        _click(apply);
        expectNotifications("已申请“" + title + "”");
        assertThat(apply.isEnabled()).isFalse();
        assertThat(apply.getText()).isEqualTo("已申请");
        eventually(() -> applicationsOf(graduate), apps -> apps.stream()
                .anyMatch(a -> a.openingId().equals(openingId)), "the application in the candidate's list");

        UI.getCurrent().navigate("jobs/" + openingId); // opened again: already applied
        assertThat(_get(Button.class, spec -> spec.withId("opening-apply")).isEnabled()).isFalse();
    }

    @Test
    void a_visitor_who_applies_is_sent_to_sign_in() {
        String openingId = fixtures.publishedOpening(hospital, "药房药剂师" + suffix);
        awaitStatus(openingId, OpeningStatus.PUBLISHED);

        UI.getCurrent().navigate("jobs/" + openingId);
        _click(_get(Button.class, spec -> spec.withId("opening-apply")));

        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst())
                .isInstanceOf(LoginView.class);
    }

    @Test
    void an_unknown_or_unpublished_opening_says_it_cannot_be_found() {
        UI.getCurrent().navigate("jobs/" + UUID.randomUUID());
        assertThat(_get(Paragraph.class, spec -> spec.withId("opening-not-found")).getText())
                .isEqualTo("找不到这个岗位，它可能尚未发布或链接有误");

        String draftId = fixtures.draftOpening(hospital, "草稿岗位" + suffix);
        awaitStatus(draftId, OpeningStatus.DRAFT);
        UI.getCurrent().navigate("jobs/" + draftId);
        _get(Paragraph.class, spec -> spec.withId("opening-not-found"));
        _assertNone(H2.class, spec -> spec.withId("opening-title"));
    }

    @Test
    void a_closed_opening_says_it_takes_no_applications_and_offers_no_apply() {
        String openingId = fixtures.publishedOpening(hospital, "检验科技师" + suffix);
        SelfServiceFixtures.as(hospital.recruiter(), () -> commands.send(new CloseOpening(openingId, "已招满")));
        awaitStatus(openingId, OpeningStatus.CLOSED);

        inEnglish();
        UI.getCurrent().navigate("jobs/" + openingId);
        assertThat(_get(Paragraph.class, spec -> spec.withId("opening-closed")).getText())
                .isEqualTo("This opening is not taking applications now (Closed)");
        _assertNone(Button.class, spec -> spec.withId("opening-apply"));
    }

    @Test
    void a_search_result_links_to_the_opening_page() {
        String title = "急诊科护士" + suffix;
        String openingId = fixtures.publishedOpening(hospital, title);

        RouterLink link = eventually(() -> {
            UI.getCurrent().navigate(JobSearchView.class);
            TextField text = _get(TextField.class, spec -> spec.withId("job-search-text"));
            _setValue(text, ""); // retyped on every try: the same value again would not search again
            _setValue(text, title);
            List<RouterLink> links = _find(RouterLink.class, spec -> spec.withClasses("portal-opening-link"));
            return links.stream().filter(l -> l.getHref().equals("jobs/" + openingId)).findFirst().orElse(null);
        }, found -> found != null, "the opening among the search results");

        UI.getCurrent().navigate(link.getHref());
        assertThat(_get(H2.class, spec -> spec.withId("opening-title")).getText()).isEqualTo(title);
    }

    private void awaitStatus(String openingId, OpeningStatus status) {
        eventually(() -> queries.query(new FindOpening(openingId), ResponseTypes.optionalInstanceOf(OpeningView.class))
                .join().map(OpeningView::status).orElse(null), status::equals, "the opening " + status);
    }

    private List<ApplicationView> applicationsOf(Candidate candidate) {
        return queries.query(new FindApplicationsOfCandidate(candidate.candidateId()),
                ResponseTypes.multipleInstancesOf(ApplicationView.class)).join();
    }
}
