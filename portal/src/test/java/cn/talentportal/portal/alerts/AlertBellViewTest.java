package cn.talentportal.portal.alerts;

import cn.talentportal.domain.alert.JobAlertCommands.MarkJobAlertsRead;
import cn.talentportal.domain.alert.JobAlertCommands.RaiseJobAlert;
import cn.talentportal.domain.alert.JobAlertCommands.SaveSearch;
import cn.talentportal.domain.alert.SearchCriteria;
import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.ConsentPurpose;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.home.HomeView;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.view.ViewTestBase;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.portal.Eventually.eventually;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

/** The bell of an open page follows the candidate's alerts as they are stored and read, with no reload or poll. */
class AlertBellViewTest extends ViewTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;

    @Test
    void an_alert_stored_while_the_page_is_open_rings_the_bell_and_reading_it_silences_it() {
        String candidateId = UUID.randomUUID().toString();
        // registered, as every candidate with alerts is: the alert mail process reads who they are
        commands.sendAsSystem(new RegisterCandidate(candidateId, "许清禾",
                new PhoneNumber("136" + String.format("%08d", Math.floorMod(candidateId.hashCode(), 100_000_000))),
                new EmailAddress("bell-" + candidateId.substring(0, 8) + "@example.cn"), null,
                new CandidateProfile(Education.JUNIOR_COLLEGE, "县卫生学校", "护理学", 2026, "城关镇", null, null),
                new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                RegistrationConsent.given("2026-11", ConsentPurpose.DATA_USE)));
        UserAccount candidate = account(accounts, "bell", Role.CANDIDATE, "许清禾", null, candidateId);
        signIn(candidate);
        UI.getCurrent().navigate(HomeView.class);
        Span badge = _get(AlertBell.class, spec -> spec.withId("alert-bell")).badge();
        eventually(() -> badge.isVisible(), visible -> !visible, "a silent bell at first");

        actAs(candidate);
        String savedSearchId = "nurses-" + candidateId;
        commands.send(new SaveSearch(candidateId, savedSearchId, "护士", new SearchCriteria("护士", Sector.HEALTH, null)));
        commands.sendAsSystem(new RaiseJobAlert(candidateId, savedSearchId, UUID.randomUUID().toString(),
                "急需护士", "县人民医院"));
        eventually(() -> pushed(badge), b -> b.isVisible() && "1".equals(b.getText()), "the pushed alert count");

        actAs(candidate);
        commands.send(new MarkJobAlertsRead(candidateId));
        eventually(() -> pushed(badge), b -> !b.isVisible(), "the bell silenced once read");
    }

    /** What the browser would have received: the UI's pending pushes run, as the websocket would deliver them. */
    private static Span pushed(Span badge) {
        MockVaadin.clientRoundtrip(false);
        return badge;
    }
}
