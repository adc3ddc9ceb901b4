package cn.talentportal.domain.journey;

import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.drive.DriveCommands.CancelDrive;
import cn.talentportal.domain.drive.DriveCommands.PlanDrive;
import cn.talentportal.domain.drive.DriveCommands.RegisterAtDrive;
import cn.talentportal.domain.drive.DriveEvents.CandidateRegisteredForDrive;
import cn.talentportal.domain.drive.DriveKind;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.domain.testing.OfficeClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static cn.talentportal.domain.journey.Journey.PROFILE;
import static cn.talentportal.domain.journey.Journey.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code RegisterAtDrive} through the real {@code DriveRegistrationHandler}: the drive and the new candidate are
 * written in one unit of work, so a registration either lands on both or on neither.
 */
class DriveRegistrationTest {

    static final String TITLE = "西南大学2027届校园招聘会";
    static final Instant STARTS_AT = TODAY.plusDays(10).atTime(9, 0).atZone(OfficeClock.SHANGHAI).toInstant();
    static final Instant ENDS_AT = TODAY.plusDays(10).atTime(17, 0).atZone(OfficeClock.SHANGHAI).toInstant();
    static final PhoneNumber PHONE = new PhoneNumber("13900139001");
    static final EmailAddress EMAIL = new EmailAddress("wangfang@example.cn");

    private final Journey journey = new Journey();

    @AfterEach
    void stop() {
        journey.close();
    }

    private void drivePlanned(DriveKind kind) {
        journey.send(new PlanDrive("d1", kind, TITLE, "西南大学", "西南大学第一运动场", STARTS_AT, ENDS_AT, "县人才服务中心"));
    }

    private static RegisterAtDrive wangFangRegisters(String candidateId, PhoneNumber phone) {
        return new RegisterAtDrive("d1", candidateId, "王芳", phone, EMAIL, null, PROFILE,
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL));
    }

    @ParameterizedTest
    @CsvSource({"CAMPUS_RECRUITMENT, CAMPUS_DRIVE", "ONLINE_JOB_FAIR, ONLINE_JOB_FAIR", "LIVESTREAM, LIVESTREAM"})
    void a_candidate_registered_at_a_drive_keeps_the_drive_as_channel_and_the_drive_counts_the_registration(
            DriveKind kind, CandidateSource source) {
        drivePlanned(kind);

        journey.send(wangFangRegisters("c1", PHONE));

        assertThat(journey.events("c1")).containsExactly(new CandidateRegistered("c1", "王芳", PHONE, EMAIL, null,
                PROFILE, new RegistrationChannel(source, "d1", TITLE),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
        assertThat(journey.lastEvent("d1")).isEqualTo(new CandidateRegisteredForDrive("d1", TITLE, kind, "c1", "王芳"));
    }

    @Test
    void a_cancelled_drive_registers_no_one_and_claims_nothing() {
        drivePlanned(DriveKind.CAMPUS_RECRUITMENT);
        journey.send(new CancelDrive("d1", "场地临时征用"));

        journey.assertRefused(wangFangRegisters("c1", PHONE), "drive.cancelled", List.of(TITLE), "d1", "c1");

        // the phone and email were not claimed: the same person may still register on their own
        journey.send(new RegisterCandidate("c2", "王芳", PHONE, EMAIL, null, PROFILE,
                new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
    }

    @Test
    void a_phone_already_registered_is_refused_and_the_drive_does_not_count_the_registration() {
        drivePlanned(DriveKind.ONLINE_JOB_FAIR);
        journey.registered("c0", "王芳", PHONE.value());

        journey.assertRefused(wangFangRegisters("c1", PHONE), "candidate.duplicate",
                List.of("candidate.phone", "source.SELF_REGISTRATION"), "d1", "c1");
        assertThat(journey.events("c1")).isEmpty();
        assertThat(journey.events("d1")).noneMatch(CandidateRegisteredForDrive.class::isInstance);
    }
}
