package cn.talentportal.portal.admin.users;

import cn.talentportal.domain.employer.EmployerCommands.CreateEmployerUnit;
import cn.talentportal.domain.employer.EmployerType;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.view.ViewTestBase;
import cn.talentportal.projections.employer.EmployerQueries.FindEmployerUnit;
import cn.talentportal.projections.employer.EmployerUnitView;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import static cn.talentportal.portal.Eventually.eventually;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsersViewTest extends ViewTestBase {

    static final String NEW_PASSWORD = "neuesPass2026";

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired QueryGateway queries;
    @Autowired UserDetailsService users;
    @Autowired PasswordEncoder passwordEncoder;

    UserAccount admin;

    @BeforeEach
    void administratorSignedIn() {
        admin = account(accounts, "admin", Role.ADMIN, "管理员钱", null, null);
        signIn(admin);
    }

    @SuppressWarnings("unchecked")
    private Grid<UserRow> grid() {
        return _get(Grid.class, spec -> spec.withId("users"));
    }

    private UserRow row(String username) {
        return GridKt._findAll(grid()).stream().filter(r -> r.account().username().equals(username)).findFirst()
                .orElseThrow();
    }

    private void clickInRow(String username, String buttonId) {
        int index = GridKt._findAll(grid()).indexOf(row(username));
        _click(_get(GridKt._getCellComponent(grid(), index, "actions"), Button.class,
                spec -> spec.withId(buttonId)));
    }

    private void signInThroughSpring(String username, String password) {
        DaoAuthenticationProvider login = new DaoAuthenticationProvider(users);
        login.setPasswordEncoder(passwordEncoder);
        login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_administrator_creates_an_auditor_makes_them_a_recruiter_and_resets_their_password() {
        UI.getCurrent().navigate(UsersView.class);
        String username = "karibu_" + UUID.randomUUID().toString().substring(0, 8);
        _setValue(_get(TextField.class, spec -> spec.withId("user-display-name")), "孙审计");
        _setValue(_get(TextField.class, spec -> spec.withId("user-username")), username);
        PasswordField password = _get(PasswordField.class, spec -> spec.withId("user-password"));
        _setValue(password, "12345678");
        assertThat(password.isInvalid()).isTrue(); // digits only: the password rule, as typed
        assertThat(password.getErrorMessage()).isEqualTo("密码至少 8 位，且不能全是数字或全是字母");
        _setValue(password, "audit2026!");
        _setValue(_get(Select.class, spec -> spec.withId("user-role")), Role.AUDITOR);
        _click(_get(Button.class, spec -> spec.withId("user-create")));
        expectNotifications("已为孙审计创建审计员账号");
        assertThat(row(username).account().role()).isEqualTo(Role.AUDITOR);
        signInThroughSpring(username, "audit2026!");

        String unitId = UUID.randomUUID().toString();
        actAs(admin);
        commands.send(new CreateEmployerUnit(unitId, "县中医院" + unitId.substring(0, 4), EmployerType.HOSPITAL,
                "城关镇", Sector.HEALTH));
        EmployerUnitView unit = eventually(() -> queries.query(new FindEmployerUnit(unitId),
                        ResponseTypes.optionalInstanceOf(EmployerUnitView.class)).join(), Optional::isPresent,
                "the new unit").orElseThrow();

        clickInRow(username, "user-change-role-" + username);
        _setValue(_get(Select.class, spec -> spec.withId("user-new-role")), Role.RECRUITER);
        ComboBox<EmployerUnitView> units = _get(ComboBox.class, spec -> spec.withId("user-new-unit"));
        _setValue(units, units.getListDataView().getItems().filter(u -> u.employerUnitId().equals(unitId))
                .findFirst().orElseThrow());
        _setValue(_get(TextField.class, spec -> spec.withId("user-role-reason")), "调任医院招聘");
        _click(_get(Button.class, spec -> spec.withId("user-role-save")));
        expectNotifications("%s的角色已改为招聘专员".formatted(username));
        UserAccount changed = accounts.find(username).orElseThrow();
        assertThat(changed.role()).isEqualTo(Role.RECRUITER);
        assertThat(changed.employerUnitId()).isEqualTo(unitId);
        eventually(() -> queries.query(new FindEmployerUnit(unitId),
                        ResponseTypes.optionalInstanceOf(EmployerUnitView.class)).join().orElseThrow().recruiters(),
                recruiters -> recruiters.stream().anyMatch(r -> r.userId().equals(changed.userId())),
                "the recruiter on the unit " + unit.name());

        clickInRow(username, "user-reset-password-" + username);
        _setValue(_get(PasswordField.class, spec -> spec.withId("user-new-password")), NEW_PASSWORD);
        _click(_get(Button.class, spec -> spec.withId("user-password-save")));
        expectNotifications("已重置 %s 的密码".formatted(username));
        signInThroughSpring(username, NEW_PASSWORD);
    }

    @Test
    void a_disabled_account_cannot_sign_in_until_enabled_again() {
        UserAccount auditor = account(accounts, "aud", Role.AUDITOR, "审计员吴", null, null);
        UI.getCurrent().navigate(UsersView.class);
        signInThroughSpring(auditor.username(), PASSWORD);

        clickInRow(auditor.username(), "user-toggle-" + auditor.username());
        expectNotifications("已停用账号 %s，该账号不能再登录".formatted(auditor.username()));
        assertThat(row(auditor.username()).enabled()).isFalse();
        assertThatThrownBy(() -> signInThroughSpring(auditor.username(), PASSWORD))
                .isInstanceOf(DisabledException.class);

        clickInRow(auditor.username(), "user-toggle-" + auditor.username());
        expectNotifications("已启用账号 " + auditor.username());
        signInThroughSpring(auditor.username(), PASSWORD);
    }

    @Test
    void an_administrator_cannot_disable_or_demote_themselves() {
        UI.getCurrent().navigate(UsersView.class);
        clickInRow(admin.username(), "user-toggle-" + admin.username());
        expectNotifications("不能停用自己的账号");
        assertThat(accounts.isEnabled(admin.username())).isTrue();

        clickInRow(admin.username(), "user-change-role-" + admin.username());
        _setValue(_get(Select.class, spec -> spec.withId("user-new-role")), Role.AUDITOR);
        _setValue(_get(TextField.class, spec -> spec.withId("user-role-reason")), "测试");
        _click(_get(Button.class, spec -> spec.withId("user-role-save")));
        expectNotifications("不能更改自己的角色");
        assertThat(accounts.find(admin.username()).orElseThrow().role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void only_administrators_manage_users() {
        signIn(account(accounts, "aud", Role.AUDITOR, "审计员", null, null));
        assertThatThrownBy(() -> UI.getCurrent().navigate(UsersView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }
}
