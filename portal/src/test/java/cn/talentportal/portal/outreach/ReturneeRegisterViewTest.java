package cn.talentportal.portal.outreach;

import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.view.ViewTestBase;
import cn.talentportal.projections.outreach.RegisterEntryView;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
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

class ReturneeRegisterViewTest extends ViewTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired QueryGateway queries;

    Returnees returnees;
    UserAccount recruiter;

    @BeforeEach
    void recruiterWithARegister() {
        recruiter = account(accounts, "outreach", Role.RECRUITER, "周老师", UUID.randomUUID().toString(), null);
        actAs(recruiter);
        returnees = new Returnees(commands, queries);
        returnees.add("陈静", "医疗", true, Returnees.uniquePhone());
        returnees.add("陈刚", "教育", false, Returnees.uniquePhone());
        returnees.add("林月", "医疗", false, null);
        returnees.awaitListed(3);
        signIn(recruiter);
    }

    private void open() {
        UI.getCurrent().navigate(ReturneeRegisterView.class);
    }

    @SuppressWarnings("unchecked")
    private Grid<RegisterEntryView> grid() {
        return _get(Grid.class, spec -> spec.withId("register-entries"));
    }

    @SuppressWarnings("unchecked")
    private void filterByCounty() {
        ComboBoxKt._fireCustomValueSet(_get(ComboBox.class, spec -> spec.withId("register-filter-county")),
                returnees.county);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_register_filters_by_county_field_and_consent_and_masks_phone_and_email() {
        open();
        filterByCounty();
        assertThat(GridKt._size(grid())).isEqualTo(3);

        _setValue(_get(Select.class, spec -> spec.withId("register-filter-consent")), Boolean.TRUE);
        assertThat(GridKt._size(grid())).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid(), 0, "name")).isEqualTo("陈静");
        assertThat(GridKt._getFormatted(grid(), 0, "consent")).isEqualTo("同意联络");
        RegisterEntryView chenJing = GridKt._get(grid(), 0);
        assertThat(GridKt._getFormatted(grid(), 0, "phone")).matches("1\\d\\d\\*{4}\\d{4}")
                .isEqualTo(chenJing.maskedPhone());
        assertThat(GridKt._getFormatted(grid(), 0, "email")).matches("r\\*\\*\\*@example\\.cn");

        _setValue(_get(Select.class, spec -> spec.withId("register-filter-consent")), null);
        _setValue(_get(ComboBox.class, spec -> spec.withId("register-filter-field")), "医疗");
        assertThat(GridKt._findAll(grid())).extracting(RegisterEntryView::fullName)
                .containsExactlyInAnyOrder("陈静", "林月");
        _setValue(_get(TextField.class, spec -> spec.withId("register-filter-name")), "陈");
        assertThat(GridKt._findAll(grid())).extracting(RegisterEntryView::fullName).containsExactly("陈静");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_new_entry_is_checked_as_typed_and_kept_when_invalid_then_listed_with_its_phone_masked() {
        open();
        _click(_get(Button.class, spec -> spec.withId("register-add")));
        _setValue(_get(TextField.class, spec -> spec.withId("register-full-name")), "何平");
        ComboBoxKt._fireCustomValueSet(_get(ComboBox.class, spec -> spec.withId("register-hometown")),
                returnees.county);
        _setValue(_get(TextField.class, spec -> spec.withId("register-city")), "杭州");
        TextField phone = _get(TextField.class, spec -> spec.withId("register-phone"));
        _setValue(phone, "12345");
        assertThat(phone.isInvalid()).isTrue();
        assertThat(phone.getErrorMessage()).isEqualTo("请输入 11 位中国大陆手机号码");

        _click(_get(Button.class, spec -> spec.withId("register-save")));
        assertThat(_get(TextField.class, spec -> spec.withId("register-full-name")).getValue()).isEqualTo("何平");

        String number = Returnees.uniquePhone().value();
        _setValue(phone, number);
        assertThat(phone.isInvalid()).isFalse();
        _setValue(_get(Checkbox.class, spec -> spec.withId("register-consent")), true);
        _click(_get(Button.class, spec -> spec.withId("register-save")));
        expectNotifications("已登记何平");

        filterByCounty();
        List<RegisterEntryView> listed = GridKt._findAll(grid());
        assertThat(listed).extracting(RegisterEntryView::fullName).contains("何平");
        RegisterEntryView hePing = listed.stream().filter(e -> e.fullName().equals("何平")).findFirst().orElseThrow();
        assertThat(hePing.contactConsent()).isTrue();
        assertThat(hePing.maskedPhone()).isEqualTo(number.substring(0, 3) + "****" + number.substring(7));
    }

    @Test
    void consent_given_in_the_register_lets_campaigns_contact_the_native() {
        open();
        filterByCounty();
        RegisterEntryView chenGang = GridKt._findAll(grid()).stream().filter(e -> e.fullName().equals("陈刚"))
                .findFirst().orElseThrow();
        _click(_get(GridKt._getCellComponent(grid(), GridKt._findAll(grid()).indexOf(chenGang), "actions"),
                Button.class, spec -> spec.withId("register-give-consent-" + chenGang.entryId())));
        _setValue(_get(TextField.class, spec -> spec.withId("consent-note")), "电话中口头同意");
        _click(_get(Button.class, spec -> spec.withId("consent-confirm")));
        expectNotifications("已记录陈刚同意接受联络");
        eventually(() -> GridKt._findAll(grid()).stream().filter(e -> e.fullName().equals("陈刚")).findFirst()
                .orElseThrow().contactConsent(), consented -> consented, "the consent in the list");
    }

    @Test
    void only_recruiters_open_the_register() {
        signIn(account(accounts, "cand", Role.CANDIDATE, "求职者", null, UUID.randomUUID().toString()));
        assertThatThrownBy(() -> UI.getCurrent().navigate(ReturneeRegisterView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }
}
