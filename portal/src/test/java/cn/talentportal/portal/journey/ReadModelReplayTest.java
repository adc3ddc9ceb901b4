package cn.talentportal.portal.journey;

import cn.talentportal.domain.candidate.CandidateCommands.PlaceCandidate;
import cn.talentportal.domain.candidate.CandidateCommands.ScreenApplication;
import cn.talentportal.domain.candidate.CandidateCommands.SignContract;
import cn.talentportal.domain.candidate.PlacementCommandHandler;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.candidate.ScreeningDecision;
import cn.talentportal.domain.drive.DriveCommands.FeatureOpening;
import cn.talentportal.domain.drive.DriveCommands.MarkDriveHeld;
import cn.talentportal.domain.drive.DriveCommands.PlanDrive;
import cn.talentportal.domain.drive.DriveCommands.RecordAttendance;
import cn.talentportal.domain.drive.DriveCommands.RegisterAtDrive;
import cn.talentportal.domain.drive.DriveKind;
import cn.talentportal.domain.interview.InterviewCommands.CancelInterview;
import cn.talentportal.domain.interview.InterviewCommands.RescheduleInterview;
import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.domain.outreach.OutreachChannel;
import cn.talentportal.domain.outreach.OutreachCommands.LaunchCampaign;
import cn.talentportal.domain.outreach.OutreachCommands.RecordOutreachContact;
import cn.talentportal.domain.outreach.OutreachResponse;
import cn.talentportal.domain.outreach.ReturneeRegisterCommands.AddToReturneeRegister;
import cn.talentportal.domain.privacy.PersonalDataCategory;
import cn.talentportal.domain.privacy.ErasureCommands.RequestErasure;
import cn.talentportal.domain.privacy.PrivacyCommands.RecordPersonalDataAccess;
import cn.talentportal.domain.retention.AllowancePolicyCommands.PublishAllowancePolicy;
import cn.talentportal.domain.retention.AllowanceType;
import cn.talentportal.domain.retention.RetentionCommands.AllocateApartment;
import cn.talentportal.domain.retention.RetentionCommands.AssignServiceSpecialist;
import cn.talentportal.domain.retention.RetentionCommands.GrantAllowance;
import cn.talentportal.domain.retention.RetentionCommands.RecordFollowUpVisit;
import cn.talentportal.domain.retention.RetentionCommands.RequestRetentionService;
import cn.talentportal.domain.retention.ServiceType;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.infra.deadline.MongoDeadlineManager;
import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.journey.JourneySteps.Graduate;
import cn.talentportal.portal.journey.JourneySteps.Unit;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.projections.application.ApplicationProjection;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsForEmployer;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsOfCandidate;
import cn.talentportal.projections.application.ApplicationQueries.FindOpeningPipeline;
import cn.talentportal.projections.application.ApplicationStatus;
import cn.talentportal.projections.application.ApplicationView;
import cn.talentportal.projections.application.CandidateStage;
import cn.talentportal.projections.application.OpeningPipeline;
import cn.talentportal.projections.dossier.CandidateStreamsProjection;
import cn.talentportal.projections.drive.DriveConversion;
import cn.talentportal.projections.drive.DriveConversionProjection;
import cn.talentportal.projections.drive.DriveQueries.FindDriveConversion;
import cn.talentportal.projections.drive.DriveRegistrationsProjection;
import cn.talentportal.projections.interview.CalendarEntry;
import cn.talentportal.projections.interview.InterviewProjection;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewCalendar;
import cn.talentportal.projections.interview.RubricProjection;
import cn.talentportal.projections.outreach.OutreachProjection;
import cn.talentportal.projections.privacy.ErasureRequestsProjection;
import cn.talentportal.projections.privacy.PersonalDataAccessProjection;
import cn.talentportal.projections.retention.AllowancePoliciesProjection;
import cn.talentportal.projections.retention.CaseloadEntry;
import cn.talentportal.projections.retention.RetentionCaseloadProjection;
import cn.talentportal.projections.retention.RetentionQueries.FindCaseload;
import cn.talentportal.projections.retention.RetentionServicesProjection;
import cn.talentportal.projections.statistics.JourneyFunnelProjection;
import cn.talentportal.projections.statistics.OfficeStatistics;
import cn.talentportal.projections.statistics.OfficeStatisticsProjection;
import cn.talentportal.projections.statistics.StatisticsQueries.FindOfficeStatistics;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static cn.talentportal.portal.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models after a journey on the real portal, then each one rebuilt from the store by its processor (tokens
 * reset while the portal runs; the projection's reset handler empties its collections) and compared with the state
 * before, document by document.
 */
class ReadModelReplayTest extends PortalTestBase {

    /** Each MongoDB read model's processing group and the collections it writes (and its reset handler empties). */
    static final Map<String, List<String>> READ_MODELS = new LinkedHashMap<>();

    static {
        READ_MODELS.put("application-journeys", List.of(ApplicationProjection.COLLECTION));
        READ_MODELS.put("interviews", List.of(InterviewProjection.COLLECTION));
        READ_MODELS.put("rubrics", List.of(RubricProjection.COLLECTION));
        READ_MODELS.put("retention-caseload", List.of(RetentionCaseloadProjection.COLLECTION));
        READ_MODELS.put("drive-conversion", List.of(DriveConversionProjection.DRIVES,
                DriveConversionProjection.CANDIDATES));
        READ_MODELS.put("office-statistics", List.of(OfficeStatisticsProjection.CANDIDATES,
                OfficeStatisticsProjection.PLACEMENTS, OfficeStatisticsProjection.CONVERSIONS,
                OfficeStatisticsProjection.ALLOWANCES, OfficeStatisticsProjection.APARTMENTS));
        READ_MODELS.put("openings", List.of("openings"));
        READ_MODELS.put("employers", List.of("employer_units"));
        READ_MODELS.put("candidates", List.of("candidates"));
        READ_MODELS.put("candidate-streams", List.of(CandidateStreamsProjection.COLLECTION));
        READ_MODELS.put("personal-data-access", List.of(PersonalDataAccessProjection.COLLECTION));
        READ_MODELS.put("outreach", List.of(OutreachProjection.ENTRIES, OutreachProjection.CAMPAIGNS));
        READ_MODELS.put("journey-funnel", List.of(JourneyFunnelProjection.JOURNEYS, JourneyFunnelProjection.COHORTS));
        READ_MODELS.put("retention-services", List.of(RetentionServicesProjection.REQUESTS,
                RetentionServicesProjection.VISITS));
        READ_MODELS.put("allowance-policies", List.of(AllowancePoliciesProjection.COLLECTION));
        READ_MODELS.put("drive-registrations", List.of(DriveRegistrationsProjection.DRIVES,
                DriveRegistrationsProjection.REGISTRATIONS, DriveRegistrationsProjection.RECRUITERS));
        READ_MODELS.put("erasure-requests", List.of(ErasureRequestsProjection.COLLECTION));
    }

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;
    @Autowired MongoDeadlineManager deadlines;
    @Autowired QueryGateway queries;
    @Autowired EventStore eventStore;
    @Autowired EventProcessingConfiguration processing;
    @Autowired MongoDatabase database;

    @AfterEach
    void backToNow() {
        clock.reset();
        actAsNobody();
    }

    @Test
    void every_read_model_rebuilt_from_the_store_equals_the_one_kept_live_document_by_document() {
        Journey journey = runJourney();
        checkReadModels(journey);

        for (Map.Entry<String, List<String>> readModel : READ_MODELS.entrySet()) {
            // the portal is shared with other test classes whose background work (deadlines, retries) may append
            // events meanwhile: a comparison counts only when the store did not move while it was made
            for (int attempt = 1; ; attempt++) {
                long head = awaitCaughtUp(processor(readModel.getKey()));
                Map<String, List<Document>> before = snapshot(readModel.getValue());
                assertThat(before.values().stream().mapToInt(List::size).sum()).as(readModel.getKey())
                        .isPositive();

                StreamingEventProcessor processor = processor(readModel.getKey());
                processor.shutDown();
                processor.resetTokens(); // the projection's @ResetHandler empties its collections
                readModel.getValue().forEach(collection -> assertThat(database.getCollection(collection)
                        .countDocuments()).as("%s emptied by the reset", collection).isZero());
                processor.start();
                awaitCaughtUp(processor);

                Map<String, List<Document>> after = snapshot(readModel.getValue());
                if (head(eventStore) != head && attempt < 5) {
                    continue;
                }
                for (String collection : readModel.getValue()) {
                    assertThat(after.get(collection)).as("%s rebuilt", collection)
                            .hasSameSizeAs(before.get(collection));
                    for (int i = 0; i < before.get(collection).size(); i++) {
                        assertThat(after.get(collection).get(i)).as("%s document %s", collection,
                                before.get(collection).get(i).get("_id")).isEqualTo(before.get(collection).get(i));
                    }
                }
                break;
            }
        }
        // and the queries answer as before
        checkReadModels(journey);
    }

    record Journey(Unit school, String openingId, String driveId, Graduate wang, String wangApplication,
                   String screenedOutApplication, String cancelledInterview, String caseId, UserAccount specialist,
                   int startYear) {
    }

    /** A drive graduate from registration to the first-year milestone, one screened out, one interview called off. */
    private Journey runJourney() {
        JourneySteps steps = new JourneySteps(commands, accounts, clock);
        Unit school = steps.schoolWithRecruiters("县第二中学");
        String rubricId = steps.defineRubric(school.admin());
        String openingId = steps.publishOpening(school, "高中物理教师", 2);

        actAs(school.recruiter());
        String driveId = UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        commands.send(new PlanDrive(driveId, DriveKind.CAMPUS_RECRUITMENT, "重庆大学2027届校园招聘会", "重庆大学",
                "重庆大学就业指导中心", now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(5)), "县人才办"));
        commands.send(new FeatureOpening(driveId, openingId));
        actAsNobody();
        String wangId = UUID.randomUUID().toString();
        commands.send(new RegisterAtDrive(driveId, wangId, "王小雨", JourneySteps.uniquePhone(),
                JourneySteps.uniqueEmail(), null, JourneySteps.profile(),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
        Graduate wang = new Graduate(wangId, "王小雨", steps.account("wang", Role.CANDIDATE, "王小雨", null, wangId));
        String liId = UUID.randomUUID().toString();
        commands.send(new RegisterAtDrive(driveId, liId, "李小龙", JourneySteps.uniquePhone(),
                JourneySteps.uniqueEmail(), null, JourneySteps.profile(),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
        Graduate li = new Graduate(liId, "李小龙", steps.account("li", Role.CANDIDATE, "李小龙", null, liId));
        Graduate zhao = steps.selfRegistered("赵小敏");

        clock.advance(Duration.ofHours(2));
        actAs(school.recruiter());
        commands.send(new RecordAttendance(driveId, wangId));
        commands.send(new MarkDriveHeld(driveId, "到场学生 80 人"));

        String wangApplication = steps.apply(wang, openingId);
        String liApplication = steps.apply(li, openingId);
        String zhaoApplication = steps.apply(zhao, openingId);
        steps.screenIn(school, wang, wangApplication);
        steps.screenIn(school, zhao, zhaoApplication);
        actAs(school.recruiter());
        commands.send(new ScreenApplication(liId, liApplication, ScreeningDecision.OUT, "专业不符"));

        Instant start = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        InterviewSlot slot = new InterviewSlot(start, start.plus(Duration.ofMinutes(45)));
        String interviewId = steps.scheduleInterview(school, wang, wangApplication, rubricId, slot);
        InterviewSlot zhaoSlot = new InterviewSlot(slot.end(), slot.end().plus(Duration.ofMinutes(45)));
        String zhaoInterview = steps.scheduleInterview(school, zhao, zhaoApplication, rubricId, zhaoSlot);
        actAs(school.recruiter());
        InterviewSlot moved = new InterviewSlot(zhaoSlot.start().plus(Duration.ofDays(1)),
                zhaoSlot.end().plus(Duration.ofDays(1)));
        commands.send(new RescheduleInterview(zhaoInterview, moved, "评委出差"));
        commands.send(new CancelInterview(zhaoInterview, "岗位调整"));

        clock.advance(Duration.between(clock.instant(), start.plus(Duration.ofHours(1))));
        steps.holdAndRecommend(school, interviewId, slot);
        steps.offerAccepted(school, wang, wangApplication, interviewId);
        actAs(school.recruiter());
        commands.send(new SignContract(wangId, wangApplication, 3));
        LocalDate startDate = LocalDate.now(clock).plusDays(30);
        commands.send(new PlaceCandidate(wangId, wangApplication, "高一物理教师", startDate));

        String caseId = PlacementCommandHandler.retentionCaseIdOf(wangApplication);
        UserAccount specialist = steps.account("specialist", Role.SPECIALIST, "马专员", null, null);
        actAs(school.admin());
        String policyId = UUID.randomUUID().toString();
        commands.send(new PublishAllowancePolicy(policyId, "县引进人才住房补贴办法", LocalDate.now(clock).minusYears(1),
                Map.of(AllowanceType.HOUSING, 1000)));
        commands.send(new AssignServiceSpecialist(caseId, specialist.userId(), specialist.displayName()));
        actAs(wang.account());
        String allowanceRequest = UUID.randomUUID().toString();
        commands.send(new RequestRetentionService(caseId, allowanceRequest, ServiceType.ALLOWANCE, "申请住房补贴"));
        commands.send(new RequestRetentionService(caseId, UUID.randomUUID().toString(), ServiceType.SCHOOL_PLACE,
                "子女入学"));
        String apartmentRequest = UUID.randomUUID().toString();
        commands.send(new RequestRetentionService(caseId, apartmentRequest, ServiceType.TALENT_APARTMENT, "人才公寓"));
        actAs(specialist); // the specialist in charge of the case answers the requests
        commands.send(new AllocateApartment(caseId, apartmentRequest, "人才公寓5-302", startDate));
        YearMonth firstMonth = YearMonth.from(startDate);
        commands.send(new GrantAllowance(caseId, allowanceRequest, policyId, AllowanceType.HOUSING, 900, firstMonth,
                firstMonth.plusMonths(11)));
        clock.advance(Duration.ofDays(60));
        actAs(specialist);
        commands.send(new RecordFollowUpVisit(caseId, UUID.randomUUID().toString(), specialist.userId(),
                specialist.displayName(), LocalDate.now(clock), "适应良好", List.of("通勤不便")));
        clock.advance(Duration.ofDays(366));
        deadlines.pollNow();
        actAs(school.admin());
        commands.send(new RecordPersonalDataAccess(wangId, "王小雨", PersonalDataCategory.FULL_HISTORY, "年度审计抽查"));
        commands.send(new RequestErasure(wangId, "王小雨", "本人来电要求删除个人信息")); // pending, not approved
        // returnee outreach: a native who works elsewhere, a campaign to the hometown, a contact
        actAs(school.recruiter());
        String entryId = UUID.randomUUID().toString();
        commands.send(new AddToReturneeRegister(entryId, "陈思乡", "城关镇", "成都", "成都某软件公司", "软件开发",
                JourneySteps.uniquePhone(), JourneySteps.uniqueEmail(), true));
        String campaignId = UUID.randomUUID().toString();
        commands.send(new LaunchCampaign(campaignId, "春节返乡人才座谈", OutreachChannel.PHONE, "欢迎回乡发展",
                "城关镇", LocalDate.now(clock).plusMonths(1)));
        commands.send(new RecordOutreachContact(campaignId, entryId, OutreachResponse.INTERESTED, "考虑明年回乡"));
        actAsNobody();
        return new Journey(school, openingId, driveId, wang, wangApplication, liApplication, zhaoInterview, caseId,
                specialist, startDate.getYear());
    }

    private void checkReadModels(Journey journey) {
        List<ApplicationView> mine = eventually(() -> queries.query(
                        new FindApplicationsOfCandidate(journey.wang().candidateId()),
                        ResponseTypes.multipleInstancesOf(ApplicationView.class)).join(),
                list -> list.size() == 1 && list.get(0).stage() == CandidateStage.PLACED, "王小雨 placed");
        assertThat(mine.get(0).recruiterDetail()).isNull();

        List<ApplicationView> received = queries.query(new FindApplicationsForEmployer(journey.school().unitId()),
                ResponseTypes.multipleInstancesOf(ApplicationView.class)).join();
        assertThat(received).extracting(ApplicationView::status).containsExactlyInAnyOrder(ApplicationStatus.PLACED,
                ApplicationStatus.SCREENED_OUT, ApplicationStatus.INTERVIEW_CANCELLED);
        assertThat(received).filteredOn(a -> a.applicationId().equals(journey.wangApplication())).singleElement()
                .satisfies(a -> assertThat(a.recruiterDetail().scorecards()).isEqualTo(2));
        assertThat(received).filteredOn(a -> a.applicationId().equals(journey.screenedOutApplication()))
                .singleElement().satisfies(a -> assertThat(a.recruiterDetail().reason()).isEqualTo("专业不符"));

        OpeningPipeline pipeline = queries.query(new FindOpeningPipeline(journey.openingId()), OpeningPipeline.class)
                .join();
        assertThat(pipeline.count(CandidateStage.PLACED)).isEqualTo(1);
        assertThat(pipeline.count(CandidateStage.IN_REVIEW)).isEqualTo(1);
        assertThat(pipeline.count(CandidateStage.CLOSED)).isEqualTo(1);

        List<CalendarEntry> calendar = queries.query(new FindInterviewCalendar(journey.school().panelist().userId(),
                null), ResponseTypes.multipleInstancesOf(CalendarEntry.class)).join();
        assertThat(calendar).filteredOn(e -> e.interviewId().equals(journey.cancelledInterview())).singleElement()
                .satisfies(e -> {
                    assertThat(e.cancelled()).isTrue();
                    assertThat(e.rescheduled()).isTrue();
                });

        List<CaseloadEntry> caseload = eventually(() -> queries.query(new FindCaseload(journey.specialist().userId()),
                        ResponseTypes.multipleInstancesOf(CaseloadEntry.class)).join(),
                list -> list.size() == 1 && list.get(0).milestonesReached().contains(1), "the caseload's milestone");
        assertThat(caseload.get(0)).satisfies(k -> {
            assertThat(k.openRequests()).extracting(CaseloadEntry.OpenRequest::type)
                    .containsExactly(ServiceType.SCHOOL_PLACE);
            assertThat(k.openProblems()).containsExactly("通勤不便");
            assertThat(k.nextMilestoneYears()).isEqualTo(3);
        });

        DriveConversion conversion = eventually(() -> queries.query(new FindDriveConversion(journey.driveId()),
                        ResponseTypes.optionalInstanceOf(DriveConversion.class)).join(),
                found -> found.map(c -> c.stillInPostAtOneYear() == 1).orElse(false), "the drive's conversion")
                .orElseThrow();
        assertThat(List.of(conversion.registered(), conversion.applied(), conversion.interviewed(), conversion.signed(),
                conversion.stillInPostAtOneYear())).containsExactly(2, 2, 1, 1, 1);

        OfficeStatistics statistics = eventually(() -> queries.query(new FindOfficeStatistics(journey.startYear()),
                OfficeStatistics.class).join(), s -> s.introduced(Sector.EDUCATION, journey.startYear()) >= 1,
                "the office statistics");
        assertThat(statistics.allowancesGranted()).isNotEmpty();
        assertThat(statistics.apartmentsOccupied()).isPositive();
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new AssertionError("no processor " + name));
    }

    /**
     * Until the processor has handled everything stored so far. (After a reset it stays flagged as replaying until an
     * event beyond the reset position arrives, which in a quiet store may never come.)
     */
    /** Waits until the processor has handled every event up to the store's head of now; returns that head. */
    private long awaitCaughtUp(StreamingEventProcessor processor) {
        long head = head(eventStore);
        eventually(() -> processor.processingStatus().values(), segments -> !segments.isEmpty()
                && segments.stream().allMatch(s -> s.isCaughtUp() && !s.isErrorState()
                && s.getCurrentPosition().orElse(-1) >= head), processor.getName() + " caught up to " + head);
        return head;
    }

    private static long head(EventStore eventStore) {
        return eventStore.createHeadToken().position().orElse(0);
    }

    private Map<String, List<Document>> snapshot(List<String> collections) {
        Map<String, List<Document>> state = new LinkedHashMap<>();
        for (String collection : collections) {
            state.put(collection, database.getCollection(collection).find().sort(Sorts.ascending("_id"))
                    .into(new ArrayList<>()));
        }
        return state;
    }
}
