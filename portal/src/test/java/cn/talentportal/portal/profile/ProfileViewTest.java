package cn.talentportal.portal.profile;

import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.jobs.SelfServiceFixtures;
import cn.talentportal.portal.jobs.SelfServiceFixtures.Candidate;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.view.ViewTestBase;
import cn.talentportal.projections.search.SearchQueries.CandidateHometown;
import cn.talentportal.projections.search.SearchQueries.FindCandidateHometown;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.UUID;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.portal.Eventually.eventually;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileViewTest extends ViewTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;
    @Autowired QueryGateway queries;

    Candidate graduate;

    @BeforeEach
    void graduate() {
        graduate = new SelfServiceFixtures(commands, accounts, clock).candidate("周雨桐");
    }

    private void openOwnProfile() {
        signIn(graduate.account());
        UI.getCurrent().navigate(ProfileView.class);
    }

    @Test
    void fields_are_checked_as_typed_and_a_refused_save_keeps_everything_typed() {
        openOwnProfile();
        TextField school = _get(TextField.class, spec -> spec.withId("profile-school"));
        IntegerField year = _get(IntegerField.class, spec -> spec.withId("profile-graduation-year"));
        assertThat(school.getValue()).isEqualTo("县卫生学校");
        assertThat(year.getValue()).isEqualTo(2025);
        assertThat(_get(TextField.class, spec -> spec.withId("profile-phone")).isReadOnly()).isTrue();
        assertThat(_get(TextField.class, spec -> spec.withId("profile-phone")).getValue()).startsWith("137");

        _setValue(year, 1900);
        assertThat(year.isInvalid()).isTrue();
        assertThat(year.getErrorMessage()).isEqualTo("毕业年份不在合理范围内");
        String longSchool = "重庆医科大学".repeat(14);
        _setValue(school, longSchool);
        assertThat(school.isInvalid()).isTrue();
        assertThat(school.getErrorMessage()).isEqualTo("毕业院校最多 80 个字");
        _setValue(_get(TextArea.class, spec -> spec.withId("profile-skills")), "静脉穿刺、急救");

        _click(_get(Button.class, spec -> spec.withId("profile-save")));
        expectNotifications("请先改正标红的项目");
        assertThat(school.getValue()).isEqualTo(longSchool);
        assertThat(year.getValue()).isEqualTo(1900);
        assertThat(_get(TextArea.class, spec -> spec.withId("profile-skills")).getValue()).isEqualTo("静脉穿刺、急救");

        _setValue(school, "重庆医科大学");
        _setValue(year, 2024);
        assertThat(school.isInvalid()).isFalse();
        assertThat(year.isInvalid()).isFalse();
        @SuppressWarnings("unchecked")
        ComboBox<String> hometown = _get(ComboBox.class, spec -> spec.withId("profile-hometown"));
        _setValue(hometown, "河口镇");
        _click(_get(Button.class, spec -> spec.withId("profile-save")));
        expectNotifications("个人资料已保存");
        eventually(() -> queries.query(new FindCandidateHometown(graduate.candidateId()), CandidateHometown.class)
                .join().county(), "河口镇"::equals, "the new hometown in the candidate's stream");
    }

    @Test
    void saving_an_unchanged_profile_is_refused_and_clears_nothing() {
        openOwnProfile();
        _click(_get(Button.class, spec -> spec.withId("profile-save")));
        expectNotifications("个人资料没有变化");
        assertThat(_get(TextField.class, spec -> spec.withId("profile-school")).getValue()).isEqualTo("县卫生学校");
        assertThat(_get(TextField.class, spec -> spec.withId("profile-major")).getValue()).isEqualTo("护理学");
    }

    @Test
    void only_candidates_open_a_profile() {
        signIn(account(accounts, "hr", Role.RECRUITER, "招聘员", UUID.randomUUID().toString(), null));
        assertThatThrownBy(() -> UI.getCurrent().navigate(ProfileView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }
}
