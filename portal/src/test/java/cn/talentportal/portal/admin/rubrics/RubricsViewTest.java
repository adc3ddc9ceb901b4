package cn.talentportal.portal.admin.rubrics;

import cn.talentportal.domain.interview.Criterion;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.scheduling.SchedulingFixture;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.view.ViewTestBase;
import cn.talentportal.projections.interview.InterviewQueries.FindRubrics;
import cn.talentportal.projections.interview.RubricView;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.portal.Eventually.eventually;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNoNotifications;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RubricsViewTest extends ViewTestBase {

    @Autowired UserAccounts accounts;
    @Autowired QueryGateway queries;

    @Test
    void an_administrator_defines_a_rubric_and_revises_it_into_a_new_version() {
        signIn(account(accounts, "admin", Role.ADMIN, "管理员", null, null));
        UI.getCurrent().navigate(RubricsView.class);
        String name = "护理岗位面试评分表" + SchedulingFixture.suffix();
        _setValue(_get(TextField.class, spec -> spec.withId("rubric-name")), name);
        criterion(0, "skill", "护理操作", 3, 10);
        _click(_get(Button.class, spec -> spec.withId("criterion-add")));
        criterion(1, "care", "人文关怀", 0, 10);
        IntegerField weight = _get(IntegerField.class, spec -> spec.withId("criterion-weight-1"));
        assertThat(weight.isInvalid()).isTrue();
        assertThat(weight.getErrorMessage()).isEqualTo("权重需大于 0");
        _click(_get(Button.class, spec -> spec.withId("rubric-define")));
        expectNoNotifications();

        _setValue(weight, 1);
        _click(_get(Button.class, spec -> spec.withId("rubric-define")));
        expectNotifications("已创建评分表“" + name + "”");
        RubricView defined = awaitRubric(name, 1);
        assertThat(defined.criteria()).containsExactly(new Criterion("skill", "护理操作", 3, 10),
                new Criterion("care", "人文关怀", 1, 10));

        @SuppressWarnings("unchecked")
        Grid<RubricView> grid = _get(Grid.class, spec -> spec.withId("rubrics"));
        grid.select(defined);
        assertThat(_get(TextField.class, spec -> spec.withId("rubric-name")).isReadOnly()).isTrue();
        _setValue(_get(IntegerField.class, spec -> spec.withId("criterion-max-1")), 5);
        _click(_get(Button.class, spec -> spec.withId("rubric-revise")));
        assertThat(_get(TextArea.class, spec -> spec.withId("rubric-reason")).isInvalid()).isTrue();
        expectNoNotifications();
        _setValue(_get(TextArea.class, spec -> spec.withId("rubric-reason")), "人文关怀改为五分制");
        _click(_get(Button.class, spec -> spec.withId("rubric-revise")));
        expectNotifications("评分表“" + name + "”已修订为第 2 版");

        RubricView revised = awaitRubric(name, 2);
        assertThat(revised.criteria()).containsExactly(new Criterion("skill", "护理操作", 3, 10),
                new Criterion("care", "人文关怀", 1, 5));
        assertThat(revised.revisionReason()).isEqualTo("人文关怀改为五分制");
    }

    @Test
    void a_recruiter_cannot_open_the_rubrics() {
        signIn(account(accounts, "recruiter", Role.RECRUITER, "招聘专员", UUID.randomUUID().toString(), null));
        assertThatThrownBy(() -> UI.getCurrent().navigate(RubricsView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    private void criterion(int row, String key, String label, int weight, int maxScore) {
        _setValue(_get(TextField.class, spec -> spec.withId("criterion-key-" + row)), key);
        _setValue(_get(TextField.class, spec -> spec.withId("criterion-label-" + row)), label);
        _setValue(_get(IntegerField.class, spec -> spec.withId("criterion-weight-" + row)), weight);
        _setValue(_get(IntegerField.class, spec -> spec.withId("criterion-max-" + row)), maxScore);
    }

    private RubricView awaitRubric(String name, int version) {
        return eventually(() -> queries.query(new FindRubrics(), ResponseTypes.multipleInstancesOf(RubricView.class))
                        .join().stream().filter(r -> r.name().equals(name) && r.version() == version).findFirst(),
                Optional::isPresent, "the rubric at version " + version).orElseThrow();
    }
}
