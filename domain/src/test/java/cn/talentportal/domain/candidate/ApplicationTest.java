package cn.talentportal.domain.candidate;

import cn.talentportal.domain.candidate.CandidateCommands.ApplyToOpening;
import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateCommands.WithdrawApplication;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationSubmitted;
import cn.talentportal.domain.opening.Opening;
import cn.talentportal.domain.opening.OpeningCommands.CloseOpening;
import cn.talentportal.domain.opening.OpeningCommands.DraftOpening;
import cn.talentportal.domain.opening.OpeningCommands.PublishOpening;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.domain.shared.Sector;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Applying involves the opening and the candidate: run both aggregates in a small in-memory Axon configuration. */
class ApplicationTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private Configuration axon;
    private CommandGateway commands;

    @BeforeEach
    void start() {
        Clock clock = Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai"));
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .registerComponent(RegistrationClaims.class, c -> new RegistrationClaimsInMemory())
                .registerComponent(Clock.class, c -> clock)
                .configureAggregate(Opening.class)
                .configureAggregate(Candidate.class)
                .registerCommandHandler(c -> new ApplicationCommandHandler(
                        c.repository(Opening.class), c.repository(Candidate.class), clock))
                .start();
        commands = axon.commandGateway();
        commands.sendAndWait(new RegisterCandidate("c1", "李明", new PhoneNumber("13800138000"),
                new EmailAddress("liming@example.cn"), null,
                new CandidateProfile(Education.BACHELOR, "农业大学", "林学", 2026, "城关镇", "成都", "苗木培育"),
                new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    private void openingWithDeadline(LocalDate deadline, boolean publish) {
        commands.sendAndWait(new DraftOpening("o1", "u1", "县林业站", new OpeningDetails("林业技术员", "森林资源调查",
                Sector.FORESTRY, "青山镇", Education.BACHELOR, "林学", 4000, 5500, 2,
                Set.of(TalentCategory.GRADUATE), deadline)));
        if (publish) {
            commands.sendAndWait(new PublishOpening("o1"));
        }
    }

    private List<Object> candidateEvents() {
        return axon.eventStore().readEvents("c1").asStream().<Object>map(EventMessage::getPayload).toList();
    }

    @Test
    void a_candidate_applies_to_a_published_opening_and_the_application_names_it() {
        openingWithDeadline(TODAY, true);
        commands.sendAndWait(new ApplyToOpening("c1", "a1", "o1"));
        assertThat(candidateEvents()).last().isEqualTo(
                new ApplicationSubmitted("c1", "a1", "李明", "o1", "林业技术员", "u1", "县林业站"));
    }

    @Test
    void an_unpublished_opening_accepts_no_applications() {
        openingWithDeadline(TODAY, false);
        assertRefused(new ApplyToOpening("c1", "a1", "o1"), "application.opening.notPublished");
    }

    @Test
    void a_closed_opening_accepts_no_applications() {
        openingWithDeadline(TODAY, true);
        commands.sendAndWait(new CloseOpening("o1", "已招满"));
        assertRefused(new ApplyToOpening("c1", "a1", "o1"), "application.opening.closed");
    }

    @Test
    void an_opening_past_its_deadline_accepts_no_applications() {
        openingWithDeadline(TODAY.minusDays(1), true);
        assertRefused(new ApplyToOpening("c1", "a1", "o1"), "application.opening.pastDeadline");
    }

    @Test
    void a_candidate_applies_once_to_an_opening() {
        openingWithDeadline(TODAY, true);
        commands.sendAndWait(new ApplyToOpening("c1", "a1", "o1"));
        assertRefused(new ApplyToOpening("c1", "a2", "o1"), "application.alreadyApplied");
        assertThat(candidateEvents()).hasSize(2);
    }

    @Test
    void a_withdrawn_application_still_counts_as_the_one_application_to_its_opening() {
        openingWithDeadline(TODAY, true);
        commands.sendAndWait(new ApplyToOpening("c1", "a1", "o1"));
        commands.sendAndWait(new WithdrawApplication("c1", "a1", "填错了"));
        assertRefused(new ApplyToOpening("c1", "a2", "o1"), "application.alreadyApplied");
    }

    @Test
    void an_application_id_names_one_application() {
        openingWithDeadline(TODAY, true);
        commands.sendAndWait(new DraftOpening("o2", "u1", "县林业站", new OpeningDetails("护林员", "森林防火巡查",
                Sector.FORESTRY, "青山镇", Education.HIGH_SCHOOL, null, 3000, 3800, 1, Set.of(), TODAY)));
        commands.sendAndWait(new PublishOpening("o2"));
        commands.sendAndWait(new ApplyToOpening("c1", "a1", "o1"));
        assertRefused(new ApplyToOpening("c1", "a1", "o2"), "application.duplicateId");
    }

    private void assertRefused(Object command, String messageKey) {
        int eventsBefore = candidateEvents().size();
        assertThatThrownBy(() -> commands.sendAndWait(command))
                .isInstanceOf(DomainRuleViolation.class)
                .extracting(e -> ((DomainRuleViolation) e).messageKey())
                .isEqualTo(messageKey);
        assertThat(candidateEvents()).as("a refused application stores nothing").hasSize(eventsBefore);
    }
}
