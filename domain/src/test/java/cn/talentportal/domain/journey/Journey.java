package cn.talentportal.domain.journey;

import cn.talentportal.domain.DomainModel;
import cn.talentportal.domain.candidate.CandidateCommands.AcceptOffer;
import cn.talentportal.domain.candidate.CandidateCommands.ApplyToOpening;
import cn.talentportal.domain.candidate.CandidateCommands.ExtendOffer;
import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateCommands.ScreenApplication;
import cn.talentportal.domain.candidate.CandidateCommands.SignContract;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.OfferTerms;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationClaims;
import cn.talentportal.domain.candidate.RegistrationClaimsInMemory;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.candidate.ScreeningDecision;
import cn.talentportal.domain.interview.Criterion;
import cn.talentportal.domain.interview.InterviewCommands.DecideInterviewOutcome;
import cn.talentportal.domain.interview.InterviewCommands.RecordInterviewHeld;
import cn.talentportal.domain.interview.InterviewCommands.ScheduleInterview;
import cn.talentportal.domain.interview.InterviewCommands.SubmitScorecard;
import cn.talentportal.domain.interview.InterviewOutcome;
import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.domain.interview.PanelMember;
import cn.talentportal.domain.interview.RubricCommands.DefineRubric;
import cn.talentportal.domain.opening.OpeningCommands.DraftOpening;
import cn.talentportal.domain.opening.OpeningCommands.PublishOpening;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.domain.testing.OfficeClock;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole domain in a small in-memory Axon configuration, wired as {@code infra}'s {@code AggregateConfiguration}
 * wires it: every aggregate on one cache, every command handler with the same repositories, clock and registration
 * claims, and the clock, the claims and a deadline manager as components. Snapshots are left out (they start at
 * 100 events). A test is given earlier steps of the journey as the commands the office would send.
 */
final class Journey implements AutoCloseable {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    static final String EMPLOYER_ID = "u1";
    static final String EMPLOYER = "县第一中学";
    static final String COUNTY = "城关镇";
    static final CandidateProfile PROFILE = new CandidateProfile(Education.BACHELOR, "西南大学", "汉语言文学", 2026,
            "城关镇", "重庆", null);
    static final String RUBRIC = "r1";
    static final List<Criterion> CRITERIA = List.of(new Criterion("teaching", "试讲", 3, 10),
            new Criterion("communication", "沟通表达", 1, 5));
    static final PanelMember ZHANG = new PanelMember("p1", "张校长");
    static final PanelMember LI = new PanelMember("p2", "李老师");
    static final String RECOMMENDED_BECAUSE = "试讲生动，课堂把控好";

    /** The aggregates {@code AggregateConfiguration.AGGREGATES} registers. */

    final OfficeClock clock = new OfficeClock(TODAY.atTime(9, 0));
    private final RegistrationClaims claims = new RegistrationClaimsInMemory();
    private final Configuration axon;
    private final CommandGateway commands;
    private ScheduledDeadlines deadlines;
    private boolean rubricDefined;

    Journey() {
        Cache cache = new WeakReferenceCache();
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .registerComponent(Clock.class, c -> clock)
                .registerComponent(RegistrationClaims.class, c -> claims)
                .registerComponent(DeadlineManager.class, c -> deadlines = new ScheduledDeadlines(c));
        for (Class<?> type : DomainModel.AGGREGATES) {
            configurer.configureAggregate(cached(type, cache));
        }
        // as infra's AggregateConfiguration registers them
        for (Function<DomainModel.Repositories, Object> handler : DomainModel.commandHandlers(claims, clock)) {
            configurer.registerCommandHandler(c -> handler.apply(c::repository));
        }
        axon = configurer.start();
        commands = axon.commandGateway();
    }

    private static <T> AggregateConfigurer<T> cached(Class<T> type, Cache cache) {
        return AggregateConfigurer.defaultConfiguration(type).configureCache(c -> cache);
    }

    @Override
    public void close() {
        axon.shutdown();
        if (deadlines != null) {
            deadlines.shutdown();
        }
    }

    // sending and reading

    <R> R send(Object command) {
        return commands.sendAndWait(command);
    }

    List<Object> events(String aggregateId) {
        return axon.eventStore().readEvents(aggregateId).asStream().<Object>map(EventMessage::getPayload).toList();
    }

    Object lastEvent(String aggregateId) {
        return events(aggregateId).getLast();
    }

