package cn.talentportal.domain.drive;

import cn.talentportal.domain.drive.DriveCommands.CancelDrive;
import cn.talentportal.domain.drive.DriveCommands.MarkDriveHeld;
import cn.talentportal.domain.drive.DriveCommands.PlanDrive;
import cn.talentportal.domain.drive.DriveCommands.RecordAttendance;
import cn.talentportal.domain.drive.DriveCommands.SignUpForDrive;
import cn.talentportal.domain.drive.DriveCommands.UnfeatureOpening;
import cn.talentportal.domain.drive.DriveEvents.CandidateRegisteredForDrive;
import cn.talentportal.domain.drive.DriveEvents.DriveAttended;
import cn.talentportal.domain.drive.DriveEvents.DriveCancelled;
import cn.talentportal.domain.drive.DriveEvents.DriveHeld;
import cn.talentportal.domain.drive.DriveEvents.DrivePlanned;
import cn.talentportal.domain.drive.DriveEvents.OpeningFeatured;
import cn.talentportal.domain.drive.DriveEvents.OpeningUnfeatured;
import cn.talentportal.domain.shared.DomainRuleViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.startsWith;

class RecruitmentDriveTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = LocalDateTime.of(2026, 11, 21, 9, 0).atZone(SHANGHAI).toInstant();
    static final Instant NEXT_MONTH = LocalDateTime.of(2026, 12, 21, 14, 0).atZone(SHANGHAI).toInstant();
    static final Duration AFTERNOON = Duration.ofHours(4);
    static final String CAMPUS = "西南大学2027届校园招聘会";

    /** A campus drive next month. */
    static final DrivePlanned PLANNED = new DrivePlanned("d1", DriveKind.CAMPUS_RECRUITMENT, CAMPUS, "西南大学",
            "西南大学第一运动场", NEXT_MONTH, NEXT_MONTH.plus(AFTERNOON), "县人才服务中心");
    /** A livestream going on right now. */
    static final DrivePlanned LIVE = new DrivePlanned("d1", DriveKind.LIVESTREAM, "县人民医院直播带岗", null,
            "https://live.example.cn/room/88", NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(1)),
            "县人才服务中心");
    /** An online job fair that ended yesterday. */
    static final DrivePlanned ENDED = new DrivePlanned("d1", DriveKind.ONLINE_JOB_FAIR, "春季网络招聘会", null,
            "https://fair.example.cn/spring", NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofHours(20)),
            "县人才服务中心");

    private AggregateTestFixture<RecruitmentDrive> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RecruitmentDrive.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, SHANGHAI));
    }

    static CandidateRegisteredForDrive registered(DrivePlanned drive, String candidateId, String name) {
        return new CandidateRegisteredForDrive("d1", drive.driveTitle(), drive.kind(), candidateId, name);
    }

    // planning

    @Test
    void a_campus_drive_is_planned_at_its_university() {
        fixture.givenNoPriorActivity()
                .when(new PlanDrive("d1", DriveKind.CAMPUS_RECRUITMENT, " " + CAMPUS + " ", "西南大学",
                        "西南大学第一运动场", NEXT_MONTH, NEXT_MONTH.plus(AFTERNOON), "县人才服务中心"))
                .expectEvents(PLANNED);
    }

    @Test
    void a_livestream_needs_no_university_but_its_room() {
        Instant tonight = NOW.plus(Duration.ofHours(10));
        fixture.givenNoPriorActivity()
                .when(new PlanDrive("d1", DriveKind.LIVESTREAM, "县人民医院直播带岗", "",
                        "https://live.example.cn/room/88", tonight, tonight.plus(Duration.ofHours(2)), "县人才服务中心"))
                .expectEvents(new DrivePlanned("d1", DriveKind.LIVESTREAM, "县人民医院直播带岗", null,
                        "https://live.example.cn/room/88", tonight, tonight.plus(Duration.ofHours(2)), "县人才服务中心"));
    }

    @Test
    void a_campus_drive_needs_a_university() {
        fixture.givenNoPriorActivity()
                .when(new PlanDrive("d1", DriveKind.CAMPUS_RECRUITMENT, CAMPUS, null, "西南大学第一运动场",
                        NEXT_MONTH, NEXT_MONTH.plus(AFTERNOON), "县人才服务中心"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [drive.university]")
                .expectNoEvents();
    }

    @Test
    void a_drive_needs_a_kind_a_venue_and_an_organiser() {
        fixture.givenNoPriorActivity()
                .when(new PlanDrive("d1", null, CAMPUS, "西南大学", "西南大学第一运动场", NEXT_MONTH,
                        NEXT_MONTH.plus(AFTERNOON), "县人才服务中心"))
                .expectExceptionMessage("validation.required [drive.kind]");
        fixture.givenNoPriorActivity()
                .when(new PlanDrive("d1", DriveKind.ONLINE_JOB_FAIR, "网络招聘会", null, " ", NEXT_MONTH,
                        NEXT_MONTH.plus(AFTERNOON), "县人才服务中心"))
                .expectExceptionMessage("validation.required [drive.venue]");
        fixture.givenNoPriorActivity()
                .when(new PlanDrive("d1", DriveKind.ONLINE_JOB_FAIR, "网络招聘会", null, "https://fair.example.cn",
                        NEXT_MONTH, NEXT_MONTH.plus(AFTERNOON), null))
                .expectExceptionMessage("validation.required [drive.organiserName]");
    }

    @Test
    void a_drive_ends_after_it_starts() {
        fixture.givenNoPriorActivity()
                .when(new PlanDrive("d1", DriveKind.CAMPUS_RECRUITMENT, CAMPUS, "西南大学", "西南大学第一运动场",
                        NEXT_MONTH, NEXT_MONTH, "县人才服务中心"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("drive.plan.endsBeforeStart"))
                .expectNoEvents();
    }

    @Test
    void a_drive_is_not_planned_in_the_past() {
        Instant yesterday = NOW.minus(Duration.ofDays(1));
        fixture.givenNoPriorActivity()
                .when(new PlanDrive("d1", DriveKind.CAMPUS_RECRUITMENT, CAMPUS, "西南大学", "西南大学第一运动场",
                        yesterday, yesterday.plus(AFTERNOON), "县人才服务中心"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("drive.plan.inThePast"))
                .expectNoEvents();
    }

    // unfeaturing (featuring loads the opening too: DriveCommandHandlerTest)

    @Test
    void a_featured_opening_is_unfeatured_with_its_title_and_the_reason() {
        fixture.given(PLANNED, new OpeningFeatured("d1", CAMPUS, "o1", "初中数学教师", "县第一中学"))
                .when(new UnfeatureOpening("d1", "o1", "岗位已暂停"))
                .expectEvents(new OpeningUnfeatured("d1", CAMPUS, "o1", "初中数学教师", "岗位已暂停"));
    }

    @Test
    void an_opening_that_is_not_featured_cannot_be_unfeatured() {
        fixture.given(PLANNED)
                .when(new UnfeatureOpening("d1", "o1", "岗位已暂停"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("drive.unfeature.notFeatured"))
                .expectNoEvents();
    }

    @Test
    void unfeaturing_needs_a_reason() {
        fixture.given(PLANNED, new OpeningFeatured("d1", CAMPUS, "o1", "初中数学教师", "县第一中学"))
                .when(new UnfeatureOpening("d1", "o1", null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [drive.unfeatureReason]")
                .expectNoEvents();
    }

    @Test
    void a_held_drive_keeps_the_openings_it_featured() {
        fixture.given(LIVE, new OpeningFeatured("d1", LIVE.driveTitle(), "o1", "急需护士", "县人民医院"),
                        new DriveHeld("d1", LIVE.driveTitle(), 0, 0, null))
                .when(new UnfeatureOpening("d1", "o1", "岗位已暂停"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("drive.alreadyHeld"))
                .expectNoEvents();
    }

    // registration

    @Test
    void a_candidate_signs_up_for_a_planned_drive() {
        fixture.given(PLANNED)
                .when(new SignUpForDrive("d1", "c1", "李明"))
                .expectEvents(registered(PLANNED, "c1", "李明"));
    }

    @Test
    void a_candidate_may_sign_up_while_the_drive_is_on() {
        fixture.given(LIVE)
                .when(new SignUpForDrive("d1", "c1", "李明"))
                .expectEvents(registered(LIVE, "c1", "李明"));
    }

    @Test
    void a_candidate_signs_up_once() {
        fixture.given(PLANNED, registered(PLANNED, "c1", "李明"))
                .when(new SignUpForDrive("d1", "c1", "李明"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("drive.registration.alreadyRegistered"))
                .expectNoEvents();
    }

    @Test
    void nobody_signs_up_after_the_drive_ended() {
        fixture.given(ENDED)
                .when(new SignUpForDrive("d1", "c1", "李明"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("drive.registration.ended"))
                .expectNoEvents();
    }

    @Test
    void nobody_signs_up_for_a_cancelled_or_held_drive() {
        fixture.given(PLANNED, new DriveCancelled("d1", CAMPUS, "场地不可用"))
                .when(new SignUpForDrive("d1", "c1", "李明"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("drive.cancelled"))
                .expectNoEvents();
        fixture.given(LIVE, new DriveHeld("d1", LIVE.driveTitle(), 0, 0, null))
                .when(new SignUpForDrive("d1", "c1", "李明"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("drive.alreadyHeld"))
                .expectNoEvents();
    }

    @Test
    void signing_up_needs_the_candidate_name() {
        fixture.given(PLANNED)
                .when(new SignUpForDrive("d1", "c1", " "))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [candidate.fullName]")
                .expectNoEvents();
    }

    // attendance

    @Test
    void a_registered_candidate_attends_a_drive_that_has_started() {
        fixture.given(LIVE, registered(LIVE, "c1", "李明"))
                .when(new RecordAttendance("d1", "c1"))
                .expectEvents(new DriveAttended("d1", LIVE.driveTitle(), "c1", "李明"));
    }

    @Test
    void only_registered_candidates_attend() {
        fixture.given(LIVE, registered(LIVE, "c1", "李明"))
                .when(new RecordAttendance("d1", "c2"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("drive.attendance.notRegistered"))
                .expectNoEvents();
    }

    @Test
    void nobody_attends_before_the_drive_starts() {
        fixture.given(PLANNED, registered(PLANNED, "c1", "李明"))
                .when(new RecordAttendance("d1", "c1"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("drive.attendance.notStarted"))
                .expectNoEvents();
    }

    @Test
    void nobody_attends_a_cancelled_drive() {
        fixture.given(LIVE, registered(LIVE, "c1", "李明"), new DriveCancelled("d1", LIVE.driveTitle(), "网络故障"))
                .when(new RecordAttendance("d1", "c1"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("drive.cancelled"))
                .expectNoEvents();
    }

    @Test
    void attendance_is_recorded_once() {
        fixture.given(LIVE, registered(LIVE, "c1", "李明"), new DriveAttended("d1", LIVE.driveTitle(), "c1", "李明"))
                .when(new RecordAttendance("d1", "c1"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("drive.attendance.alreadyRecorded"))
                .expectNoEvents();
    }

    @Test
    void attendance_may_be_recorded_from_the_sign_in_sheets_after_the_drive_was_held() {
        fixture.given(LIVE, registered(LIVE, "c1", "李明"), new DriveHeld("d1", LIVE.driveTitle(), 1, 0, null))
                .when(new RecordAttendance("d1", "c1"))
                .expectEvents(new DriveAttended("d1", LIVE.driveTitle(), "c1", "李明"));
    }

    // held and cancelled

    @Test
    void a_drive_is_held_with_its_registrations_and_attendance() {
        fixture.given(LIVE, registered(LIVE, "c1", "李明"), registered(LIVE, "c2", "林晓雨"),
                        new DriveAttended("d1", LIVE.driveTitle(), "c1", "李明"))
                .when(new MarkDriveHeld("d1", " 观看 1200 人次，现场投递 35 份 "))
                .expectEvents(new DriveHeld("d1", LIVE.driveTitle(), 2, 1, "观看 1200 人次，现场投递 35 份"));
    }

    @Test
    void a_drive_is_not_held_before_it_starts() {
        fixture.given(PLANNED)
                .when(new MarkDriveHeld("d1", null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("drive.held.notStarted"))
                .expectNoEvents();
    }

    @Test
    void a_drive_is_held_once_and_never_after_it_was_cancelled() {
        fixture.given(LIVE, new DriveHeld("d1", LIVE.driveTitle(), 0, 0, null))
                .when(new MarkDriveHeld("d1", null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("drive.alreadyHeld"))
                .expectNoEvents();
        fixture.given(LIVE, new DriveCancelled("d1", LIVE.driveTitle(), "网络故障"))
                .when(new MarkDriveHeld("d1", null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("drive.cancelled"))
                .expectNoEvents();
    }

    @Test
    void a_planned_drive_is_cancelled_with_its_reason() {
        fixture.given(PLANNED)
                .when(new CancelDrive("d1", "场地不可用"))
                .expectEvents(new DriveCancelled("d1", CAMPUS, "场地不可用"));
    }

    @Test
    void cancelling_needs_a_reason() {
        fixture.given(PLANNED)
                .when(new CancelDrive("d1", ""))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [drive.cancelReason]")
                .expectNoEvents();
    }

    @Test
    void a_held_drive_is_not_cancelled() {
        fixture.given(LIVE, new DriveHeld("d1", LIVE.driveTitle(), 0, 0, null))
                .when(new CancelDrive("d1", "场地不可用"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("drive.alreadyHeld"))
                .expectNoEvents();
    }

    @Test
    void a_cancelled_drive_is_not_cancelled_twice() {
        fixture.given(PLANNED, new DriveCancelled("d1", CAMPUS, "场地不可用"))
                .when(new CancelDrive("d1", "场地不可用"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("drive.cancelled"))
                .expectNoEvents();
    }
}
