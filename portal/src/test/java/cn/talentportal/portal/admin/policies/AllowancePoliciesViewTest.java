package cn.talentportal.portal.admin.policies;

import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.home.HomeView;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.view.ViewTestBase;
import cn.talentportal.projections.retention.AllowancePolicyView;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An administrator publishes an allowance policy and revises it; every version shows with its validity. */
class AllowancePoliciesViewTest extends ViewTestBase {

    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;

    @Test
    void a_policy_is_published_and_revised_and_each_version_shows_when_it_is_valid() {
        String name = "县引进人才安家补贴办法" + UUID.randomUUID().toString().substring(0, 6);
        signIn(account(accounts, "admin", Role.ADMIN, "管理员", null, null));
        UI.getCurrent().navigate(AllowancePoliciesView.class);
        _setValue(_get(TextField.class, spec -> spec.withId("policy-name")), name);
        _setValue(_get(DatePicker.class, spec -> spec.withId("policy-effective-from")), LocalDate.of(2025, 1, 1));
        _click(_get(Button.class, spec -> spec.withId("policy-publish")));
        assertThat(_get(Span.class, spec -> spec.withId("policy-caps-status")).getText())
                .isEqualTo("请填写各类津补贴每月上限");
        _setValue(_get(IntegerField.class, spec -> spec.withId("policy-cap-SETTLING_IN")), 2000);
        _setValue(_get(IntegerField.class, spec -> spec.withId("policy-cap-LIVING")), 1500);
        _click(_get(Button.class, spec -> spec.withId("policy-publish")));
        NotificationsKt.expectNotifications("已发布政策“" + name + "”");
        assertThat(_get(TextField.class, spec -> spec.withId("policy-name")).getValue()).isEmpty();

        @SuppressWarnings("unchecked")
        Grid<AllowancePolicyView> grid = _get(Grid.class, spec -> spec.withId("allowance-policies"));
        int row = rowOf(grid, name);
        String policyId = GridKt._get(grid, row).policyId();
        _click(_get(GridKt._getCellComponent(grid, row, "actions"), Button.class,
                spec -> spec.withId("revise-" + policyId)));
        assertThat(_get(IntegerField.class, spec -> spec.withId("revise-cap-LIVING")).getValue())
                .as("a revision starts from the caps in force").isEqualTo(1500);
        _setValue(_get(DatePicker.class, spec -> spec.withId("revise-effective-from")), LocalDate.of(2024, 6, 1));
        _setValue(_get(IntegerField.class, spec -> spec.withId("revise-cap-LIVING")), 1800);
        _setValue(_get(TextArea.class, spec -> spec.withId("revise-reason")), "财政预算调整");
        _click(_get(Button.class, spec -> spec.withId("revise-confirm")));
        NotificationsKt.expectNotifications("新版本须晚于第 1 版的生效日期 2025-01-01 生效");
        _setValue(_get(DatePicker.class, spec -> spec.withId("revise-effective-from")), LocalDate.of(2026, 7, 1));
        _click(_get(Button.class, spec -> spec.withId("revise-confirm")));
        NotificationsKt.expectNotifications("已修订政策“" + name + "”");

        row = rowOf(grid, name);
        Component versions = GridKt._getCellComponent(grid, row, "versions");
        assertThat(_get(versions, Div.class, spec -> spec.withId("policy-" + policyId + "-v1")).getText())
                .isEqualTo("第 1 版，2025年1月1日 至 2026年6月30日 有效：生活补贴每月上限 1,500 元，安家补贴每月上限 2,000 元");
        assertThat(_get(versions, Div.class, spec -> spec.withId("policy-" + policyId + "-v2")).getText())
                .isEqualTo("第 2 版，2026年7月1日 起施行：生活补贴每月上限 1,800 元，安家补贴每月上限 2,000 元 · 财政预算调整");

        UI.getCurrent().navigate(HomeView.class);
        signIn(account(accounts, "specialist", Role.SPECIALIST, "陈专员", null, null));
        assertThatThrownBy(() -> UI.getCurrent().navigate(AllowancePoliciesView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    private static int rowOf(Grid<AllowancePolicyView> grid, String name) {
        return IntStream.range(0, GridKt._size(grid)).filter(i -> GridKt._get(grid, i).name().equals(name))
                .findFirst().orElseThrow();
    }
}