    ScheduledDeadlines deadlines() {
        return (ScheduledDeadlines) axon.getComponent(DeadlineManager.class);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The command is refused with the key and arguments, and stores nothing: the named streams keep their events
     * and no deadline is scheduled.
     */
    void assertRefused(Object command, String messageKey, List<?> arguments, String... streamsLeftAlone) {
        Map<String, List<Object>> before = new HashMap<>();
        for (String stream : streamsLeftAlone) {
            before.put(stream, events(stream));
        }
        int deadlinesBefore = deadlines().scheduled().size();
        assertThatThrownBy(() -> send(command))
                .isInstanceOfSatisfying(DomainRuleViolation.class, refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo(messageKey);
                    assertThat(refusal.arguments()).isEqualTo(arguments);
                });
        for (String stream : streamsLeftAlone) {
            assertThat(events(stream)).as("events of %s after the refusal", stream).isEqualTo(before.get(stream));
        }
        assertThat(deadlines().scheduled()).as("deadlines after the refusal").hasSize(deadlinesBefore);
    }

    // steps a test is given

    void openingPublished(String openingId, String title, int headcount) {
        send(new DraftOpening(openingId, EMPLOYER_ID, EMPLOYER, new OpeningDetails(title, "承担初中教学", Sector.EDUCATION,
                COUNTY, Education.BACHELOR, null, 4800, 6000, headcount, Set.of(TalentCategory.GRADUATE),
                TODAY.plusDays(30))));
        send(new PublishOpening(openingId));
    }

    void registered(String candidateId, String fullName, String phone) {
        send(new RegisterCandidate(candidateId, fullName, new PhoneNumber(phone),
                new EmailAddress(candidateId + "@example.cn"), null, PROFILE,
                new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
    }

    void applied(String candidateId, String applicationId, String openingId) {
        send(new ApplyToOpening(candidateId, applicationId, openingId));
    }

    void screenedIn(String candidateId, String applicationId, String openingId) {
        applied(candidateId, applicationId, openingId);
        send(new ScreenApplication(candidateId, applicationId, ScreeningDecision.IN, null));
    }

    /**
     * An interview the day after tomorrow from 10:00 to 11:00 before 张校长 and 李老师, scored against rubric r1
     * (defined the first time an interview is asked for).
     */
    ScheduleInterview interviewOf(String interviewId, String candidateId, String applicationId) {
        if (!rubricDefined) {
            send(new DefineRubric(RUBRIC, "初中教师面试评分表", CRITERIA));
            rubricDefined = true;
        }
        return new ScheduleInterview(interviewId, applicationId, candidateId, List.of(ZHANG, LI),
                slotAt(today().plusDays(2).atTime(10, 0)), RUBRIC);
    }

    ScheduleInterview interviewScheduled(String interviewId, String candidateId, String applicationId) {
        ScheduleInterview schedule = interviewOf(interviewId, candidateId, applicationId);
        send(schedule);
        return schedule;
    }

    /** Scheduled, and held: the clock stands half an hour after the interview ended. */
    void interviewHeld(String interviewId, String candidateId, String applicationId) {
        InterviewSlot slot = interviewScheduled(interviewId, candidateId, applicationId).slot();
        clock.setTo(LocalDateTime.ofInstant(slot.end(), OfficeClock.SHANGHAI).plusMinutes(30));
        send(new RecordInterviewHeld(interviewId, slot.start().plus(Duration.ofMinutes(5)),
                slot.end().minus(Duration.ofMinutes(5))));
    }

    /** Held, scored by the whole panel and decided. */
    void interviewDecided(String interviewId, String candidateId, String applicationId, InterviewOutcome outcome) {
        interviewHeld(interviewId, candidateId, applicationId);
        send(new SubmitScorecard(interviewId, ZHANG.userId(), Map.of("teaching", 9, "communication", 4), "基础扎实"));
        send(new SubmitScorecard(interviewId, LI.userId(), Map.of("teaching", 8, "communication", 5), null));
        send(new DecideInterviewOutcome(interviewId, outcome,
                outcome == InterviewOutcome.RECOMMENDED ? RECOMMENDED_BECAUSE : "其他考生更合适"));
    }

    /** Reply within a week, start in two months. */
    OfferTerms terms() {
        return new OfferTerms("语文教师", 5200, today().plusMonths(2), today().plusDays(7));
    }

    /** Recommended by interview {@code "i-" + applicationId}, offered and accepted. */
    void offerAccepted(String candidateId, String applicationId) {
        String interviewId = "i-" + applicationId;
        interviewDecided(interviewId, candidateId, applicationId, InterviewOutcome.RECOMMENDED);
        send(new ExtendOffer(candidateId, applicationId, interviewId, terms()));
        send(new AcceptOffer(candidateId, applicationId));
    }

    /** Offer accepted and the contract signed today. */
    void signed(String candidateId, String applicationId, int contractYears) {
        offerAccepted(candidateId, applicationId);
        send(new SignContract(candidateId, applicationId, contractYears));
    }

    static InterviewSlot slotAt(LocalDateTime officeStart) {
        return new InterviewSlot(officeStart.atZone(OfficeClock.SHANGHAI).toInstant(),
                officeStart.plusHours(1).atZone(OfficeClock.SHANGHAI).toInstant());
    }
}
