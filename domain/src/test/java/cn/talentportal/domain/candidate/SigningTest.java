package cn.talentportal.domain.candidate;

import cn.talentportal.domain.candidate.CandidateCommands.AcceptOffer;
import cn.talentportal.domain.candidate.CandidateCommands.ApplyToOpening;
import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateCommands.ScreenApplication;
import cn.talentportal.domain.candidate.CandidateCommands.SignContract;
import cn.talentportal.domain.candidate.CandidateEvents.ContractSigned;
import cn.talentportal.domain.candidate.JourneyFixtures.ExtendOfferOnVerdict;
import cn.talentportal.domain.candidate.JourneyFixtures.VerdictOffers;
import cn.talentportal.domain.interview.InterviewOutcome;
import cn.talentportal.domain.interview.InterviewVerdict;
import cn.talentportal.domain.opening.Opening;
import cn.talentportal.domain.opening.OpeningCommands.CloseOpening;
import cn.talentportal.domain.opening.OpeningCommands.DraftOpening;
import cn.talentportal.domain.opening.OpeningCommands.PublishOpening;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.OpeningEvents.OpeningFilled;
import cn.talentportal.domain.opening.OpeningEvents.OpeningSeatTaken;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.domain.shared.Sector;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static cn.talentportal.domain.candidate.JourneyFixtures.CLOCK;
import static cn.talentportal.domain.candidate.JourneyFixtures.PROFILE;
import static cn.talentportal.domain.candidate.JourneyFixtures.TERMS;
import static cn.talentportal.domain.candidate.JourneyFixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signing writes the opening and the candidate: real Opening and Candidate aggregates in a small in-memory Axon
 * configuration, with the interview's verdict given through the test route of {@link JourneyFixtures}.
 */
class SigningTest {

    private Configuration axon;
    private CommandGateway commands;

    @BeforeEach
    void start() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .registerComponent(RegistrationClaims.class, c -> new RegistrationClaimsInMemory())
                .registerComponent(Clock.class, c -> CLOCK)
                .configureAggregate(Opening.class)
                .configureAggregate(Candidate.class)
                .registerCommandHandler(c -> new ApplicationCommandHandler(
                        c.repository(Opening.class), c.repository(Candidate.class), CLOCK))
                .registerCommandHandler(c -> new SigningCommandHandler(
                        c.repository(Opening.class), c.repository(Candidate.class), CLOCK))
                .registerCommandHandler(c -> new VerdictOffers(c.repository(Candidate.class), CLOCK))
                .start();
        commands = axon.commandGateway();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    private void opening(int headcount) {
        commands.sendAndWait(new DraftOpening("o1", "u1", "县第一中学", new OpeningDetails("初中语文教师", "初二语文教学",
                Sector.EDUCATION, "城关镇", Education.BACHELOR, "汉语言文学", 4800, 6000, headcount,
                Set.of(TalentCategory.GRADUATE), TODAY.plusDays(30))));
        commands.sendAndWait(new PublishOpening("o1"));
    }

    /** Registers, applies, is screened in, recommended, offered and accepts. */
    private void acceptedOffer(String candidateId, String name, String phone, boolean accept) {
        String applicationId = "a-" + candidateId;
        commands.sendAndWait(new RegisterCandidate(candidateId, name, new PhoneNumber(phone),
                new EmailAddress(candidateId + "@example.cn"), null, PROFILE,
                new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
        commands.sendAndWait(new ApplyToOpening(candidateId, applicationId, "o1"));
        commands.sendAndWait(new ScreenApplication(candidateId, applicationId, ScreeningDecision.IN, null));
        commands.sendAndWait(new ExtendOfferOnVerdict(candidateId, applicationId, TERMS,
                new InterviewVerdict("i-" + candidateId, applicationId, InterviewOutcome.RECOMMENDED, "试讲优秀")));
        if (accept) {
            commands.sendAndWait(new AcceptOffer(candidateId, applicationId));
        }
    }

    private List<Object> events(String aggregateId) {
        return axon.eventStore().readEvents(aggregateId).asStream().<Object>map(EventMessage::getPayload).toList();
    }

    @Test
    void a_candidate_who_accepted_the_offer_signs_and_takes_a_seat_of_the_opening() {
        opening(2);
        acceptedOffer("c1", "王芳", "13900139001", true);
        commands.sendAndWait(new SignContract("c1", "a-c1", 5));
        assertThat(events("c1")).last().isEqualTo(new ContractSigned("c1", "王芳", "a-c1", "o1", "初中语文教师", "u1",
                "县第一中学", Sector.EDUCATION, "城关镇", "语文教师", 5200, TODAY, 5));
        assertThat(events("o1")).last().isEqualTo(new OpeningSeatTaken("o1", "初中语文教师", "a-c1", "c1", "王芳", 1, 2));
    }

    @Test
    void the_headcount_holds_across_candidates_the_second_signing_for_the_last_seat_is_refused() {
        opening(1);
        acceptedOffer("c1", "王芳", "13900139001", true);
        acceptedOffer("c2", "李明", "13900139002", true);
        commands.sendAndWait(new SignContract("c1", "a-c1", 3));
        assertThat(events("o1")).last().isEqualTo(new OpeningFilled("o1", "初中语文教师", 1));

        assertRefused(new SignContract("c2", "a-c2", 3), "signing.opening.full", "c2", "o1");
    }

    @Test
    void signing_needs_an_accepted_offer_and_takes_no_seat_without_one() {
        opening(1);
        acceptedOffer("c1", "王芳", "13900139001", false);
        assertRefused(new SignContract("c1", "a-c1", 3), "signing.offerNotAccepted", "c1", "o1");
    }

    @Test
    void a_contract_runs_one_to_ten_years() {
        opening(1);
        acceptedOffer("c1", "王芳", "13900139001", true);
        assertRefused(new SignContract("c1", "a-c1", 0), "signing.contractYears.outOfRange", "c1", "o1");
        assertRefused(new SignContract("c1", "a-c1", 11), "signing.contractYears.outOfRange", "c1", "o1");
    }

    @Test
    void a_contract_is_signed_once() {
        opening(2);
        acceptedOffer("c1", "王芳", "13900139001", true);
        commands.sendAndWait(new SignContract("c1", "a-c1", 3));
        assertRefused(new SignContract("c1", "a-c1", 3), "signing.alreadySigned", "c1", "o1");
    }

    @Test
    void a_closed_opening_takes_no_signing() {
        opening(1);
        acceptedOffer("c1", "王芳", "13900139001", true);
        commands.sendAndWait(new CloseOpening("o1", "编制调整"));
        assertRefused(new SignContract("c1", "a-c1", 3), "signing.opening.closed", "c1", "o1");
    }

    /** A refused signing stores nothing on either aggregate. */
    private void assertRefused(Object command, String messageKey, String candidateId, String openingId) {
        int candidateEvents = events(candidateId).size();
        int openingEvents = events(openingId).size();
        assertThatThrownBy(() -> commands.sendAndWait(command))
                .isInstanceOf(DomainRuleViolation.class)
                .extracting(e -> ((DomainRuleViolation) e).messageKey())
                .isEqualTo(messageKey);
        assertThat(events(candidateId)).hasSize(candidateEvents);
        assertThat(events(openingId)).hasSize(openingEvents);
    }
}
