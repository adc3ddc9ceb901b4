package cn.talentportal.portal.benchmark;

import cn.talentportal.domain.candidate.CandidateCommands.AcceptOffer;
import cn.talentportal.domain.candidate.CandidateCommands.ApplyToOpening;
import cn.talentportal.domain.candidate.CandidateCommands.ExtendOffer;
import cn.talentportal.domain.candidate.CandidateCommands.PlaceCandidate;
import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateCommands.ScreenApplication;
import cn.talentportal.domain.candidate.CandidateCommands.SignContract;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.OfferTerms;
import cn.talentportal.domain.candidate.PlacementCommandHandler;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.candidate.ScreeningDecision;
import cn.talentportal.domain.drive.DriveCommands.PlanDrive;
import cn.talentportal.domain.drive.DriveCommands.SignUpForDrive;
import cn.talentportal.domain.drive.DriveKind;
import cn.talentportal.domain.employer.EmployerCommands.CreateEmployerUnit;
import cn.talentportal.domain.employer.EmployerType;
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
import cn.talentportal.domain.retention.AllowancePolicyCommands.PublishAllowancePolicy;
import cn.talentportal.domain.retention.AllowanceType;
import cn.talentportal.domain.retention.RetentionCommands.AssignServiceSpecialist;
import cn.talentportal.domain.retention.RetentionCommands.GrantAllowance;
import cn.talentportal.domain.retention.RetentionCommands.RecordFollowUpVisit;
import cn.talentportal.domain.retention.RetentionCommands.RefuseRetentionService;
import cn.talentportal.domain.retention.RetentionCommands.RequestRetentionService;
import cn.talentportal.domain.retention.RetentionCommands.ResolveProblem;
import cn.talentportal.domain.retention.ServiceType;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.infra.deadline.MongoDeadlineManager;
import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.projections.dossier.CandidateDossier;
import cn.talentportal.projections.dossier.CandidateReplay;
import cn.talentportal.projections.dossier.CandidateStreamsProjection;
import cn.talentportal.projections.dossier.DossierQueries.FindCandidateAsOf;
import cn.talentportal.projections.dossier.ReplayedEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's benchmark: as-of reconstruction of one candidate whose story has about 500 stored events across its
 * aggregates (applications to {@value #APPLICATIONS} openings, as many interviews with reminders and two scorecards
 * each, an offer, signing and placement, then retention services granted and refused and follow-up visits), on the
 * real portal and the embedded store. {@code benchmark.asOfQueries} reconstructions at random instants through the
 * query gateway, after a warm-up (streams read concurrently and kept, as an auditor moving between instants meets
 * them; every instant lies within the last minute of the story, so each stream's tail is read again), then
 * {@code benchmark.asOfColdQueries} cold ones (every stream read whole and deserialized, nothing kept), then, once the
 * story is over a minute old, settled ones (kept streams need no read); prints p50/p95/p99 of each. Goal: p95 ≤
 * 50 ms.
 */
@Tag("benchmark")
class CandidateAsOfBenchmark extends PortalTestBase {

    static final int APPLICATIONS = 25;
    static final int ALLOWANCES = 24;
    static final int REFUSALS = 15;
    static final int VISITS = 80;
    static final int QUERIES = Integer.getInteger("benchmark.asOfQueries", 1_000);
    static final int COLD_QUERIES = Integer.getInteger("benchmark.asOfColdQueries", 200);
    static final int WARM_UP = 200;
    static final List<Criterion> RUBRIC = List.of(new Criterion("subject", "学科知识", 4, 10),
            new Criterion("teaching", "试讲表现", 4, 10), new Criterion("fit", "扎根基层意愿", 2, 10));

    @Autowired Commands commands;
    @Autowired TestClock clock;
    @Autowired MongoDeadlineManager deadlines;
    @Autowired QueryGateway queries;
    @Autowired EventStore eventStore;
    @Autowired CandidateStreamsProjection candidateStreams;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void as_of_reconstructions_of_a_candidate_with_500_events() throws InterruptedException {
        String candidateId = candidateWithAbout500Events();
        Instant registered = asOf(candidateId, Instant.now()).events().get(0).timestamp();
        Instant end = Instant.now();
        CandidateDossier whole = asOf(candidateId, end);

        SplittableRandom random = new SplittableRandom(5);
        long span = Duration.between(registered, end).toMillis();
        for (int i = 0; i < WARM_UP; i++) {
            asOf(candidateId, registered.plusMillis(random.nextLong(span + 1)));
        }
        long[] nanos = new long[QUERIES];
        long eventsUsed = 0;
        for (int i = 0; i < QUERIES; i++) {
            Instant instant = registered.plusMillis(random.nextLong(span + 1));
            long start = System.nanoTime();
            CandidateDossier dossier = asOf(candidateId, instant);
            nanos[i] = System.nanoTime() - start;
            eventsUsed += dossier.events().size();
        }
        // cold: every stream read and deserialized whole, nothing kept, as on a first look at a candidate; four
        // streams at a time as the query handler reads them
        long[] coldNanos = new long[COLD_QUERIES];
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < COLD_QUERIES; i++) {
                Instant instant = i % 2 == 0 ? end : registered.plusMillis(random.nextLong(span + 1));
                long start = System.nanoTime();
                CandidateDossier dossier = CandidateReplay.asOf(candidateId, instant,
                        candidateStreams.linkedTo(candidateId), uncached(readers));
                coldNanos[i] = System.nanoTime() - start;
                assertThat(dossier.registered()).isTrue();
            }
        } finally {
            readers.shutdownNow();
        }
        // settled: the story is over a minute old, as any auditor's instant of the past is; kept streams need no read
        Thread.sleep(Duration.ofSeconds(65));
        long[] settledNanos = new long[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            Instant instant = registered.plusMillis(random.nextLong(span + 1));
            long start = System.nanoTime();
            asOf(candidateId, instant);
            settledNanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        Arrays.sort(coldNanos);
        Arrays.sort(settledNanos);
        long streams = whole.events().stream().map(e -> e.aggregateId()).distinct().count();
        System.out.printf("%n=== As-of reconstruction of one candidate (%d events in %d streams, %d sections) ===%n",
                whole.events().size(), streams, whole.sections().size());
        System.out.printf("%-58s %,10d%n", "query gateway, random instants (after a warm-up of " + WARM_UP + ")",
                QUERIES);
        System.out.printf("%-58s %,10.0f%n", "  events replayed per reconstruction (mean)",
                (double) eventsUsed / QUERIES);
        print("  ", nanos);
        System.out.printf("%-58s %,10d%n", "cold: streams read whole, nothing kept (half at the end)",
                COLD_QUERIES);
        print("  ", coldNanos);
        System.out.printf("%-58s %,10d%n", "settled: random instants over a minute old, streams kept", QUERIES);
        print("  ", settledNanos);
        System.out.println();
        assertThat(whole.events().size()).isGreaterThanOrEqualTo(500);
    }

    private static void print(String indent, long[] sorted) {
        System.out.printf("%-58s %10.1f ms%n", indent + "p50", percentile(sorted, 50));
        System.out.printf("%-58s %10.1f ms%n", indent + "p95", percentile(sorted, 95));
        System.out.printf("%-58s %10.1f ms%n", indent + "p99", percentile(sorted, 99));
        System.out.printf("%-58s %10.1f ms%n", indent + "max", sorted[sorted.length - 1] / 1e6);
    }

    private CandidateReplay.EventStreams uncached(ExecutorService readers) {
        return new CandidateReplay.EventStreams() {
            @Override
            public List<ReplayedEvent> read(String aggregateId) {
                return eventStore.readEvents(aggregateId, 0).asStream()
                        .map(e -> new ReplayedEvent(e.getAggregateIdentifier(), e.getSequenceNumber(),
                                e.getTimestamp(), e.getPayload()))
                        .toList();
            }

            @Override
            public Map<String, List<ReplayedEvent>> readAll(Collection<String> aggregateIds) {
                Map<String, CompletableFuture<List<ReplayedEvent>>> reading = new LinkedHashMap<>();
                aggregateIds.forEach(id -> reading.put(id, CompletableFuture.supplyAsync(() -> read(id), readers)));
                Map<String, List<ReplayedEvent>> streams = new LinkedHashMap<>();
                reading.forEach((id, stream) -> streams.put(id, stream.join()));
                return streams;
            }
        };
    }

    private String candidateWithAbout500Events() {
        String unitId = UUID.randomUUID().toString();
        commands.sendAsSystem(new CreateEmployerUnit(unitId, "县实验中学", EmployerType.SCHOOL, "城关镇", Sector.EDUCATION));
        String rubricId = UUID.randomUUID().toString();
        commands.sendAsSystem(new DefineRubric(rubricId, "教师岗位面试评分表", RUBRIC));
        String candidateId = UUID.randomUUID().toString();
        commands.sendAsSystem(new RegisterCandidate(candidateId, "基准王芳", new PhoneNumber("13700000001"),
                new EmailAddress("asof-bench@example.cn"), null,
                new CandidateProfile(Education.MASTER, "西南大学", "数学", 2026, "城关镇", "重庆", "普通话二甲"),
                new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
        for (int d = 0; d < 2; d++) {
            String driveId = UUID.randomUUID().toString();
            Instant starts = clock.instant().plus(Duration.ofDays(1 + d)).truncatedTo(ChronoUnit.HOURS);
            commands.sendAsSystem(new PlanDrive(driveId, DriveKind.ONLINE_JOB_FAIR, "网络招聘会" + d, null,
                    "https://fair.example.cn/" + d, starts, starts.plus(Duration.ofHours(2)), "县人才办"));
            commands.sendAsSystem(new SignUpForDrive(driveId, candidateId, "基准王芳"));
        }

        List<String> applications = new ArrayList<>();
        List<String> interviews = new ArrayList<>();
        List<InterviewSlot> slots = new ArrayList<>();
        Instant firstSlot = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        List<PanelMember> panel = List.of(new PanelMember("bench-panel-1", "周校长"),
                new PanelMember("bench-panel-2", "吴主任"));
        for (int i = 0; i < APPLICATIONS; i++) {
            String openingId = UUID.randomUUID().toString();
            commands.sendAsSystem(new DraftOpening(openingId, unitId, "县实验中学", new OpeningDetails("数学教师" + i,
                    "承担初中数学教学", Sector.EDUCATION, "城关镇", Education.BACHELOR, "数学", 5000, 6500, 2,
                    Set.of(TalentCategory.GRADUATE), LocalDate.now(clock).plusMonths(2))));
            commands.sendAsSystem(new PublishOpening(openingId));
            String applicationId = UUID.randomUUID().toString();
            commands.sendAsSystem(new ApplyToOpening(candidateId, applicationId, openingId));
            commands.sendAsSystem(new ScreenApplication(candidateId, applicationId, ScreeningDecision.IN, "专业对口"));
            String interviewId = UUID.randomUUID().toString();
            Instant start = firstSlot.plus(Duration.ofHours(i));
            InterviewSlot slot = new InterviewSlot(start, start.plus(Duration.ofMinutes(45)));
            commands.sendAsSystem(new ScheduleInterview(interviewId, applicationId, candidateId, panel, slot,
                    rubricId));
            applications.add(applicationId);
            interviews.add(interviewId);
            slots.add(slot);
        }
        // past every slot: the reminders fire, the interviews are held, scored and decided
        clock.advance(Duration.between(clock.instant(), slots.getLast().end().plus(Duration.ofHours(1))));
        deadlines.pollNow();
        for (int i = 0; i < APPLICATIONS; i++) {
            String interviewId = interviews.get(i);
            commands.sendAsSystem(new RecordInterviewHeld(interviewId, slots.get(i).start(), slots.get(i).end()));
            for (PanelMember member : panel) {
                commands.sendAsSystem(new SubmitScorecard(interviewId, member.userId(),
                        Map.of("subject", 6 + i % 5, "teaching", 7, "fit", 9), "表达清晰"));
            }
            commands.sendAsSystem(new DecideInterviewOutcome(interviewId,
                    i == 0 ? InterviewOutcome.RECOMMENDED : InterviewOutcome.NOT_RECOMMENDED, "综合评分"));
        }
        LocalDate today = LocalDate.now(clock);
        commands.sendAsSystem(new ExtendOffer(candidateId, applications.get(0), interviews.get(0),
                new OfferTerms("初中数学教师", 5800, today.plusDays(30), today.plusDays(7))));
        commands.sendAsSystem(new AcceptOffer(candidateId, applications.get(0)));
        commands.sendAsSystem(new SignContract(candidateId, applications.get(0), 3));
        LocalDate startDate = today.plusDays(30);
        commands.sendAsSystem(new PlaceCandidate(candidateId, applications.get(0), "初一数学教师", startDate));

        String caseId = PlacementCommandHandler.retentionCaseIdOf(applications.get(0));
        String policyId = UUID.randomUUID().toString();
        commands.sendAsSystem(new PublishAllowancePolicy(policyId, "县引进人才生活补贴办法", today.minusYears(1),
                Map.of(AllowanceType.LIVING, 1500, AllowanceType.HOUSING, 800)));
        commands.sendAsSystem(new AssignServiceSpecialist(caseId, "bench-specialist", "陈专员"));
        YearMonth firstMonth = YearMonth.from(startDate);
        for (int i = 0; i < ALLOWANCES; i++) {
            String requestId = UUID.randomUUID().toString();
            commands.sendAsSystem(new RequestRetentionService(caseId, requestId, ServiceType.ALLOWANCE, "生活补贴"));
            commands.sendAsSystem(new GrantAllowance(caseId, requestId, policyId, AllowanceType.LIVING, 1200,
                    firstMonth.plusMonths(i), firstMonth.plusMonths(i)));
        }
        for (int i = 0; i < REFUSALS; i++) {
            String requestId = UUID.randomUUID().toString();
            commands.sendAsSystem(new RequestRetentionService(caseId, requestId, ServiceType.SCHOOL_PLACE, "子女入学"));
            commands.sendAsSystem(new RefuseRetentionService(caseId, requestId, "学位已满"));
        }
        clock.advance(Duration.ofDays(60));
        for (int i = 0; i < VISITS; i++) {
            String visitId = UUID.randomUUID().toString();
            commands.sendAsSystem(new RecordFollowUpVisit(caseId, visitId, "bench-specialist", "陈专员",
                    LocalDate.now(clock), "第" + (i + 1) + "次走访", List.of("通勤不便")));
            if (i % 2 == 0) {
                commands.sendAsSystem(new ResolveProblem(caseId, visitId, "通勤不便", "已协调班车"));
            }
        }
        return candidateId;
    }

    private CandidateDossier asOf(String candidateId, Instant instant) {
        return queries.query(new FindCandidateAsOf(candidateId, instant), CandidateDossier.class).join();
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
