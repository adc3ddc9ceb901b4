package cn.talentportal.portal.register;

import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.drive.DriveCommands.PlanDrive;
import cn.talentportal.domain.drive.DriveKind;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.jobs.SelfServiceFixtures.Employer;
import cn.talentportal.portal.jobs.SelfServiceFixtures;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.view.ViewTestBase;
import cn.talentportal.projections.drive.DriveConversion;
import cn.talentportal.projections.drive.DriveQueries.FindDriveConversion;
import cn.talentportal.projections.drive.DriveQueries.FindDriveConversions;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
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

class RegistrationDriveTest extends ViewTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;
    @Autowired QueryGateway queries;

    @Test
    void a_graduate_names_the_livestream_that_brought_them_and_the_drive_counts_them() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Employer hospital = new SelfServiceFixtures(commands, accounts, clock).hospital("县中医院" + suffix);
        String driveId = UUID.randomUUID().toString();
        String driveTitle = "县中医院直播带岗" + suffix;
        Instant startsAt = clock.instant().plus(Duration.ofDays(2));
        SelfServiceFixtures.as(hospital.recruiter(), () -> commands.send(new PlanDrive(driveId, DriveKind.LIVESTREAM,
                driveTitle, null, "县融媒体中心直播间", startsAt, startsAt.plus(Duration.ofHours(2)), "刘主任")));
        DriveConversion drive = eventually(() -> queries.query(new FindDriveConversions(),
                        ResponseTypes.multipleInstancesOf(DriveConversion.class)).join().stream()
                .filter(d -> d.driveId().equals(driveId)).findFirst().orElse(null),
                d -> d != null, "the drive in the drive read model");

        UI.getCurrent().navigate(RegistrationView.class);
        _setValue(_get(TextField.class, spec -> spec.withId("register-username")), "drive_" + suffix);
        _setValue(_get(PasswordField.class, spec -> spec.withId("register-password")), "Qingshan2026!");
        _setValue(_get(TextField.class, spec -> spec.withId("register-full-name")), "赵一鸣");
        String digits = String.format("%08d", Math.floorMod(driveId.hashCode(), 100_000_000));
        _setValue(_get(TextField.class, spec -> spec.withId("register-phone")), "135" + digits);
        _setValue(_get(EmailField.class, spec -> spec.withId("register-email")), "d" + digits + "@example.cn");
        @SuppressWarnings("unchecked")
        Select<Education> education = _get(Select.class, spec -> spec.withId("register-education"));
        _setValue(education, Education.BACHELOR);
        @SuppressWarnings("unchecked")
        Select<CandidateSource> source = _get(Select.class, spec -> spec.withId("register-source"));
        _setValue(source, CandidateSource.REFERRAL);
        _assertNone(ComboBox.class, spec -> spec.withId("register-source-drive")); // nothing to pick for a referral
        _setValue(source, CandidateSource.LIVESTREAM);
        @SuppressWarnings("unchecked")
        ComboBox<DriveConversion> drives = _get(ComboBox.class, spec -> spec.withId("register-source-drive"));
        _setValue(drives, drive);
        _assertNone(TextField.class, spec -> spec.withId("register-source-reference")); // the drive names it
        _setValue(_get(Checkbox.class, spec -> spec.withId("register-consent-data-use")), true);

        _click(_get(Button.class, spec -> spec.withId("register-submit")));

        expectNotifications("注册成功，请登录");
        eventually(() -> queries.query(new FindDriveConversion(driveId),
                        ResponseTypes.optionalInstanceOf(DriveConversion.class)).join()
                .map(DriveConversion::registered).orElse(0), registered -> registered == 1,
                "the registration counted in the drive's funnel");
    }
}
