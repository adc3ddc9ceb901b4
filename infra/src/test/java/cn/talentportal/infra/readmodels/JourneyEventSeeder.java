package cn.talentportal.infra.readmodels;

import cn.talentportal.domain.candidate.CandidateEvents.ApplicationScreenedIn;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationScreenedOut;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationSubmitted;
import cn.talentportal.domain.candidate.CandidateEvents.CandidatePlaced;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateEvents.ContractSigned;
import cn.talentportal.domain.candidate.CandidateEvents.OfferAccepted;
import cn.talentportal.domain.candidate.CandidateEvents.OfferExtended;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.OfferTerms;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.drive.DriveEvents.CandidateRegisteredForDrive;
import cn.talentportal.domain.drive.DriveEvents.DrivePlanned;
import cn.talentportal.domain.drive.DriveEvents.OpeningFeatured;
import cn.talentportal.domain.drive.DriveKind;
import cn.talentportal.domain.employer.EmployerEvents.EmployerUnitCreated;
import cn.talentportal.domain.employer.EmployerEvents.RecruiterAssigned;
import cn.talentportal.domain.employer.EmployerType;
import cn.talentportal.domain.interview.CalendarEvents.InterviewSlotBooked;
import cn.talentportal.domain.interview.Criterion;
import cn.talentportal.domain.interview.InterviewEvents.InterviewHeld;
import cn.talentportal.domain.interview.InterviewEvents.InterviewOutcomeDecided;
import cn.talentportal.domain.interview.InterviewEvents.InterviewScheduled;
import cn.talentportal.domain.interview.InterviewEvents.ScorecardSubmitted;
import cn.talentportal.domain.interview.InterviewOutcome;
import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.domain.interview.PanelMember;
import cn.talentportal.domain.interview.Scorecard;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.OpeningEvents.OpeningDrafted;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPublished;
import cn.talentportal.domain.opening.OpeningEvents.OpeningSeatTaken;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.retention.AllowanceType;
import cn.talentportal.domain.retention.RetentionEvents.AllowanceGranted;
import cn.talentportal.domain.retention.RetentionEvents.FollowUpVisitRecorded;
import cn.talentportal.domain.retention.RetentionEvents.RetentionCaseOpened;
import cn.talentportal.domain.retention.RetentionEvents.RetentionMilestoneReached;
import cn.talentportal.domain.retention.RetentionEvents.RetentionServiceRequested;
import cn.talentportal.domain.retention.RetentionEvents.ServiceSpecialistAssigned;
import cn.talentportal.domain.retention.ServiceType;
import cn.talentportal.domain.shared.AuditMetaData;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.infra.eventstore.MongoLookupEventStorageEngine;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;

/**
 * Realistic journey events appended through the storage engine directly (no command handling): employer units with
 * recruiters, published openings, campus drives featuring them, then candidates one after another, each registered
 * (through a drive, the returnee register or by themselves), applying, screened, interviewed by a panel of two
 * (calendar bookings included), and for the recommended ones offered, signed, placed and followed by the retention
 * office to the first-year milestone. About 13 events per candidate, with the audit metadata commands carry.
 */
public final class JourneyEventSeeder {

    private static final Sector[] SECTORS = Sector.values();
    private static final List<Criterion> RUBRIC = List.of(new Criterion("subject", "专业知识", 6, 10),
            new Criterion("fit", "扎根基层意愿", 4, 10));
    private static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

    private final MongoLookupEventStorageEngine engine;
    private final Random random = new Random(2026);
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<EventMessage<?>> pending = new ArrayList<>();
    private final List<String[]> openings = new ArrayList<>(); // id, title, unitId, unitName, sector
    private final List<String[]> drives = new ArrayList<>(); // id, title
    private long appended;
    private Instant now = EPOCH;
    /** Counts of what was seeded, for the checks after a rebuild. */
    long candidates;
    long applications;
    long placements;

    public JourneyEventSeeder(MongoLookupEventStorageEngine engine) {
        this.engine = engine;
    }

