package cn.talentportal.domain.candidate;

import cn.talentportal.domain.candidate.Candidate.Placement;
import cn.talentportal.domain.candidate.CandidateCommands.PlaceCandidate;
import cn.talentportal.domain.candidate.CandidateEvents.CandidatePlaced;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.Sector;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static cn.talentportal.domain.candidate.JourneyFixtures.CONTRACT_SIGNED;
import static cn.talentportal.domain.candidate.JourneyFixtures.OFFER_ACCEPTED;
import static cn.talentportal.domain.candidate.JourneyFixtures.OFFER_EXTENDED;
import static cn.talentportal.domain.candidate.JourneyFixtures.REGISTERED;
import static cn.talentportal.domain.candidate.JourneyFixtures.SCREENED_IN;
import static cn.talentportal.domain.candidate.JourneyFixtures.SUBMITTED;
import static cn.talentportal.domain.candidate.JourneyFixtures.TODAY;
import static cn.talentportal.domain.candidate.JourneyFixtures.candidateFixture;
import static cn.talentportal.domain.candidate.JourneyFixtures.refused;

/** Placement, through {@link PlacementCommandHandler} on the fixture's repository. */
class PlacementTest {

    private final AggregateTestFixture<Candidate> fixture = candidateFixture(new RegistrationClaimsInMemory());

    @Test
    void a_signed_candidate_is_placed_and_the_placement_names_their_roots_for_the_retention_case() {
        CandidatePlaced placed = new CandidatePlaced("c1", "王芳", "a1", "o1", "初中语文教师", "u1", "县第一中学",
                Sector.EDUCATION, "城关镇", "初二语文教师兼班主任", TODAY.plusMonths(2), TODAY);
        fixture.given(REGISTERED, SUBMITTED, SCREENED_IN, OFFER_EXTENDED, OFFER_ACCEPTED, CONTRACT_SIGNED)
                .when(new PlaceCandidate("c1", "a1", "初二语文教师兼班主任", TODAY.plusMonths(2)))
                .expectEvents(placed)
                .expectResultMessagePayload(new Placement("c1", "王芳", "a1", "o1", "初中语文教师", "u1", "县第一中学",
                        Sector.EDUCATION, "城关镇", "初二语文教师兼班主任", TODAY.plusMonths(2), TODAY, "城关镇",
                        Education.BACHELOR));
    }

    @Test
    void placement_needs_a_signed_contract() {
        refused(fixture.given(REGISTERED, SUBMITTED, SCREENED_IN, OFFER_EXTENDED, OFFER_ACCEPTED)
                .when(new PlaceCandidate("c1", "a1", "语文教师", TODAY.plusMonths(2))), "placement.notSigned");
    }

    @Test
    void a_candidate_is_placed_once_per_contract() {
        CandidatePlaced placed = new CandidatePlaced("c1", "王芳", "a1", "o1", "初中语文教师", "u1", "县第一中学",
                Sector.EDUCATION, "城关镇", "语文教师", TODAY.plusMonths(2), TODAY);
        refused(fixture.given(REGISTERED, SUBMITTED, SCREENED_IN, OFFER_EXTENDED, OFFER_ACCEPTED, CONTRACT_SIGNED,
                        placed)
                .when(new PlaceCandidate("c1", "a1", "语文教师", TODAY.plusMonths(3))), "placement.alreadyPlaced");
    }

    @Test
    void a_placement_starts_no_earlier_than_the_signing_and_names_the_post() {
        refused(fixture.given(REGISTERED, SUBMITTED, SCREENED_IN, OFFER_EXTENDED, OFFER_ACCEPTED, CONTRACT_SIGNED)
                .when(new PlaceCandidate("c1", "a1", "语文教师", TODAY.minusDays(1))), "placement.startBeforeSigning");
        refused(fixture.given(REGISTERED, SUBMITTED, SCREENED_IN, OFFER_EXTENDED, OFFER_ACCEPTED, CONTRACT_SIGNED)
                .when(new PlaceCandidate("c1", "a1", " ", TODAY)), "validation.required [placement.post]");
        refused(fixture.given(REGISTERED, SUBMITTED, SCREENED_IN, OFFER_EXTENDED, OFFER_ACCEPTED, CONTRACT_SIGNED)
                .when(new PlaceCandidate("c1", "a1", "语文教师", null)), "validation.required [placement.startDate]");
    }
}
