package cn.talentportal.domain.drive;

import cn.talentportal.domain.testing.OfficeClock;
import cn.talentportal.domain.drive.DriveCommands.CancelDrive;
import cn.talentportal.domain.drive.DriveCommands.FeatureOpening;
import cn.talentportal.domain.drive.DriveCommands.MarkDriveHeld;
import cn.talentportal.domain.drive.DriveCommands.PlanDrive;
import cn.talentportal.domain.drive.DriveEvents.CandidateRegisteredForDrive;
import cn.talentportal.domain.drive.DriveEvents.OpeningFeatured;
import cn.talentportal.domain.opening.Opening;
import cn.talentportal.domain.opening.OpeningCommands.CloseOpening;
import cn.talentportal.domain.opening.OpeningCommands.DraftOpening;
import cn.talentportal.domain.opening.OpeningCommands.PublishOpening;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.Sector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Featuring involves the opening and the drive, and a candidate registering through a drive asks the drive from
 * the candidate's unit of work: run the aggregates in a small in-memory Axon configuration.
 */
class DriveCommandHandlerTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = LocalDateTime.of(2026, 11, 21, 9, 0).atZone(SHANGHAI).toInstant();
    static final Instant STARTS_AT = NOW.plus(Duration.ofDays(10));
    static final Instant ENDS_AT = STARTS_AT.plus(Duration.ofHours(4));
    static final String CAMPUS = "西南大学2027届校园招聘会";

    private final OfficeClock clock = new OfficeClock(NOW);
    private Configuration axon;
    private CommandGateway commands;

    @BeforeEach
    void start() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .registerComponent(Clock.class, c -> clock)
                .configureAggregate(Opening.class)
                .configureAggregate(RecruitmentDrive.class)
                .registerCommandHandler(c -> new DriveCommandHandler(
                        c.repository(Opening.class), c.repository(RecruitmentDrive.class)))
                .start();
        commands = axon.commandGateway();
        commands.sendAndWait(new DraftOpening("o1", "u1", "县第一中学", teachers("初中数学教师")));
        commands.sendAndWait(new PublishOpening("o1"));
        commands.sendAndWait(new PlanDrive("d1", DriveKind.CAMPUS_RECRUITMENT, CAMPUS, "西南大学", "西南大学第一运动场",
                STARTS_AT, ENDS_AT, "县人才服务中心"));
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    private static OpeningDetails teachers(String title) {
        return new OpeningDetails(title, "承担初中数学教学", Sector.EDUCATION, "城关镇", Education.BACHELOR, "数学",
                5000, 6500, 2, Set.of(TalentCategory.GRADUATE), LocalDate.of(2027, 1, 31));
    }

    private List<Object> driveEvents() {
        return axon.eventStore().readEvents("d1").asStream().<Object>map(EventMessage::getPayload).toList();
    }

    @Test
    void a_published_opening_is_featured_with_its_title_and_employer() {
        commands.sendAndWait(new FeatureOpening("d1", "o1"));
        assertThat(driveEvents()).last()
                .isEqualTo(new OpeningFeatured("d1", CAMPUS, "o1", "初中数学教师", "县第一中学"));
    }

    @Test
    void an_opening_is_featured_once_per_drive() {
        commands.sendAndWait(new FeatureOpening("d1", "o1"));
        assertRefused(new FeatureOpening("d1", "o1"), "drive.feature.alreadyFeatured");
    }

    @Test
    void a_draft_opening_is_not_featured() {
        commands.sendAndWait(new DraftOpening("o2", "u1", "县第一中学", teachers("初中英语教师")));
        assertRefused(new FeatureOpening("d1", "o2"), "drive.feature.openingNotPublished");
    }

    @Test
    void a_closed_opening_is_not_featured() {
        commands.sendAndWait(new CloseOpening("o1", "编制取消"));
        assertRefused(new FeatureOpening("d1", "o1"), "drive.feature.openingClosed");
    }

    @Test
    void a_cancelled_drive_features_nothing() {
        commands.sendAndWait(new CancelDrive("d1", "场地不可用"));
        assertRefused(new FeatureOpening("d1", "o1"), "drive.cancelled");
    }

    @Test
    void a_held_drive_features_nothing() {
        clock.set(ENDS_AT);
        commands.sendAndWait(new MarkDriveHeld("d1", "收到简历 80 份"));
        assertRefused(new FeatureOpening("d1", "o1"), "drive.alreadyHeld");
    }

    @Test
    void a_candidate_registering_through_a_drive_keeps_it_as_their_channel() {
        DriveRegistration registration = registerThroughDrive("c1", "李明");
        assertThat(registration).isEqualTo(new DriveRegistration("d1", CAMPUS, DriveKind.CAMPUS_RECRUITMENT));
        assertThat(driveEvents()).last().isEqualTo(
                new CandidateRegisteredForDrive("d1", CAMPUS, DriveKind.CAMPUS_RECRUITMENT, "c1", "李明"));
    }

    @Test
    void nobody_registers_through_a_drive_that_has_ended() {
        clock.set(ENDS_AT.plusSeconds(1));
        int eventsBefore = driveEvents().size();
        assertThatThrownBy(() -> registerThroughDrive("c1", "李明"))
                .isInstanceOf(DomainRuleViolation.class)
                .extracting(e -> ((DomainRuleViolation) e).messageKey())
                .isEqualTo("drive.registration.ended");
        assertThat(driveEvents()).hasSize(eventsBefore);
    }

    /** What the candidate package does when a new candidate registers through a drive (decision 0007). */
    private DriveRegistration registerThroughDrive(String candidateId, String candidateName) {
        ResultMessage<DriveRegistration> result = DefaultUnitOfWork.startAndGet(null).executeWithResult(() ->
                axon.repository(RecruitmentDrive.class).load("d1")
                        .invoke(drive -> drive.registerCandidate(candidateId, candidateName, clock.instant())));
        if (result.isExceptional()) {
            throw (RuntimeException) result.exceptionResult();
        }
        return result.getPayload();
    }

    private void assertRefused(Object command, String messageKey) {
        int eventsBefore = driveEvents().size();
        assertThatThrownBy(() -> commands.sendAndWait(command))
                .isInstanceOf(DomainRuleViolation.class)
                .extracting(e -> ((DomainRuleViolation) e).messageKey())
                .isEqualTo(messageKey);
        assertThat(driveEvents()).as("a refused featuring stores nothing").hasSize(eventsBefore);
    }
}
