package cn.talentportal.portal.privacy;

import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.ConsentPurpose;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.privacy.ErasureCommands.ApproveErasure;
import cn.talentportal.domain.privacy.ErasureCommands.RequestErasure;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.infra.privacy.PersonalDataKeys;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.view.ViewTestBase;
import cn.talentportal.projections.candidate.CandidateSummary;
import cn.talentportal.projections.privacy.ErasureQueries.FindErasureOf;
import cn.talentportal.projections.privacy.ErasureQueries.FindErasureSubject;
import cn.talentportal.projections.privacy.ErasureRequestView;
import cn.talentportal.projections.privacy.ErasureState;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.portal.Eventually.eventually;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ErasureViewsTest extends ViewTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired QueryGateway queries;
    @Autowired PersonalDataKeys keys;

    /** A registered candidate with an account, made through the real command. */
    private UserAccount registeredCandidate(String name) {
        return registeredCandidate(name, "136" + String.format("%08d",
                ThreadLocalRandom.current().nextInt(100_000_000)));
    }

    private UserAccount registeredCandidate(String name, String phone) {
        String candidateId = UUID.randomUUID().toString();
        actAsNobody();
        commands.send(new RegisterCandidate(candidateId, name, new PhoneNumber(phone),
                new EmailAddress("v" + UUID.randomUUID().toString().substring(0, 10) + "@example.cn"), null,
                new CandidateProfile(Education.BACHELOR, "西南大学", "物理学", 2026, "城关镇", "重庆", null),
                new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                RegistrationConsent.given("2026-11", ConsentPurpose.DATA_USE)));
        return account(accounts, "sun", Role.CANDIDATE, name, null, candidateId);
    }

    @Test
    void a_candidate_requests_the_erasure_of_her_data_with_a_reason() {
        UserAccount candidate = registeredCandidate("孙" + UUID.randomUUID().toString().substring(0, 4));
        signIn(candidate);
        UI.getCurrent().navigate(MyDataView.class);
        _assertNone(Paragraph.class, spec -> spec.withId("my-data-status"));
        _click(_get(Button.class, spec -> spec.withId("my-data-request")));
        assertThat(_get(TextArea.class, spec -> spec.withId("my-data-reason")).isInvalid()).isTrue();
        _setValue(_get(TextArea.class, spec -> spec.withId("my-data-reason")), "不再需要平台服务");
        _click(_get(Button.class, spec -> spec.withId("my-data-request")));

        expectNotifications("删除申请已提交，等待管理员批准");
        assertThat(_get(Paragraph.class, spec -> spec.withId("my-data-status")).getText()).contains("等待管理员批准");
        _assertNone(Button.class, spec -> spec.withId("my-data-request"));
        ErasureRequestView listed = eventually(() -> erasureOf(candidate.candidateId()), Optional::isPresent,
                "the request listed").orElseThrow();
        assertThat(listed.requestReason()).isEqualTo("不再需要平台服务");
        assertThat(listed.requestedBy()).isEqualTo(candidate.userId());
        assertThatThrownBy(() -> UI.getCurrent().navigate(ErasuresView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    void an_administrator_approves_a_request_with_a_reason_and_the_key_is_deleted() {
        UserAccount candidate = registeredCandidate("孙" + UUID.randomUUID().toString().substring(0, 4));
        String candidateId = candidate.candidateId();
        actAs(candidate);
        commands.send(new RequestErasure(candidateId, candidate.displayName(), "不再需要平台服务"));
        eventually(() -> erasureOf(candidateId), Optional::isPresent, "the request listed");

        signIn(account(accounts, "admin", Role.ADMIN, "管理员", null, null));
        UI.getCurrent().navigate(ErasuresView.class);
        @SuppressWarnings("unchecked")
        Grid<ErasureRequestView> grid = _get(Grid.class, spec -> spec.withId("erasure-requests"));
        int row = -1;
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).subjectId().equals(candidateId)) {
                row = i;
            }
        }
        assertThat(row).as("the request in the list").isNotNegative();
        assertThat(GridKt._get(grid, row).requestReason()).isEqualTo("不再需要平台服务");
        _click(_get(GridKt._getCellComponent(grid, row, "actions"), Button.class,
                spec -> spec.withId("erasure-approve-" + candidateId)));
        _click(_get(Button.class, spec -> spec.withId("erasure-approve-confirm")));
        assertThat(_get(TextArea.class, spec -> spec.withId("erasure-approval-reason")).isInvalid()).isTrue();
        _setValue(_get(TextArea.class, spec -> spec.withId("erasure-approval-reason")), "本人申请，身份已核实");
        _click(_get(Button.class, spec -> spec.withId("erasure-approve-confirm")));

        expectNotifications("已删除“" + candidate.displayName() + "”的个人信息");
        eventually(() -> keys.isErased(candidateId), Boolean::booleanValue, "her key deleted");
        eventually(() -> erasureOf(candidateId), found -> found.map(ErasureRequestView::state)
                .orElse(null) == ErasureState.ERASED, "the erasure recorded");
    }

    @Test
    void an_administrator_files_a_request_for_a_person_found_by_the_phone_they_gave_and_cannot_approve_it() {
        String phone = "135" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        UserAccount candidate = registeredCandidate("孙" + UUID.randomUUID().toString().substring(0, 4), phone);
        eventually(() -> queries.query(new FindErasureSubject(candidate.candidateId()),
                        ResponseTypes.optionalInstanceOf(CandidateSummary.class)).join(), Optional::isPresent,
                "the candidate in the directory");

        signIn(account(accounts, "admin", Role.ADMIN, "管理员", null, null));
        UI.getCurrent().navigate(ErasuresView.class);
        _click(_get(Button.class, spec -> spec.withId("erasure-on-behalf")));
        TextField identifier = _get(TextField.class, spec -> spec.withId("erasure-identifier"));
        _setValue(identifier, "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
        assertThat(identifier.isInvalid()).isTrue();
        assertThat(identifier.getErrorMessage()).isEqualTo("未找到以此登记的求职者");
        _click(_get(Button.class, spec -> spec.withId("erasure-file")));
        assertThat(erasureOf(candidate.candidateId())).isEmpty();

        _setValue(identifier, " " + phone + " ");
        assertThat(identifier.isInvalid()).isFalse();
        assertThat(_get(Paragraph.class, spec -> spec.withId("erasure-subject")).getText())
                .startsWith("信息主体：" + candidate.displayName());
        _click(_get(Button.class, spec -> spec.withId("erasure-file")));
        TextArea reason = _get(TextArea.class, spec -> spec.withId("erasure-on-behalf-reason"));
        assertThat(reason.isInvalid()).isTrue();
        _setValue(reason, "2026年11月20日收到本人书面申请，已核对身份证原件");
        _click(_get(Button.class, spec -> spec.withId("erasure-file")));

        expectNotifications("已代“" + candidate.displayName() + "”提交删除申请，待另一位管理员批准");
        ErasureRequestView filed = eventually(() -> erasureOf(candidate.candidateId()), Optional::isPresent,
                "the request listed").orElseThrow();
        assertThat(filed.subjectName()).isEqualTo(candidate.displayName());
        assertThat(filed.requestReason()).startsWith("2026年11月20日收到本人书面申请");
        // four eyes: the administrator who filed it cannot approve it
        assertThatThrownBy(() -> commands.send(new ApproveErasure(candidate.candidateId(), "已核实")))
                .isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void a_candidate_whose_data_is_erased_is_told_when() {
        UserAccount candidate = registeredCandidate("孙" + UUID.randomUUID().toString().substring(0, 4));
        actAs(candidate);
        commands.send(new RequestErasure(candidate.candidateId(), candidate.displayName(), "不再需要平台服务"));
        actAs(account(accounts, "admin", Role.ADMIN, "管理员", null, null));
        commands.send(new ApproveErasure(candidate.candidateId(), "本人申请，身份已核实"));
        eventually(() -> erasureOf(candidate.candidateId()), found -> found.map(ErasureRequestView::state)
                .orElse(null) == ErasureState.ERASED, "the erasure recorded");
        actAsNobody();

        signIn(candidate);
        UI.getCurrent().navigate(MyDataView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("my-data-status")).getText()).startsWith("您的个人信息已于");
        _assertNone(Button.class, spec -> spec.withId("my-data-request"));
    }

    private Optional<ErasureRequestView> erasureOf(String candidateId) {
        return queries.query(new FindErasureOf(candidateId), ResponseTypes.optionalInstanceOf(ErasureRequestView.class))
                .join();
    }
}
