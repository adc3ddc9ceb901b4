package cn.talentportal.portal.notification;

import cn.talentportal.domain.candidate.CandidateEvents.OfferAccepted;
import cn.talentportal.domain.shared.AuditMetaData;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.browser.BrowserTestBase;
import cn.talentportal.portal.journey.ExtendedOffers;
import cn.talentportal.portal.journey.ExtendedOffers.Offered;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsOfCandidate;
import cn.talentportal.projections.application.ApplicationStatus;
import cn.talentportal.projections.application.ApplicationView;
import com.microsoft.playwright.Locator;
import java.net.URI;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.portal.Eventually.eventually;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offer letter sends the candidate to My applications (decision 0018): there, in Chromium, the open offer has
 * accept and decline, and accepting it is the candidate's {@code OfferAccepted}. Screenshot in
 * {@code portal/target/screenshots/}.
 */
class OfferAnswerInBrowserTest extends BrowserTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;
    @Autowired QueryGateway queries;
    @Autowired EventStore eventStore;
    @Autowired CandidateMailComposer composer;

    @BeforeEach
    void openBrowser() {
        openDesktop();
    }

    @Test
    void the_candidate_accepts_the_offer_on_the_page_the_letter_links_to() {
        String title = "小学美术教师" + UUID.randomUUID().toString().substring(0, 6);
        Offered offer = new ExtendedOffers(commands, accounts, clock)
                .offer("县第六小学", "林若溪", title, "美术教师", 5600, 30, 7);
        eventually(() -> statusOf(offer), status -> status == ApplicationStatus.OFFER_EXTENDED,
                "the offer in the candidate's applications");
        try {
            browser.signIn(offer.candidate().username(), PASSWORD);
            browser.open(URI.create(composer.applicationsLink()).getPath());
            Locator accept = page.locator("#accept-offer-" + offer.applicationId());
            assertThat(accept).hasText("接受录用");
            assertThat(page.locator("#decline-offer-" + offer.applicationId())).hasText("谢绝录用");
            browser.screenshot("offer-01-open");
            accept.click();
            assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                    .setHasText("您已接受“" + title + "”的录用通知")).first()).isVisible();
            assertThat(accept).isHidden();
            assertThat(page.locator("#my-applications")).containsText("已接受录用");
            browser.screenshot("offer-02-accepted");
        } catch (RuntimeException | AssertionError failure) {
            browser.screenshot("offer-failure");
            throw failure;
        }
        assertThat(eventStore.readEvents(offer.candidateId(), 0).asStream()
                .filter(m -> m.getPayload() instanceof OfferAccepted)
                .map(m -> m.getMetaData().get(AuditMetaData.USER_ID)).toList())
                .containsExactly(offer.candidate().userId());
    }

    private ApplicationStatus statusOf(Offered offer) {
        return asSystem(() -> queries.query(new FindApplicationsOfCandidate(offer.candidateId()),
                        ResponseTypes.multipleInstancesOf(ApplicationView.class)).join()).stream()
                .filter(a -> a.applicationId().equals(offer.applicationId()))
                .map(ApplicationView::status).findFirst().orElse(null);
    }
}
