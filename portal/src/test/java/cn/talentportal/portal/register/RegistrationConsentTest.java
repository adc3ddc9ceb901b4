package cn.talentportal.portal.register;

import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.view.ViewTestBase;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.OUTREACH_CONTACT;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

/** The registration form asks for consent under the privacy notice shown; data use is required. */
class RegistrationConsentTest extends ViewTestBase {

    static final String DATA_USE_REQUIRED = "须同意为招聘处理个人信息才能注册";

    @Autowired UserAccounts accounts;
    @Autowired EventStore eventStore;

    @Test
    void registration_without_consent_to_data_use_is_refused_keeping_everything_typed_then_records_the_consents() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String username = "consent_" + suffix;
        String digits = String.format("%08d", Math.floorMod(suffix.hashCode(), 100_000_000));
        UI.getCurrent().navigate(RegistrationView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("register-privacy-notice")).getText())
                .contains("版本 " + PrivacyNotice.VERSION);
        _setValue(_get(TextField.class, spec -> spec.withId("register-username")), username);
        _setValue(_get(PasswordField.class, spec -> spec.withId("register-password")), "Qingshan2026!");
        _setValue(_get(TextField.class, spec -> spec.withId("register-full-name")), "孙晓燕");
        _setValue(_get(TextField.class, spec -> spec.withId("register-phone")), "133" + digits);
        _setValue(_get(EmailField.class, spec -> spec.withId("register-email")), "c" + digits + "@example.cn");
        @SuppressWarnings("unchecked")
        Select<Education> education = _get(Select.class, spec -> spec.withId("register-education"));
        _setValue(education, Education.MASTER);
        _setValue(_get(TextField.class, spec -> spec.withId("register-school")), "四川大学");
        Checkbox dataUse = _get(Checkbox.class, spec -> spec.withId("register-consent-data-use"));
        Checkbox outreach = _get(Checkbox.class, spec -> spec.withId("register-consent-outreach-contact"));
        Checkbox alertMails = _get(Checkbox.class, spec -> spec.withId("register-consent-job-alert-mail"));
        _setValue(outreach, true);

        // unticking the required box says so at once
        _setValue(dataUse, true);
        assertThat(dataUse.isInvalid()).isFalse();
        _setValue(dataUse, false);
        assertThat(dataUse.isInvalid()).isTrue();
        assertThat(dataUse.getErrorMessage()).isEqualTo(DATA_USE_REQUIRED);

        _click(_get(Button.class, spec -> spec.withId("register-submit")));

        expectNotifications(DATA_USE_REQUIRED);
        assertThat(accounts.exists(username)).as("no login left behind").isFalse();
        assertThat(_get(TextField.class, spec -> spec.withId("register-username")).getValue()).isEqualTo(username);
        assertThat(_get(TextField.class, spec -> spec.withId("register-full-name")).getValue()).isEqualTo("孙晓燕");
        assertThat(_get(TextField.class, spec -> spec.withId("register-phone")).getValue()).isEqualTo("133" + digits);
        assertThat(_get(TextField.class, spec -> spec.withId("register-school")).getValue()).isEqualTo("四川大学");
        assertThat(_get(PasswordField.class, spec -> spec.withId("register-password")).getValue())
                .isEqualTo("Qingshan2026!");
        assertThat(education.getValue()).isEqualTo(Education.MASTER);
        assertThat(outreach.getValue()).isTrue();
        assertThat(alertMails.getValue()).isFalse();

        _setValue(dataUse, true);
        assertThat(dataUse.isInvalid()).isFalse();
        _click(_get(Button.class, spec -> spec.withId("register-submit")));

        expectNotifications("注册成功，请登录");
        UserAccount account = accounts.find(username).orElseThrow();
        CandidateRegistered registered = (CandidateRegistered) eventStore.readEvents(account.candidateId(), 0)
                .next().getPayload();
        assertThat(registered.consent()).isEqualTo(RegistrationConsent.given(PrivacyNotice.VERSION, DATA_USE,
                OUTREACH_CONTACT));
        assertThat(registered.channel().source()).isEqualTo(CandidateSource.SELF_REGISTRATION);
    }
}