    /** Appends at least {@code size} events, 10,000 per commit as in the event store benchmark. */
    public long seed(int size) {
        int units = Math.max(5, size / 20_000);
        for (int u = 0; u < units; u++) {
            String unitId = "unit-" + u;
            String unitName = "县第" + u + "用人单位";
            Sector sector = SECTORS[u % SECTORS.length];
            add("EmployerUnit", unitId, new EmployerUnitCreated(unitId, unitName, EmployerType.values()[u
                    % EmployerType.values().length], "城关镇", sector));
            add("EmployerUnit", unitId, new RecruiterAssigned(unitId, unitName, "rec-" + u + "-a", "招聘专员甲"));
            add("EmployerUnit", unitId, new RecruiterAssigned(unitId, unitName, "rec-" + u + "-b", "招聘专员乙"));
            for (int o = 0; o < 10; o++) {
                String openingId = "opening-" + u + "-" + o;
                String title = sector + "岗位" + o;
                OpeningDetails details = new OpeningDetails(title, "负责" + title + "相关工作，服务基层", sector, "城关镇",
                        Education.BACHELOR, null, 4500, 7000, 1000, Set.of(TalentCategory.URGENTLY_NEEDED),
                        LocalDate.of(2030, 12, 31));
                add("Opening", openingId, new OpeningDrafted(openingId, unitId, unitName, details));
                add("Opening", openingId, new OpeningPublished(openingId, unitId, unitName, details));
                openings.add(new String[]{openingId, title, unitId, unitName, sector.name()});
            }
        }
        for (int d = 0; d < Math.max(3, units / 2); d++) {
            String driveId = "drive-" + d;
            String title = "第" + d + "届校园招聘会";
            add("RecruitmentDrive", driveId, new DrivePlanned(driveId, DriveKind.CAMPUS_RECRUITMENT, title, "西南大学",
                    "就业中心", now, now.plus(Duration.ofHours(4)), "县人才办"));
            for (int f = 0; f < 3; f++) {
                String[] opening = openings.get(random.nextInt(openings.size()));
                add("RecruitmentDrive", driveId, new OpeningFeatured(driveId, title, opening[0], opening[1],
                        opening[3]));
            }
            drives.add(new String[]{driveId, title});
        }
        while (appended + pending.size() < size) {
            journey();
        }
        flush();
        return appended;
    }

