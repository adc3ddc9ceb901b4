package cn.talentportal.projections.drive;

import cn.talentportal.domain.candidate.CandidateEvents.ApplicationSubmitted;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateEvents.ContractSigned;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.drive.DriveEvents.CandidateRegisteredForDrive;
import cn.talentportal.domain.drive.DriveEvents.DriveHeld;
import cn.talentportal.domain.drive.DriveEvents.DrivePlanned;
import cn.talentportal.domain.drive.DriveKind;
import cn.talentportal.domain.interview.InterviewEvents.InterviewHeld;
import cn.talentportal.domain.retention.RetentionEvents.RetentionMilestoneReached;
import cn.talentportal.domain.retention.RetentionEvents.TalentDeparted;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.projections.drive.DriveQueries.FindDriveConversion;
import cn.talentportal.projections.drive.DriveQueries.FindDriveConversions;
import cn.talentportal.projections.testing.Collections;
import cn.talentportal.projections.testing.InMemoryMongo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

class DriveConversionTest {

    static final Instant STARTS = Instant.parse("2026-11-10T01:00:00Z");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final DriveConversionProjection projection = new DriveConversionProjection(mongo.database);
    private final List<Runnable> history = new ArrayList<>();

    @AfterEach
    void close() {
        mongo.close();
    }

    private void happen(Runnable event) {
        event.run();
        history.add(event);
    }

    private void registered(String candidateId, CandidateSource source, String reference) {
        happen(() -> projection.on(new CandidateRegistered(candidateId, candidateId, null, null, null,
                new CandidateProfile(Education.BACHELOR, null, null, 2026, null, null, null),
                new RegistrationChannel(source, reference, "西南大学校园招聘会"),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL))));
        if (reference != null) {
            happen(() -> projection.on(new CandidateRegisteredForDrive(reference, "西南大学校园招聘会",
                    DriveKind.CAMPUS_RECRUITMENT, candidateId, candidateId)));
        }
    }

    private void applied(String candidateId, String applicationId) {
        happen(() -> projection.on(new ApplicationSubmitted(candidateId, applicationId, candidateId, "o1", "教师",
                "u1", "县第一中学")));
    }

    @Test
    void the_candidates_who_came_through_a_drive_are_followed_to_one_year_in_post_each_counted_once() {
        happen(() -> projection.on(new DrivePlanned("d1", DriveKind.CAMPUS_RECRUITMENT, "西南大学校园招聘会", "西南大学",
                "就业中心", STARTS, STARTS.plusSeconds(14_400), "县人才办")));
        for (String candidate : List.of("c1", "c2", "c3", "c4")) {
            registered(candidate, CandidateSource.CAMPUS_DRIVE, "d1");
        }
        registered("self", CandidateSource.SELF_REGISTRATION, null);
        // an existing candidate registers at the drive too: a registration, not a candidate the drive brought
        happen(() -> projection.on(new CandidateRegisteredForDrive("d1", "西南大学校园招聘会", DriveKind.CAMPUS_RECRUITMENT,
                "self", "self")));
        happen(() -> projection.on(new DriveHeld("d1", "西南大学校园招聘会", 5, 4, "顺利举行")));
        applied("c1", "a1");
        applied("c1", "a1b"); // a second application of the same candidate
        applied("c2", "a2");
        applied("c3", "a3");
        applied("self", "a9");
        for (String candidate : List.of("c1", "c2", "self")) {
            happen(() -> projection.on(new InterviewHeld("i-" + candidate, candidate, STARTS, STARTS)));
        }
        for (String candidate : List.of("c1", "c2")) {
            happen(() -> projection.on(new ContractSigned(candidate, candidate, "a-" + candidate, "o1", "教师", "u1",
                    "县第一中学", Sector.EDUCATION, "城关镇", "教师", 5000, LocalDate.of(2026, 12, 1), 3)));
        }
        happen(() -> projection.on(new RetentionMilestoneReached("k1", "c1", "c1", 1, "县第一中学",
                LocalDate.of(2027, 12, 1))));
        happen(() -> projection.on(new RetentionMilestoneReached("k1", "c1", "c1", 3, "县第一中学",
                LocalDate.of(2029, 12, 1))));
        happen(() -> projection.on(new TalentDeparted("k2", "c2", "c2", "县第一中学", LocalDate.of(2027, 5, 1), "离职",
                0)));

        DriveConversion conversion = projection.handle(new FindDriveConversion("d1")).orElseThrow();
        assertThat(conversion).isEqualTo(new DriveConversion("d1", "西南大学校园招聘会", DriveKind.CAMPUS_RECRUITMENT,
                STARTS, "HELD", 5, 4, 4, 3, 2, 2, 1));
        assertThat(projection.handle(new FindDriveConversions())).containsExactly(conversion);
        assertThat(mongo.database.getCollection(DriveConversionProjection.CANDIDATES).countDocuments())
                .as("documents only for candidates who came through a drive").isEqualTo(4);

        var before = Collections.snapshot(mongo.database, DriveConversionProjection.DRIVES,
                DriveConversionProjection.CANDIDATES);
        history.forEach(Runnable::run);
        assertThat(Collections.snapshot(mongo.database, DriveConversionProjection.DRIVES,
                DriveConversionProjection.CANDIDATES)).isEqualTo(before);
    }
}
