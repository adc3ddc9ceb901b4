package cn.talentportal.projections.dossier;

import cn.talentportal.domain.drive.DriveEvents.CandidateRegisteredForDrive;
import cn.talentportal.domain.drive.DriveKind;
import cn.talentportal.domain.interview.InterviewEvents.InterviewScheduled;
import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.domain.interview.PanelMember;
import cn.talentportal.domain.outreach.ReturneeRegisterEvents.ReturneeConvertedToCandidate;
import cn.talentportal.domain.retention.RetentionEvents.RetentionCaseOpened;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.projections.testing.InMemoryMongo;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CandidateStreamsProjectionTest {

    static final Instant START = Instant.parse("2026-11-23T02:00:00Z");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final CandidateStreamsProjection projection = new CandidateStreamsProjection(mongo.database);

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void every_stream_that_names_a_candidate_is_linked_to_them_once_however_often_replayed() {
        for (int replay = 0; replay < 2; replay++) {
            projection.on(new CandidateRegisteredForDrive("d1", "校园招聘会", DriveKind.CAMPUS_RECRUITMENT, "c1", "王芳"));
            projection.on(new CandidateRegisteredForDrive("d2", "网络招聘会", DriveKind.ONLINE_JOB_FAIR, "c1", "王芳"));
            projection.on(new InterviewScheduled("i1", "a1", "c1", "王芳", "o1", "教师",
                    List.of(new PanelMember("u1", "周校长")),
                    new InterviewSlot(START, START.plus(Duration.ofMinutes(45))), "r1", "评分表", 1, List.of()));
            projection.on(new RetentionCaseOpened("retention:a1", "c1", "王芳", "e1", "县第一中学", "教师",
                    Sector.EDUCATION, "城关镇", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 11, 20)));
            projection.on(new ReturneeConvertedToCandidate("n1", "c1", "王芳"));
            projection.on(new CandidateRegisteredForDrive("d1", "校园招聘会", DriveKind.CAMPUS_RECRUITMENT, "c2", "李雷"));
        }
        assertThat(projection.linkedTo("c1")).isEqualTo(new LinkedStreams(Set.of("i1"), Set.of("d1", "d2"),
                Set.of("retention:a1"), Set.of("n1")));
        assertThat(projection.linkedTo("c2").drives()).containsExactly("d1");
        assertThat(projection.linkedTo("nobody")).isEqualTo(LinkedStreams.none());
    }
}
