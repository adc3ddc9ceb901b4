package cn.talentportal.projections.drive;

import cn.talentportal.domain.drive.DriveEvents.CandidateRegisteredForDrive;
import cn.talentportal.domain.drive.DriveEvents.DriveAttended;
import cn.talentportal.domain.drive.DriveEvents.DriveHeld;
import cn.talentportal.domain.drive.DriveEvents.DrivePlanned;
import cn.talentportal.domain.drive.DriveEvents.OpeningFeatured;
import cn.talentportal.domain.drive.DriveEvents.OpeningUnfeatured;
import cn.talentportal.domain.drive.DriveKind;
import cn.talentportal.domain.employer.EmployerEvents.RecruiterAssigned;
import cn.talentportal.domain.employer.EmployerEvents.RecruiterRemoved;
import cn.talentportal.projections.drive.DriveQueries.CountDriveRegistrations;
import cn.talentportal.projections.drive.DriveQueries.CountDrivesOfUnit;
import cn.talentportal.projections.drive.DriveQueries.FindDriveOfUnit;
import cn.talentportal.projections.drive.DriveQueries.FindDriveRegistrations;
import cn.talentportal.projections.drive.DriveQueries.FindDrivesOfUnit;
import cn.talentportal.projections.testing.Collections;
import cn.talentportal.projections.testing.InMemoryMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DriveRegistrationsTest {

    static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final DriveRegistrationsProjection projection = new DriveRegistrationsProjection(mongo.database);
    private final List<Runnable> history = new ArrayList<>();

    @AfterEach
    void close() {
        mongo.close();
    }

    private void happen(Runnable event) {
        event.run();
        history.add(event);
    }

    private static Instant at(int hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    private void plan(String driveId, String title, String plannedBy, Instant plannedAt) {
        happen(() -> projection.on(new DrivePlanned(driveId, DriveKind.CAMPUS_RECRUITMENT, title, "西南大学",
                "就业指导中心", plannedAt.plus(Duration.ofDays(10)), plannedAt.plus(Duration.ofDays(10).plusHours(4)),
                "县第一中学"), plannedBy, plannedAt));
    }

    @Test
    void a_drive_belongs_to_the_unit_its_planner_recruited_for_when_planning_it() {
        happen(() -> projection.on(new RecruiterAssigned("school", "县第一中学", "wang", "王老师"), at(0)));
        happen(() -> projection.on(new RecruiterAssigned("hospital", "县人民医院", "liu", "刘主任"), at(0)));
        plan("d1", "西南大学校园招聘", "wang", at(1));
        plan("d2", "护士直播带岗", "liu", at(2));
        // 王老师 moves to the hospital: the drive planned before stays the school's, the next one is the hospital's
        happen(() -> projection.on(new RecruiterRemoved("school", "县第一中学", "wang", "王老师", "调岗"), at(3)));
        happen(() -> projection.on(new RecruiterAssigned("hospital", "县人民医院", "wang", "王老师"), at(4)));
        plan("d3", "医院网络招聘会", "wang", at(5));
        plan("d4", "办公室活动", "office-admin", at(6));

        assertThat(projection.handle(new FindDrivesOfUnit("school", 0, 10))).extracting(DriveSummary::driveId)
                .containsExactly("d1");
        assertThat(projection.handle(new FindDrivesOfUnit("hospital", 0, 10))).extracting(DriveSummary::driveId)
                .containsExactly("d3", "d2");
        assertThat(projection.handle(new CountDrivesOfUnit("hospital"))).isEqualTo(2);
        assertThat(projection.handle(new FindDrivesOfUnit("hospital", 1, 10))).extracting(DriveSummary::driveId)
                .containsExactly("d2");
        assertThat(projection.handle(new FindDriveOfUnit("d1", "hospital"))).isEmpty();
        assertThat(projection.handle(new FindDriveOfUnit("d1", "school"))).isPresent();
        assertThat(projection.handle(new FindDrivesOfUnit("nobody", 0, 10))).isEmpty();
    }

    @Test
    void registrations_attendance_and_featured_openings_and_a_replay_changes_nothing() {
        happen(() -> projection.on(new RecruiterAssigned("school", "县第一中学", "wang", "王老师"), at(0)));
        plan("d1", "西南大学校园招聘", "wang", at(1));
        happen(() -> projection.on(new OpeningFeatured("d1", "西南大学校园招聘", "o1", "高中数学教师", "县第一中学")));
        happen(() -> projection.on(new OpeningFeatured("d1", "西南大学校园招聘", "o2", "英语教师", "县第一中学")));
        happen(() -> projection.on(new OpeningUnfeatured("d1", "西南大学校园招聘", "o2", "英语教师", "岗位已满")));
        happen(() -> projection.on(new CandidateRegisteredForDrive("d1", "西南大学校园招聘",
                DriveKind.CAMPUS_RECRUITMENT, "c1", "王芳"), at(2)));
        happen(() -> projection.on(new CandidateRegisteredForDrive("d1", "西南大学校园招聘",
                DriveKind.CAMPUS_RECRUITMENT, "c2", "李明"), at(3)));
        happen(() -> projection.on(new DriveAttended("d1", "西南大学校园招聘", "c2", "李明"), at(250)));
        happen(() -> projection.on(new DriveHeld("d1", "西南大学校园招聘", 2, 1, "到场学生 120 人")));

        DriveSummary drive = projection.handle(new FindDriveOfUnit("d1", "school")).orElseThrow();
        assertThat(drive.status()).isEqualTo("HELD");
        assertThat(drive.summary()).isEqualTo("到场学生 120 人");
        assertThat(drive.featuredOpenings()).extracting(DriveSummary.FeaturedOpening::title)
                .containsExactly("高中数学教师");
        assertThat(drive.registrations()).isEqualTo(2);
        assertThat(drive.attendance()).isEqualTo(1);
        assertThat(projection.handle(new CountDriveRegistrations("d1"))).isEqualTo(2);
        assertThat(projection.handle(new FindDriveRegistrations("d1", 0, 10)))
                .extracting(DriveRegistrationEntry::candidateName, DriveRegistrationEntry::attended)
                .containsExactly(tuple("王芳", false),
                        tuple("李明", true));
        assertThat(projection.handle(new FindDriveRegistrations("d1", 1, 1)))
                .extracting(DriveRegistrationEntry::candidateId).containsExactly("c2");

        String[] collections = {DriveRegistrationsProjection.DRIVES, DriveRegistrationsProjection.REGISTRATIONS,
                DriveRegistrationsProjection.RECRUITERS};
        var before = Collections.snapshot(mongo.database, collections);
        history.forEach(Runnable::run);
        assertThat(Collections.snapshot(mongo.database, collections)).isEqualTo(before);
    }
}