    private void journey() {
        candidates++;
        String candidateId = UUID.randomUUID().toString();
        String name = "候选人" + candidates;
        int channel = random.nextInt(10);
        String[] drive = drives.get(random.nextInt(drives.size()));
        RegistrationChannel registration = channel < 4
                ? new RegistrationChannel(CandidateSource.CAMPUS_DRIVE, drive[0], drive[1])
                : channel < 5 ? new RegistrationChannel(CandidateSource.RETURNEE_REGISTER, "entry-" + candidates, null)
                : new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null);
        tick();
        add("Candidate", candidateId, new CandidateRegistered(candidateId, name,
                new PhoneNumber("139" + String.format("%08d", candidates % 100_000_000)),
                new EmailAddress("c" + candidates + "@example.cn"), null,
                new CandidateProfile(Education.BACHELOR, "西南大学", "汉语言文学", 2020 + random.nextInt(7), "城关镇", "重庆",
                        "普通话二甲"), registration, RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
        if (channel < 4) {
            add("RecruitmentDrive", drive[0], new CandidateRegisteredForDrive(drive[0], drive[1],
                    DriveKind.CAMPUS_RECRUITMENT, candidateId, name));
        }
        String[] opening = openings.get(random.nextInt(openings.size()));
        String applicationId = UUID.randomUUID().toString();
        applications++;
        tick();
        add("Candidate", candidateId, new ApplicationSubmitted(candidateId, applicationId, name, opening[0],
                opening[1], opening[2], opening[3]));
        if (random.nextInt(10) < 3) {
            add("Candidate", candidateId, new ApplicationScreenedOut(candidateId, name, applicationId, opening[0],
                    opening[1], opening[2], opening[3], "专业不符"));
            return;
        }
        add("Candidate", candidateId, new ApplicationScreenedIn(candidateId, name, applicationId, opening[0],
                opening[1], opening[2], opening[3], "专业对口"));
        String interviewId = UUID.randomUUID().toString();
        String unit = opening[2].substring("unit-".length());
        List<PanelMember> panel = List.of(new PanelMember("rec-" + unit + "-a", "招聘专员甲"),
                new PanelMember("rec-" + unit + "-b", "招聘专员乙"));
        InterviewSlot slot = new InterviewSlot(now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(2))
                .plus(Duration.ofMinutes(45)));
        add("Interview", interviewId, new InterviewScheduled(interviewId, applicationId, candidateId, name,
                opening[0], opening[1], panel, slot, "rubric-1", "面试评分表", 1, RUBRIC));
        for (PanelMember member : panel) {
            add("ParticipantCalendar", "calendar:" + member.userId(), new InterviewSlotBooked(member.userId(),
                    member.name(), interviewId, candidateId, slot));
        }
        tick();
        add("Interview", interviewId, new InterviewHeld(interviewId, candidateId, slot.start(), slot.end()));
        List<Scorecard> scorecards = new ArrayList<>();
        for (PanelMember member : panel) {
            Map<String, Integer> scores = Map.of("subject", 6 + random.nextInt(5), "fit", 6 + random.nextInt(5));
            BigDecimal weighted = BigDecimal.valueOf(60 + random.nextInt(40));
            scorecards.add(new Scorecard(member.userId(), member.name(), scores, weighted, "表达清晰"));
            add("Interview", interviewId, new ScorecardSubmitted(interviewId, candidateId, applicationId,
                    member.userId(), member.name(), "rubric-1", 1, scores, weighted, "表达清晰"));
        }
        boolean recommended = random.nextInt(10) < 6;
        add("Interview", interviewId, new InterviewOutcomeDecided(interviewId, candidateId, applicationId,
                recommended ? InterviewOutcome.RECOMMENDED : InterviewOutcome.NOT_RECOMMENDED,
                new BigDecimal("78.50"), scorecards, recommended ? "一致推荐" : "未达要求"));
        if (!recommended) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        LocalDate start = today.plusDays(30);
        tick();
        add("Candidate", candidateId, new OfferExtended(candidateId, name, applicationId, opening[0], opening[1],
                opening[3], interviewId, new OfferTerms(opening[1], 5800, start, today.plusDays(7)), "一致推荐"));
        add("Candidate", candidateId, new OfferAccepted(candidateId, name, applicationId, opening[0], opening[1],
                opening[3], opening[1]));
        Sector sector = Sector.valueOf(opening[4]);
        add("Candidate", candidateId, new ContractSigned(candidateId, name, applicationId, opening[0], opening[1],
                opening[2], opening[3], sector, "城关镇", opening[1], 5800, today, 3));
        add("Opening", opening[0], new OpeningSeatTaken(opening[0], opening[1], applicationId, candidateId, name,
                1, 1000));
        add("Candidate", candidateId, new CandidatePlaced(candidateId, name, applicationId, opening[0], opening[1],
                opening[2], opening[3], sector, "城关镇", opening[1], start, today));
        placements++;
        String caseId = "retention:" + applicationId;
        add("RetentionCase", caseId, new RetentionCaseOpened(caseId, candidateId, name, opening[2], opening[3],
                opening[1], sector, "城关镇", start, today));
        add("RetentionCase", caseId, new ServiceSpecialistAssigned(caseId, candidateId, name,
                "specialist-" + random.nextInt(20), "服务专员", null, null));
        String requestId = UUID.randomUUID().toString();
        add("RetentionCase", caseId, new RetentionServiceRequested(caseId, candidateId, name, requestId,
                ServiceType.ALLOWANCE, "申请生活补贴"));
        add("RetentionCase", caseId, new AllowanceGranted(caseId, candidateId, name, requestId, AllowanceType.LIVING,
                1200, YearMonth.from(start), YearMonth.from(start).plusMonths(23), "policy-1", "生活补贴办法", 1,
                1500));
        add("RetentionCase", caseId, new FollowUpVisitRecorded(caseId, candidateId, name, UUID.randomUUID().toString(),
                "specialist-1", "服务专员", start.plusMonths(2), "适应良好", List.of("子女入学咨询")));
        add("RetentionCase", caseId, new RetentionMilestoneReached(caseId, candidateId, name, 1, opening[3],
                start.plusYears(1)));
    }

    private void tick() {
        now = now.plusSeconds(1 + random.nextInt(30));
    }

    private void add(String type, String aggregateId, Object payload) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        MetaData metaData = MetaData.with(AuditMetaData.USER_ID, "user-" + random.nextInt(1000))
                .and(AuditMetaData.ROLE, "RECRUITER")
                .and(AuditMetaData.CORRELATION_ID, UUID.randomUUID().toString());
        pending.add(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, metaData,
                UUID.randomUUID().toString(), now));
        if (pending.size() == 10_000) {
            flush();
        }
    }

    private void flush() {
        if (!pending.isEmpty()) {
            engine.appendEvents(pending);
            appended += pending.size();
            pending.clear();
        }
    }
}
