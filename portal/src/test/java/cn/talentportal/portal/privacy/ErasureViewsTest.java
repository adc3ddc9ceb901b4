package cn.talentportal.portal.privacy;

import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.infra.privacy.PersonalDataKeys;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.view.ViewTestBase;
import cn.talentportal.projections.privacy.ErasureQueries.FindErasureOf;
import cn.talentportal.projections.privacy.ErasureRequestView;
import cn.talentportal.projections.privacy.ErasureState;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.portal.Eventually.eventually;
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

    @Test
    void a_candidate_requests_erasure_and_an_administrator_approves_it_with_a_reason() {
        String candidateId = UUID.randomUUID().toString();
        String name = "孙" + UUID.randomUUID().toString().substring(0, 4);
        actAsNobody();
        commands.send(new RegisterCandidate(candidateId, name, new PhoneNumber("136" + String.format("%08d",
                ThreadLocalRandom.current().nextInt(100_000_000))),
                new EmailAddress("v" + UUID.randomUUID().toString().substring(0, 10) + "@example.cn"), null,
                new CandidateProfile(Education.BACHELOR, "西南大学", "物理学", 2026, "城关镇", "重庆", null),
                new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null)));
        UserAccount candidate = account(accounts, "sun", Role.CANDIDATE, name, null, candidateId);

        signIn(candidate);
        UI.getCurrent().navigate(MyDataView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("my-data-status")).isVisible()).isFalse();
        _click(_get(Button.class, spec -> spec.withId("my-data-request")));
        assertThat(_get(TextArea.class, spec -> spec.withId("my-data-reason")).isInvalid()).isTrue();
        _setValue(_get(TextArea.class, spec -> spec.withId("my-data-reason")), "不再需要平台服务");
        _click(_get(Button.class, spec -> spec.withId("my-data-request")));
        expectNotifications("删除申请已提交，等待管理员批准");
        assertThatThrownBy(() -> UI.getCurrent().navigate(ErasuresView.class))
                .isInstanceOf(MockAccessDeniedException.class);

        eventually(() -> erasureOf(candidateId), found -> found.isPresent(), "the request listed");
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
        _setValue(_get(TextArea.class, spec -> spec.withId("erasure-approval-reason")), "本人申请，身份已核实");
        _click(_get(Button.class, spec -> spec.withId("erasure-approve-confirm")));
        expectNotifications("已删除“" + name + "”的个人信息");

        eventually(() -> keys.isErased(candidateId), Boolean::booleanValue, "her key deleted");
        eventually(() -> erasureOf(candidateId), found -> found.map(ErasureRequestView::state)
                .orElse(null) == ErasureState.ERASED, "the erasure recorded");
        signIn(candidate);
        UI.getCurrent().navigate(MyDataView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("my-data-status")).getText()).startsWith("您的个人信息已于");
    }

    private Optional<ErasureRequestView> erasureOf(String candidateId) {
        return queries.query(new FindErasureOf(candidateId), ResponseTypes.optionalInstanceOf(ErasureRequestView.class))
                .join();
    }
}
