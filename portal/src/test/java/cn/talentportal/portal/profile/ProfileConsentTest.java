package cn.talentportal.portal.profile;

import cn.talentportal.domain.candidate.CandidateEvents.ConsentGiven;
import cn.talentportal.domain.candidate.CandidateEvents.ConsentWithdrawn;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.jobs.SelfServiceFixtures.Candidate;
import cn.talentportal.portal.jobs.SelfServiceFixtures;
import cn.talentportal.portal.register.PrivacyNotice;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.view.ViewTestBase;
import cn.talentportal.projections.candidate.CandidateQueries.FindCandidateHistory;
import cn.talentportal.projections.candidate.HistoryEntry;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static cn.talentportal.domain.candidate.ConsentPurpose.OUTREACH_CONTACT;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

/** "My consents" on the profile: each purpose's state, and the candidate's own give and withdraw steps. */
class ProfileConsentTest extends ViewTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;
    @Autowired QueryGateway queries;

    Candidate graduate;

    @BeforeEach
    void graduate() {
        // registered agreeing to data use and job alert mails, not to outreach contact
        graduate = new SelfServiceFixtures(commands, accounts, clock).candidate("钱思远");
        signIn(graduate.account());
        UI.getCurrent().navigate(ProfileView.class);
    }

    private static String state(String purpose) {
        return _get(Span.class, spec -> spec.withId("profile-consent-" + purpose + "-state")).getText();
    }

    @Test
    void the_candidate_sees_each_consent_and_withdraws_and_gives_them_and_the_history_records_it() {
        assertThat(state("data-use")).startsWith("已同意");
        assertThat(state("job-alert-mail")).startsWith("已同意").endsWith("告知版本 " + PrivacyNotice.VERSION + "）");
        assertThat(state("outreach-contact")).isEqualTo("未同意");
        _assertNone(Button.class, spec -> spec.withId("profile-consent-data-use-withdraw")); // only by erasure

        _click(_get(Button.class, spec -> spec.withId("profile-consent-job-alert-mail-withdraw")));
        expectNotifications("已撤回授权");
        assertThat(state("job-alert-mail")).startsWith("已撤回");

        _click(_get(Button.class, spec -> spec.withId("profile-consent-outreach-contact-give")));
        expectNotifications("已记录您的同意");
        assertThat(state("outreach-contact")).startsWith("已同意");
        _get(Button.class, spec -> spec.withId("profile-consent-outreach-contact-withdraw"));
        _get(Button.class, spec -> spec.withId("profile-consent-job-alert-mail-give"));

        List<HistoryEntry> history = queries.query(new FindCandidateHistory(graduate.candidateId()),
                ResponseTypes.multipleInstancesOf(HistoryEntry.class)).join();
        assertThat(history).filteredOn(h -> h.payload() instanceof ConsentWithdrawn withdrawn
                        && withdrawn.purpose() == JOB_ALERT_MAIL)
                .singleElement().satisfies(h -> {
                    assertThat(h.eventType()).isEqualTo("ConsentWithdrawn");
                    assertThat(h.actorRole()).isEqualTo(Role.CANDIDATE.name());
                });
        assertThat(history).filteredOn(h -> h.payload() instanceof ConsentGiven given
                        && given.purpose() == OUTREACH_CONTACT && given.noticeVersion().equals(PrivacyNotice.VERSION))
                .singleElement().extracting(HistoryEntry::eventType).isEqualTo("ConsentGiven");
    }
}
