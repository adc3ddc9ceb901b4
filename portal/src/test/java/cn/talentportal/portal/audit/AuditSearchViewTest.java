package cn.talentportal.portal.audit;

import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.IdNumber;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.scheduling.SchedulingFixture;
import cn.talentportal.portal.scheduling.SchedulingFixture.Application;
import cn.talentportal.portal.scheduling.SchedulingFixture.Graduate;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.view.ViewTestBase;
import cn.talentportal.projections.candidate.CandidateSummary;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.portal.Eventually.eventually;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** An auditor finds a person by what a complaint names: ID number, phone, email, an application, or the name. */
class AuditSearchViewTest extends ViewTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void an_auditor_finds_a_candidate_by_id_number_phone_email_application_or_name() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String name = "欧阳" + suffix;
        String candidateId = UUID.randomUUID().toString();
        IdNumber idNumber = new IdNumber(randomIdNumber());
        PhoneNumber phone = new PhoneNumber("135" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
        EmailAddress email = new EmailAddress("ouyang." + suffix + "@example.cn");
        commands.sendAsSystem(new RegisterCandidate(candidateId, name, phone, email, idNumber,
                new CandidateProfile(Education.BACHELOR, "西南大学", "数学", 2026, "城关镇", "重庆", "奥数"),
                new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                RegistrationConsent.given("2026-11", DATA_USE)));
        UserAccount account = account(accounts, "ouyang", Role.CANDIDATE, name, null, candidateId);
        SchedulingFixture fixture = new SchedulingFixture(commands, accounts, clock);
        Application application = fixture.screenedIn(fixture.school("县第五中学" + suffix),
                new Graduate(candidateId, name, account), "初中数学教师" + suffix);
        actAsNobody();

        signIn(account(accounts, "auditor", Role.AUDITOR, "审计员", null, null));
        UI.getCurrent().navigate(AuditView.class);
        TextField search = _get(TextField.class, spec -> spec.withId("audit-search"));
        for (String typed : List.of(idNumber.value().toLowerCase(), phone.value(), "+86 " + phone.value(),
                email.value().toUpperCase(), application.applicationId(), name.substring(0, 4))) {
            eventually(() -> {
                _setValue(search, "");
                _setValue(search, typed);
                return shown();
            }, found -> found.stream().anyMatch(c -> c.candidateId().equals(candidateId)), "found by " + typed);
        }
        _setValue(search, idNumber.value().substring(0, 17) + (idNumber.value().endsWith("X") ? "1" : "X"));
        assertThat(shown()).noneMatch(c -> c.candidateId().equals(candidateId));
    }

    @SuppressWarnings("unchecked")
    private static List<CandidateSummary> shown() {
        Grid<CandidateSummary> grid = _get(Grid.class, spec -> spec.withId("audit-candidates"));
        return GridKt._findAll(grid);
    }

    /** A valid mainland ID number (ISO 7064 MOD 11-2 check digit) born in 2000, unique enough for one test run. */
    static String randomIdNumber() {
        String body = "510123" + "2000" + String.format("%02d", 1 + ThreadLocalRandom.current().nextInt(12))
                + String.format("%02d", 1 + ThreadLocalRandom.current().nextInt(28))
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
