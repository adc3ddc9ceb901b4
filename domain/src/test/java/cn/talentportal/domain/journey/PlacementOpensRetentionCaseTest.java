package cn.talentportal.domain.journey;

import cn.talentportal.domain.testing.OfficeClock;
import cn.talentportal.domain.candidate.Candidate.Placement;
import cn.talentportal.domain.candidate.CandidateCommands.PlaceCandidate;
import cn.talentportal.domain.candidate.CandidateEvents.CandidatePlaced;
import cn.talentportal.domain.candidate.PlacementCommandHandler;
import cn.talentportal.domain.journey.ScheduledDeadlines.Deadline;
import cn.talentportal.domain.retention.RetentionCase;
import cn.talentportal.domain.retention.RetentionCase.MilestoneDue;
import cn.talentportal.domain.retention.RetentionEvents.RetentionCaseOpened;
import cn.talentportal.domain.shared.Sector;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cn.talentportal.domain.journey.Journey.COUNTY;
import static cn.talentportal.domain.journey.Journey.EMPLOYER;
import static cn.talentportal.domain.journey.Journey.EMPLOYER_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PlaceCandidate} through the real {@code PlacementCommandHandler}: the candidate is placed and the retention
 * case opened in one unit of work, with its 1-, 3- and 5-year milestones; a refused placement opens no case.
 */
class PlacementOpensRetentionCaseTest {

    static final String CASE = PlacementCommandHandler.retentionCaseIdOf("a1");
    static final String POST = "初二语文教师";

    private final Journey journey = new Journey();

    @BeforeEach
    void wangFangIsScreenedIn() {
        journey.openingPublished("o1", "初中语文教师", 2);
        journey.registered("c1", "王芳", "13900139001");
        journey.screenedIn("c1", "a1", "o1");
    }

    @AfterEach
    void stop() {
        journey.close();
    }

    private static Deadline milestone(int years, LocalDate startDate) {
        return new Deadline(startDate.plusYears(years).atStartOfDay(OfficeClock.SHANGHAI).toInstant(),
                RetentionCase.MILESTONE_DEADLINE, new MilestoneDue(years), "RetentionCase:" + CASE);
    }

    @Test
    void a_placed_talent_has_a_retention_case_with_milestones_1_3_and_5_years_after_the_start() {
        journey.signed("c1", "a1", 5);
        LocalDate signedOn = journey.today();
        LocalDate startDate = signedOn.plusDays(20);

        Placement placement = journey.send(new PlaceCandidate("c1", "a1", POST, startDate));

        assertThat(placement.applicationId()).isEqualTo("a1");
        assertThat(journey.lastEvent("c1")).isEqualTo(new CandidatePlaced("c1", "王芳", "a1", "o1", "初中语文教师",
                EMPLOYER_ID, EMPLOYER, Sector.EDUCATION, COUNTY, POST, startDate, signedOn));
        assertThat(journey.events(CASE)).containsExactly(new RetentionCaseOpened(CASE, "c1", "王芳", EMPLOYER_ID,
                EMPLOYER, POST, Sector.EDUCATION, COUNTY, startDate, signedOn));
        assertThat(journey.deadlines().scheduled(RetentionCase.MILESTONE_DEADLINE)).containsExactly(
                milestone(1, startDate), milestone(3, startDate), milestone(5, startDate));
    }

    @Test
    void a_talent_who_has_not_signed_is_not_placed_and_gets_no_case() {
        journey.offerAccepted("c1", "a1");

        journey.assertRefused(new PlaceCandidate("c1", "a1", POST, journey.today().plusDays(20)),
                "placement.notSigned", List.of("初中语文教师"), "c1", CASE);
        assertThat(journey.events(CASE)).isEmpty();
    }

    @Test
    void a_start_before_signing_is_refused_and_opens_no_case() {
        journey.signed("c1", "a1", 5);
        LocalDate signedOn = journey.today();

        journey.assertRefused(new PlaceCandidate("c1", "a1", POST, signedOn.minusDays(1)),
                "placement.startBeforeSigning", List.of(signedOn.minusDays(1), signedOn), "c1", CASE);
        assertThat(journey.events(CASE)).isEmpty();
    }

    @Test
    void a_talent_is_placed_once_and_keeps_one_case() {
        journey.signed("c1", "a1", 5);
        LocalDate startDate = journey.today().plusDays(20);
        journey.send(new PlaceCandidate("c1", "a1", POST, startDate));

        journey.assertRefused(new PlaceCandidate("c1", "a1", POST, startDate.plusDays(1)), "placement.alreadyPlaced",
                List.of("王芳", "初中语文教师"), "c1", CASE);
        assertThat(journey.events(CASE)).hasSize(1);
        assertThat(journey.deadlines().scheduled(RetentionCase.MILESTONE_DEADLINE)).hasSize(3);
    }
}
