package cn.talentportal.portal.privacy;

import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.ConsentPurpose;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.infra.privacy.PersonalDataKeys;
import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.browser.ChineseBrowser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.projections.privacy.ErasureQueries.FindErasureOf;
import cn.talentportal.projections.privacy.ErasureRequestView;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.talentportal.portal.Eventually.eventually;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A candidate asks for erasure on her phone; an administrator approves it on a desktop, in Chinese. */
class ErasureInBrowserTest extends PortalTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired QueryGateway queries;
    @Autowired PersonalDataKeys keys;
    @LocalServerPort int port;

    @Test
    void a_candidate_requests_erasure_on_her_phone_and_an_administrator_approves_it() {
        String candidateId = UUID.randomUUID().toString();
        actAsNobody();
        commands.send(new RegisterCandidate(candidateId, "冯小雨", new PhoneNumber("135" + String.format("%08d",
                ThreadLocalRandom.current().nextInt(100_000_000))),
                new EmailAddress("v" + UUID.randomUUID().toString().substring(0, 10) + "@example.cn"), null,
                new CandidateProfile(Education.MASTER, "四川大学", "临床医学", 2026, "城关镇", "成都", null),
                new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                RegistrationConsent.given("2026-11", ConsentPurpose.DATA_USE)));
        UserAccount candidate = account(accounts, "feng", Role.CANDIDATE, "冯小雨", null, candidateId);
        UserAccount admin = account(accounts, "admin", Role.ADMIN, "管理员钱", null, null);

        try (ChineseBrowser phone = ChineseBrowser.phone(port)) {
            Page page = phone.page();
            phone.signIn(candidate.username(), PASSWORD);
            phone.open("/privacy/my-data");
            assertThat(page.getByText("身份证号、手机号、邮箱").first()).isVisible();
            page.locator("#my-data-reason textarea").fill("已在外地就业，不再需要平台服务");
            page.locator("#my-data-request").click();
            assertThat(page.locator("vaadin-notification-card")
                    .filter(new Locator.FilterOptions().setHasText("删除申请已提交")).first()).isVisible();
            assertThat(page.locator("#my-data-status")).containsText("等待管理员批准");
            phone.screenshot("erasure-request-phone");
        }
        eventually(() -> queries.query(new FindErasureOf(candidateId),
                ResponseTypes.optionalInstanceOf(ErasureRequestView.class)).join(), found -> found.isPresent(),
                "the request listed for administrators");

        try (ChineseBrowser desktop = ChineseBrowser.on(port)) {
            Page page = desktop.page();
            desktop.signIn(admin.username(), PASSWORD);
            desktop.open("/privacy/erasures");
            // oldest first, as a queue is worked through: other tests' requests come before hers, so scroll to it
            page.locator("#erasure-requests").evaluate("grid => grid.scrollToIndex(grid.size - 1)");
            page.locator("#erasure-approve-" + candidateId).click();
            page.locator("#erasure-approval-reason textarea").fill("本人申请，身份已核实");
            desktop.screenshot("erasure-approval-desktop");
            page.locator("#erasure-approve-confirm").click();
            assertThat(page.locator("vaadin-notification-card")
                    .filter(new Locator.FilterOptions().setHasText("已删除“冯小雨”的个人信息")).first()).isVisible();
        }
        eventually(() -> keys.isErased(candidateId), Boolean::booleanValue, "her key deleted");
    }
}
