package cn.talentportal.portal.security;

import cn.talentportal.domain.candidate.CandidateCommands.AcceptOffer;
import cn.talentportal.domain.candidate.CandidateCommands.DeclineOffer;
import cn.talentportal.domain.candidate.CandidateCommands.UpdateCandidateProfile;
import cn.talentportal.domain.candidate.CandidateCommands.WithdrawApplication;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.applications.MyApplicationsView;
import cn.talentportal.portal.interview.InterviewRoomView;
import cn.talentportal.portal.invitations.MyInterviewsView;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.view.ViewTestBase;
import cn.talentportal.projections.application.ApplicationJourneyQueries;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsOfCandidate;
import cn.talentportal.projections.application.ApplicationView;
import cn.talentportal.projections.candidate.CandidateQueries.FindCandidateHistory;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewDetail;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.RouteParameters;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A graduate who guesses or copies another graduate's ids (from a shared link, a screenshot, a URL) gets nothing of
 * theirs: not through the pages, not through commands or queries sent as themselves, not through the public API.
 */
class GuessedIdsTest extends ViewTestBase {

    private static AuthorizationWorld.Side mine;
    private static AuthorizationWorld.Side theirs;

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;
    @Autowired Ownership ownership;
    @Autowired QueryGateway queries;
    @Autowired ApplicationJourneyQueries applications;
    @LocalServerPort int port;

    @BeforeEach
    void twoGraduates() {
        if (mine == null) {
            AuthorizationWorld world = new AuthorizationWorld(commands, accounts, clock, ownership);
            mine = world.side("甲校");
            theirs = world.side("乙校");
        }
    }

    @Test
    void anothers_interview_room_says_not_invited_as_for_an_interview_that_does_not_exist() {
        signIn(mine.candidate());
        UI.getCurrent().navigate(InterviewRoomView.class, new RouteParameters("interviewId", theirs.interviewId()));
        _get(Component.class, spec -> spec.withId("room-refused"));

        UI.getCurrent().navigate(InterviewRoomView.class, new RouteParameters("interviewId", mine.interviewId()));
        assertThat(_find(Component.class, spec -> spec.withId("room-refused"))).isEmpty();
    }

    @Test
    void the_own_lists_show_only_the_signed_in_graduates_applications_and_interviews() {
        signIn(mine.candidate());
        UI.getCurrent().navigate(MyApplicationsView.class);
        @SuppressWarnings("unchecked")
        Grid<ApplicationView> grid = _get(Grid.class, spec -> spec.withId("my-applications"));
        List<String> listed = IntStream.range(0, GridKt._size(grid))
                .mapToObj(row -> GridKt._get(grid, row).applicationId()).toList();
        assertThat(listed).containsExactly(mine.applicationId());

        UI.getCurrent().navigate(MyInterviewsView.class);
        _get(Component.class, spec -> spec.withId("invitation-" + mine.interviewId()));
        assertThat(_find(Component.class, spec -> spec.withId("invitation-" + theirs.interviewId()))).isEmpty();
    }

    @Test
    void commands_naming_anothers_application_are_refused_and_change_nothing() {
        List<ApplicationView> before = theirApplications();
        actAs(mine.candidate());
        assertRefusedAsNotTheirs(() -> commands.send(new AcceptOffer(theirs.candidateId(), theirs.applicationId())));
        assertRefusedAsNotTheirs(() -> commands.send(new DeclineOffer(theirs.candidateId(), theirs.applicationId(),
                "不去了")));
        assertRefusedAsNotTheirs(() -> commands.send(new WithdrawApplication(theirs.candidateId(),
                theirs.applicationId(), "不想去了")));
        assertRefusedAsNotTheirs(() -> commands.send(new UpdateCandidateProfile(theirs.candidateId(),
                new CandidateProfile(Education.BACHELOR, "某大学", "某专业", 2026, "城关镇", "重庆", null))));
        // the other's application id under one's own candidate id: one's own record has no such application
        assertThat(catchThrowableOfType(DomainRuleViolation.class, () -> commands.send(new WithdrawApplication(
                mine.candidateId(), theirs.applicationId(), "不想去了")))).isNotNull();
        actAsNobody();
        assertThat(theirApplications()).isEqualTo(before);
    }

    @Test
    void queries_naming_another_graduate_are_refused() {
        actAs(mine.candidate());
        assertRefusedAsNotTheirs(() -> queries.query(new FindApplicationsOfCandidate(theirs.candidateId()),
                ResponseTypes.multipleInstancesOf(ApplicationView.class)).join());
        assertRefusedAsNotTheirs(() -> queries.query(new FindInterviewDetail(theirs.interviewId()),
                ResponseTypes.optionalInstanceOf(Object.class)).join());
        assertRefusedAsNotTheirs(() -> queries.query(new FindCandidateHistory(theirs.candidateId()),
                ResponseTypes.multipleInstancesOf(Object.class)).join());
        assertThat(queries.query(new FindApplicationsOfCandidate(mine.candidateId()),
                ResponseTypes.multipleInstancesOf(ApplicationView.class)).join())
                .extracting(ApplicationView::applicationId).containsExactly(mine.applicationId());
    }

    @Test
    void the_public_api_answers_opening_data_only_whatever_id_is_put_in_the_path() throws Exception {
        String title = applications.handle(new FindApplicationsOfCandidate(theirs.candidateId())).getFirst()
                .openingTitle();
        HttpResponse<String> search = get("/api/public/openings?q=" + URLEncoder.encode(title, StandardCharsets.UTF_8));
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).doesNotContain(theirs.candidateId(), theirs.applicationId(), theirs.interviewId(),
                theirs.candidate().displayName());

        HttpResponse<String> similar = get("/api/public/openings/" + theirs.applicationId() + "/similar");
        assertThat(similar.body()).doesNotContain(theirs.candidateId(), theirs.candidate().displayName());
        for (String guessed : List.of("/api/public/openings/" + theirs.openingId() + "/applications",
                "/api/public/applications/" + theirs.applicationId(), "/api/applications/" + theirs.applicationId(),
                "/api/candidates/" + theirs.candidateId())) {
            // no such endpoint: an error, or the portal's page shell for a path it does not know, never data
            HttpResponse<String> answer = get(guessed);
            assertThat(answer.statusCode() >= 400 || !answer.headers().firstValue("Content-Type").orElse("")
                    .contains("json")).as(guessed + " answers no data").isTrue();
            assertThat(answer.body()).as(guessed).doesNotContain(theirs.candidateId(), theirs.applicationId(),
                    theirs.candidate().displayName());
        }
    }

    private List<ApplicationView> theirApplications() {
        return applications.handle(new FindApplicationsOfCandidate(theirs.candidateId()));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefusedAsNotTheirs(Executable attempt) {
        DomainRuleViolation refusal = catchThrowableOfType(DomainRuleViolation.class, () -> {
            try {
                attempt.execute();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause();
            }
        });
        assertThat(refusal).as("refused").isNotNull();
        assertThat(refusal.messageKey()).isEqualTo(MessageAuthorization.REFUSED);
    }
}
