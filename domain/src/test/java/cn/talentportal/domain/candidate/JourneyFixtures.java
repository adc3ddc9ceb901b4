package cn.talentportal.domain.candidate;

import cn.talentportal.domain.candidate.CandidateEvents.ApplicationScreenedIn;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationSubmitted;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateEvents.ContractSigned;
import cn.talentportal.domain.candidate.CandidateEvents.OfferAccepted;
import cn.talentportal.domain.candidate.CandidateEvents.OfferExtended;
import cn.talentportal.domain.interview.InterviewOutcome;
import cn.talentportal.domain.interview.InterviewVerdict;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.domain.shared.Sector;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static org.hamcrest.Matchers.startsWith;

/** A candidate's journey as given events, a fixed clock in the office's zone, and fixtures wired like infra. */
final class JourneyFixtures {

    static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    static final Clock CLOCK = Clock.fixed(TODAY.atTime(10, 0).atZone(OFFICE_ZONE).toInstant(), OFFICE_ZONE);

    static final CandidateProfile PROFILE = new CandidateProfile(Education.BACHELOR, "师范大学", "汉语言文学", 2026,
            "城关镇", "重庆", null);
    static final PhoneNumber PHONE = new PhoneNumber("13900139000");
    static final EmailAddress EMAIL = new EmailAddress("wang@example.cn");
    static final RegistrationChannel CAMPUS = new RegistrationChannel(CandidateSource.CAMPUS_DRIVE, "d1",
            "西南大学校园招聘会");
    static final OfferTerms TERMS = new OfferTerms("语文教师", 5200, TODAY.plusMonths(2), TODAY.plusDays(7));
    static final InterviewVerdict RECOMMENDED = new InterviewVerdict("i1", "a1", InterviewOutcome.RECOMMENDED,
            "试讲生动，课堂把控好");

    static final CandidateRegistered REGISTERED = new CandidateRegistered("c1", "王芳", PHONE, EMAIL, null, PROFILE,
            CAMPUS, RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL));
    static final ApplicationSubmitted SUBMITTED = new ApplicationSubmitted("c1", "a1", "王芳", "o1", "初中语文教师",
            "u1", "县第一中学");
    static final ApplicationScreenedIn SCREENED_IN = new ApplicationScreenedIn("c1", "王芳", "a1", "o1", "初中语文教师",
            "u1", "县第一中学", null);
    static final OfferExtended OFFER_EXTENDED = new OfferExtended("c1", "王芳", "a1", "o1", "初中语文教师", "县第一中学",
            "i1", TERMS, "试讲生动，课堂把控好");
    static final OfferAccepted OFFER_ACCEPTED = new OfferAccepted("c1", "王芳", "a1", "o1", "初中语文教师", "县第一中学",
            "语文教师");
    static final ContractSigned CONTRACT_SIGNED = new ContractSigned("c1", "王芳", "a1", "o1", "初中语文教师", "u1",
            "县第一中学", Sector.EDUCATION, "城关镇", "语文教师", 5200, TODAY, 5);

    private JourneyFixtures() {
    }

    /** A candidate fixture with the ports infra gives the aggregate: registration claims and the clock. */
    static AggregateTestFixture<Candidate> candidateFixture(RegistrationClaims claims) {
        AggregateTestFixture<Candidate> fixture = new AggregateTestFixture<>(Candidate.class);
        fixture.registerInjectableResource(claims);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerAnnotatedCommandHandler(new VerdictOffers(fixture.getRepository(), CLOCK));
        fixture.registerAnnotatedCommandHandler(new CandidateSideOfPlacement(fixture.getRepository()));
        return fixture;
    }

    static ResultValidator<Candidate> refused(ResultValidator<Candidate> result, String messageKey) {
        return result.expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith(messageKey))
                .expectNoEvents();
    }

    /**
     * The candidate's side of {@link OfferCommandHandler} with a verdict the test chooses, so the offer rules of
     * {@code Candidate.extendOffer} are tested without holding an interview first. The real handler with a real
     * interview is tested in {@code cn.talentportal.domain.journey.OfferOnInterviewVerdictTest}.
     */
    record ExtendOfferOnVerdict(String candidateId, String applicationId, OfferTerms terms,
                                InterviewVerdict verdict) {
    }

    static final class VerdictOffers {

        private final Repository<Candidate> candidates;
        private final Clock clock;

        VerdictOffers(Repository<Candidate> candidates, Clock clock) {
            this.candidates = candidates;
            this.clock = clock;
        }

        @CommandHandler
        void handle(ExtendOfferOnVerdict command, DeadlineManager deadlines) {
            candidates.load(command.candidateId()).execute(candidate -> candidate.extendOffer(
                    command.applicationId(), command.terms(), command.verdict(), clock, deadlines));
        }
    }

    /**
     * The candidate's side of {@link PlacementCommandHandler}: the fixture holds one aggregate type, so the retention
     * case the real handler opens in the same unit of work is checked in
     * {@code cn.talentportal.domain.journey.PlacementOpensRetentionCaseTest}.
     */
    static final class CandidateSideOfPlacement {

        private final Repository<Candidate> candidates;

        CandidateSideOfPlacement(Repository<Candidate> candidates) {
            this.candidates = candidates;
        }

        @CommandHandler
        Candidate.Placement handle(CandidateCommands.PlaceCandidate command) throws Exception {
            return candidates.load(command.candidateId()).invoke(candidate ->
                    candidate.place(command.applicationId(), command.post(), command.startDate()));
        }
    }
}
