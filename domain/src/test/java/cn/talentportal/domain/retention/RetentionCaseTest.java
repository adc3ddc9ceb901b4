package cn.talentportal.domain.retention;

import cn.talentportal.domain.testing.OfficeClock;
import cn.talentportal.domain.retention.RetentionCase.MilestoneDue;
import cn.talentportal.domain.retention.RetentionCommands.AllocateApartment;
import cn.talentportal.domain.retention.RetentionCommands.AssignServiceSpecialist;
import cn.talentportal.domain.retention.RetentionCommands.GrantSchoolPlace;
import cn.talentportal.domain.retention.RetentionCommands.IssueServiceCard;
import cn.talentportal.domain.retention.RetentionCommands.OpenRetentionCase;
import cn.talentportal.domain.retention.RetentionCommands.RecordDeparture;
import cn.talentportal.domain.retention.RetentionCommands.RecordFollowUpVisit;
import cn.talentportal.domain.retention.RetentionCommands.RecordMoveOut;
import cn.talentportal.domain.retention.RetentionCommands.RecordTitlePromotion;
import cn.talentportal.domain.retention.RetentionCommands.RefuseRetentionService;
import cn.talentportal.domain.retention.RetentionCommands.RequestRetentionService;
import cn.talentportal.domain.retention.RetentionCommands.ResolveProblem;
import cn.talentportal.domain.retention.RetentionEvents.ApartmentAllocated;
import cn.talentportal.domain.retention.RetentionEvents.ApartmentVacated;
import cn.talentportal.domain.retention.RetentionEvents.FollowUpVisitRecorded;
import cn.talentportal.domain.retention.RetentionEvents.ProfessionalTitlePromoted;
import cn.talentportal.domain.retention.RetentionEvents.RetentionCaseOpened;
import cn.talentportal.domain.retention.RetentionEvents.RetentionMilestoneReached;
import cn.talentportal.domain.retention.RetentionEvents.RetentionServiceRefused;
import cn.talentportal.domain.retention.RetentionEvents.RetentionServiceRequested;
import cn.talentportal.domain.retention.RetentionEvents.SchoolPlaceGranted;
import cn.talentportal.domain.retention.RetentionEvents.ServiceCardIssued;
import cn.talentportal.domain.retention.RetentionEvents.ServiceSpecialistAssigned;
import cn.talentportal.domain.retention.RetentionEvents.TalentDeparted;
import cn.talentportal.domain.retention.RetentionEvents.VisitProblemResolved;
import cn.talentportal.domain.shared.ChildName;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Sector;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cn.talentportal.domain.testing.OfficeClock.startOf;
import static org.hamcrest.Matchers.startsWith;

class RetentionCaseTest {

    static final LocalDate SIGNED_ON = LocalDate.of(2027, 2, 10);
    static final LocalDate OPENED_ON = LocalDate.of(2027, 2, 20);
    static final LocalDate START = LocalDate.of(2027, 3, 1);
    static final LocalDate TODAY = LocalDate.of(2027, 9, 15);

    static final OpenRetentionCase OPEN = new OpenRetentionCase("case1", "c1", "李明", "u1", "县林业站", "林业技术员",
            Sector.FORESTRY, "青山镇", START, SIGNED_ON);
    static final RetentionCaseOpened OPENED = new RetentionCaseOpened("case1", "c1", "李明", "u1", "县林业站",
            "林业技术员", Sector.FORESTRY, "青山镇", START, SIGNED_ON);
    static final TalentDeparted DEPARTED = new TalentDeparted("case1", "c1", "李明", "县林业站",
            LocalDate.of(2027, 8, 31), "考取外县公务员", 0);

    private final OfficeClock clock = new OfficeClock(TODAY);
    private AggregateTestFixture<RetentionCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RetentionCase.class);
        fixture.registerInjectableResource(clock);
    }

    // opening and milestones

    @Test
    void a_placement_opens_a_case_with_milestones_at_1_3_and_5_years_from_the_start() {
        clock.setToday(OPENED_ON);
        fixture.givenCurrentTime(startOf(OPENED_ON))
                .when(OPEN)
                .expectEvents(OPENED)
                .expectScheduledDeadline(startOf(LocalDate.of(2028, 3, 1)), new MilestoneDue(1))
                .expectScheduledDeadline(startOf(LocalDate.of(2030, 3, 1)), new MilestoneDue(3))
                .expectScheduledDeadline(startOf(LocalDate.of(2032, 3, 1)), new MilestoneDue(5));
    }

    @Test
    void a_case_names_the_talent_the_employer_and_the_post() {
        fixture.givenNoPriorActivity()
                .when(new OpenRetentionCase("case1", "c1", "李明", "u1", "县林业站", " ", Sector.FORESTRY, "青山镇",
                        START, SIGNED_ON))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [retention.post]")
                .expectNoScheduledDeadlines();
        fixture.givenNoPriorActivity()
                .when(new OpenRetentionCase("case1", "c1", "李明", "u1", "县林业站", "林业技术员", Sector.FORESTRY,
                        "青山镇", null, SIGNED_ON))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [retention.startDate]");
    }

    @Test
    void the_1_year_milestone_is_reached_on_the_first_anniversary_of_the_start() {
        clock.setToday(OPENED_ON);
        fixture.givenCurrentTime(startOf(OPENED_ON))
                .andGivenCommands(OPEN)
                .whenThenTimeAdvancesTo(startOf(LocalDate.of(2028, 3, 1)))
                .expectEvents(new RetentionMilestoneReached("case1", "c1", "李明", 1, "县林业站",
                        LocalDate.of(2028, 3, 1)))
                .expectDeadlinesMet(new MilestoneDue(1));
    }

    @Test
    void no_milestone_is_reached_the_day_before_the_anniversary() {
        clock.setToday(OPENED_ON);
        fixture.givenCurrentTime(startOf(OPENED_ON))
                .andGivenCommands(OPEN)
                .whenThenTimeAdvancesTo(startOf(LocalDate.of(2028, 2, 29)))
                .expectNoEvents()
                .expectDeadlinesMet();
    }

    @Test
    void a_departure_cancels_the_pending_milestones() {
        clock.setToday(OPENED_ON);
        var given = fixture.givenCurrentTime(startOf(OPENED_ON)).andGivenCommands(OPEN);
        clock.setToday(LocalDate.of(2029, 5, 10));
        given.when(new RecordDeparture("case1", LocalDate.of(2029, 5, 10), "随配偶迁往外地"))
                .expectEvents(new TalentDeparted("case1", "c1", "李明", "县林业站", LocalDate.of(2029, 5, 10),
                        "随配偶迁往外地", 2))
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_talent_who_leaves_before_3_years_reaches_no_3_or_5_year_milestone() {
        clock.setToday(OPENED_ON);
        var given = fixture.givenCurrentTime(startOf(OPENED_ON)).andGivenCommands(OPEN);
        clock.setToday(LocalDate.of(2029, 5, 10));
        given.andGivenCommands(new RecordDeparture("case1", LocalDate.of(2029, 5, 10), "随配偶迁往外地"))
                .whenThenTimeAdvancesTo(startOf(LocalDate.of(2033, 1, 1)))
                .expectNoEvents()
                .expectDeadlinesMet();
    }

    @Test
    void a_milestone_that_fires_after_the_departure_is_not_reached() {
        clock.setToday(OPENED_ON);
        fixture.givenCurrentTime(startOf(OPENED_ON))
                .andGivenCommands(OPEN)
                .andGiven(DEPARTED)
                .whenThenTimeAdvancesTo(startOf(LocalDate.of(2028, 3, 1)))
                .expectNoEvents()
                .expectDeadlinesMet(new MilestoneDue(1));
    }

    // requests and refusals

    @Test
    void a_talent_requests_a_service() {
        fixture.given(OPENED)
                .when(new RequestRetentionService("case1", "r1", ServiceType.TALENT_APARTMENT, "希望住在镇中心附近"))
                .expectEvents(new RetentionServiceRequested("case1", "c1", "李明", "r1", ServiceType.TALENT_APARTMENT,
                        "希望住在镇中心附近"));
    }

    @Test
    void a_request_id_is_used_once() {
        fixture.given(OPENED, requested("r1", ServiceType.TALENT_APARTMENT))
                .when(new RequestRetentionService("case1", "r1", ServiceType.SCHOOL_PLACE, null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("retention.request.duplicate"))
                .expectNoEvents();
    }

    @Test
    void a_request_names_the_service() {
        fixture.given(OPENED)
                .when(new RequestRetentionService("case1", "r1", null, null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [retention.serviceType]");
    }

    @Test
    void a_request_is_refused_with_a_reason() {
        fixture.given(OPENED, requested("r1", ServiceType.TALENT_APARTMENT))
                .when(new RefuseRetentionService("case1", "r1", "本镇人才公寓已满"))
                .expectEvents(new RetentionServiceRefused("case1", "c1", "李明", "r1", ServiceType.TALENT_APARTMENT,
                        "本镇人才公寓已满"));
        fixture.given(OPENED, requested("r1", ServiceType.TALENT_APARTMENT))
                .when(new RefuseRetentionService("case1", "r1", " "))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [retention.refusalReason]");
    }

    @Test
    void only_a_request_made_can_be_refused() {
        fixture.given(OPENED)
                .when(new RefuseRetentionService("case1", "r9", "无此申请"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("retention.request.unknown [r9]");
    }

    @Test
    void an_answered_request_is_not_answered_again() {
        fixture.given(OPENED, requested("r1", ServiceType.TALENT_APARTMENT),
                        new RetentionServiceRefused("case1", "c1", "李明", "r1", ServiceType.TALENT_APARTMENT, "已满"))
                .when(new AllocateApartment("case1", "r1", "人才公寓 2-301", LocalDate.of(2027, 4, 1)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("retention.request.alreadyAnswered [r1]")
                .expectNoEvents();
    }

    @Test
    void a_grant_answers_a_request_for_the_same_service_only() {
        fixture.given(OPENED, requested("r1", ServiceType.SCHOOL_PLACE))
                .when(new AllocateApartment("case1", "r1", "人才公寓 2-301", LocalDate.of(2027, 4, 1)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("retention.request.otherService [r1, serviceType.SCHOOL_PLACE]");
    }

    // talent apartment

    @Test
    void an_apartment_is_allocated_in_answer_to_a_request() {
        fixture.given(OPENED, requested("r1", ServiceType.TALENT_APARTMENT))
                .when(new AllocateApartment("case1", "r1", "人才公寓 2-301", LocalDate.of(2027, 4, 1)))
                .expectEvents(new ApartmentAllocated("case1", "c1", "李明", "r1", "人才公寓 2-301",
                        LocalDate.of(2027, 4, 1)));
    }

    @Test
    void the_office_may_allocate_an_apartment_on_its_own_initiative() {
        fixture.given(OPENED)
                .when(new AllocateApartment("case1", null, "人才公寓 2-301", LocalDate.of(2027, 4, 1)))
                .expectEvents(new ApartmentAllocated("case1", "c1", "李明", null, "人才公寓 2-301",
                        LocalDate.of(2027, 4, 1)));
    }

    @Test
    void a_talent_has_one_apartment_at_a_time() {
        fixture.given(OPENED, allocated())
                .when(new AllocateApartment("case1", null, "人才公寓 5-102", LocalDate.of(2027, 6, 1)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("retention.apartment.occupied [李明, 人才公寓 2-301]")
                .expectNoEvents();
    }

    @Test
    void a_move_out_vacates_the_apartment_and_another_may_follow() {
        fixture.given(OPENED, allocated())
                .when(new RecordMoveOut("case1", LocalDate.of(2027, 6, 30)))
                .expectEvents(new ApartmentVacated("case1", "c1", "李明", "人才公寓 2-301", LocalDate.of(2027, 6, 30)));
        fixture.given(OPENED, allocated(),
                        new ApartmentVacated("case1", "c1", "李明", "人才公寓 2-301", LocalDate.of(2027, 6, 30)))
                .when(new AllocateApartment("case1", null, "人才公寓 5-102", LocalDate.of(2027, 7, 1)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void only_an_occupied_apartment_is_vacated() {
        fixture.given(OPENED)
                .when(new RecordMoveOut("case1", LocalDate.of(2027, 6, 30)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("retention.apartment.none [李明]");
    }

    @Test
    void a_move_out_is_not_before_the_move_in() {
        fixture.given(OPENED, allocated())
                .when(new RecordMoveOut("case1", LocalDate.of(2027, 3, 31)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("retention.apartment.moveOutBeforeMoveIn [2027-04-01]");
    }

    @Test
    void a_talent_who_left_the_post_may_still_hand_the_apartment_back() {
        fixture.given(OPENED, allocated(), DEPARTED)
                .when(new RecordMoveOut("case1", LocalDate.of(2027, 9, 10)))
                .expectEvents(new ApartmentVacated("case1", "c1", "李明", "人才公寓 2-301", LocalDate.of(2027, 9, 10)));
    }

    // school place and service card

    @Test
    void a_school_place_is_granted_for_a_child() {
        fixture.given(OPENED, requested("r2", ServiceType.SCHOOL_PLACE))
                .when(new GrantSchoolPlace("case1", "r2", new ChildName("李小雨"), "县实验小学", "二年级"))
                .expectEvents(new SchoolPlaceGranted("case1", "c1", "李明", "r2", new ChildName("李小雨"), "县实验小学",
                        "二年级"));
    }

    @Test
    void a_school_place_names_the_child_the_school_and_the_grade() {
        fixture.given(OPENED)
                .when(new GrantSchoolPlace("case1", null, null, "县实验小学", "二年级"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [retention.child]");
        fixture.given(OPENED)
                .when(new GrantSchoolPlace("case1", null, new ChildName("李小雨"), "县实验小学", ""))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [retention.grade]");
    }

    @Test
    void a_service_card_is_issued_and_may_be_upgraded_to_a_green_card() {
        fixture.given(OPENED, requested("r3", ServiceType.SERVICE_CARD))
                .when(new IssueServiceCard("case1", "r3", "RC-2027-0001", CardLevel.TALENT_SERVICE_CARD))
                .expectEvents(new ServiceCardIssued("case1", "c1", "李明", "r3", "RC-2027-0001",
                        CardLevel.TALENT_SERVICE_CARD));
        fixture.given(OPENED, card(CardLevel.TALENT_SERVICE_CARD))
                .when(new IssueServiceCard("case1", null, "GC-2028-0007", CardLevel.GREEN_CARD))
                .expectEvents(new ServiceCardIssued("case1", "c1", "李明", null, "GC-2028-0007",
                        CardLevel.GREEN_CARD));
    }

    @Test
    void a_card_of_the_level_held_or_below_is_not_issued() {
        fixture.given(OPENED, card(CardLevel.GREEN_CARD))
                .when(new IssueServiceCard("case1", null, "RC-2028-0002", CardLevel.TALENT_SERVICE_CARD))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("retention.card.notAnUpgrade [李明, cardLevel.GREEN_CARD]");
        fixture.given(OPENED, card(CardLevel.TALENT_SERVICE_CARD))
                .when(new IssueServiceCard("case1", null, "RC-2028-0002", CardLevel.TALENT_SERVICE_CARD))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("retention.card.notAnUpgrade"));
    }

    // specialist

    @Test
    void a_service_specialist_is_assigned() {
        fixture.given(OPENED)
                .when(new AssignServiceSpecialist("case1", "s1", "张敏"))
                .expectEvents(new ServiceSpecialistAssigned("case1", "c1", "李明", "s1", "张敏", null, null));
    }

    @Test
    void reassigning_the_specialist_records_the_previous_one() {
        fixture.given(OPENED, new ServiceSpecialistAssigned("case1", "c1", "李明", "s1", "张敏", null, null))
                .when(new AssignServiceSpecialist("case1", "s2", "刘洋"))
                .expectEvents(new ServiceSpecialistAssigned("case1", "c1", "李明", "s2", "刘洋", "s1", "张敏"));
    }

    @Test
    void the_assigned_specialist_is_not_assigned_again() {
        fixture.given(OPENED, new ServiceSpecialistAssigned("case1", "c1", "李明", "s1", "张敏", null, null))
                .when(new AssignServiceSpecialist("case1", "s1", "张敏"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("retention.specialist.alreadyAssigned [张敏]");
    }

    // follow-up visits

    @Test
    void a_follow_up_visit_is_recorded_with_the_problems_raised_once_each() {
        fixture.given(OPENED)
                .when(new RecordFollowUpVisit("case1", "v1", "s1", "张敏", LocalDate.of(2027, 9, 1), "工作适应良好",
                        List.of("宿舍网络不稳定", " 子女入学 ", "宿舍网络不稳定")))
                .expectEvents(visit(List.of("宿舍网络不稳定", "子女入学")));
    }

    @Test
    void a_visit_is_recorded_once_it_took_place() {
        fixture.given(OPENED)
                .when(new RecordFollowUpVisit("case1", "v1", "s1", "张敏", TODAY.plusDays(1), "计划走访", List.of()))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("retention.date.inFuture [retention.visitedOn]");
    }

    @Test
    void a_visit_id_is_used_once() {
        fixture.given(OPENED, visit(List.of()))
                .when(new RecordFollowUpVisit("case1", "v1", "s1", "张敏", TODAY, "再次走访", null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("retention.visit.duplicate [v1]");
    }

    @Test
    void a_problem_raised_on_a_visit_is_resolved() {
        fixture.given(OPENED, visit(List.of("宿舍网络不稳定")))
                .when(new ResolveProblem("case1", "v1", "宿舍网络不稳定", "已协调电信公司更换线路"))
                .expectEvents(new VisitProblemResolved("case1", "c1", "李明", "v1", "宿舍网络不稳定", "已协调电信公司更换线路"));
    }

    @Test
    void only_a_problem_raised_on_that_visit_is_resolved() {
        fixture.given(OPENED, visit(List.of("宿舍网络不稳定")))
                .when(new ResolveProblem("case1", "v2", "宿舍网络不稳定", "已解决"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("retention.visit.unknown [v2]");
        fixture.given(OPENED, visit(List.of("宿舍网络不稳定")))
                .when(new ResolveProblem("case1", "v1", "交通不便", "已解决"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("retention.problem.notRaised [交通不便]");
    }

    @Test
    void a_resolved_problem_is_not_resolved_again() {
        fixture.given(OPENED, visit(List.of("宿舍网络不稳定")),
                        new VisitProblemResolved("case1", "c1", "李明", "v1", "宿舍网络不稳定", "已更换线路"))
                .when(new ResolveProblem("case1", "v1", "宿舍网络不稳定", "再次更换"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("retention.problem.alreadyResolved [宿舍网络不稳定]");
    }

    // promotion

    @Test
    void a_title_promotion_is_recorded() {
        fixture.given(OPENED)
                .when(new RecordTitlePromotion("case1", "林业工程师", LocalDate.of(2027, 9, 1)))
                .expectEvents(new ProfessionalTitlePromoted("case1", "c1", "李明", "县林业站", "林业工程师",
                        LocalDate.of(2027, 9, 1)));
    }

    @Test
    void a_promotion_is_recorded_once_it_took_effect() {
        fixture.given(OPENED)
                .when(new RecordTitlePromotion("case1", "林业工程师", TODAY.plusMonths(1)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("retention.date.inFuture [retention.promotedOn]");
    }

    @Test
    void a_promotion_changes_the_title() {
        fixture.given(OPENED, new ProfessionalTitlePromoted("case1", "c1", "李明", "县林业站", "林业工程师",
                        LocalDate.of(2027, 9, 1)))
                .when(new RecordTitlePromotion("case1", "林业工程师", TODAY))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("retention.title.unchanged [林业工程师]");
    }

    // departure

    @Test
    void a_departure_records_the_whole_years_in_post() {
        clock.setToday(LocalDate.of(2030, 3, 1));
        fixture.given(OPENED)
                .when(new RecordDeparture("case1", LocalDate.of(2030, 2, 28), "调往市林业局"))
                .expectEvents(new TalentDeparted("case1", "c1", "李明", "县林业站", LocalDate.of(2030, 2, 28),
                        "调往市林业局", 2));
    }

    @Test
    void a_departure_is_between_the_start_and_today_and_gives_a_reason() {
        fixture.given(OPENED)
                .when(new RecordDeparture("case1", START.minusDays(1), "未到岗"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("retention.departure.beforeStart [2027-03-01]");
        fixture.given(OPENED)
                .when(new RecordDeparture("case1", TODAY.plusDays(1), "已提交辞职"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("retention.date.inFuture [retention.departedOn]");
        fixture.given(OPENED)
                .when(new RecordDeparture("case1", TODAY, null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [retention.departureReason]");
    }

    @Test
    void after_the_departure_the_case_accepts_nothing_else() {
        List<Object> commands = List.of(
                new RequestRetentionService("case1", "r1", ServiceType.TALENT_APARTMENT, null),
                new AllocateApartment("case1", null, "人才公寓 2-301", TODAY),
                new GrantSchoolPlace("case1", null, new ChildName("李小雨"), "县实验小学", "二年级"),
                new IssueServiceCard("case1", null, "RC-2027-0001", CardLevel.TALENT_SERVICE_CARD),
                new AssignServiceSpecialist("case1", "s1", "张敏"),
                new RecordFollowUpVisit("case1", "v1", "s1", "张敏", TODAY, "回访", List.of()),
                new RecordTitlePromotion("case1", "林业工程师", TODAY),
                new RecordDeparture("case1", TODAY, "再次离岗"));
        for (Object command : commands) {
            refusedAfterDeparture(fixture.given(OPENED, DEPARTED).when(command));
        }
        refusedAfterDeparture(fixture.given(OPENED, requested("r1", ServiceType.SCHOOL_PLACE), DEPARTED)
                .when(new RefuseRetentionService("case1", "r1", "已离岗")));
        refusedAfterDeparture(fixture.given(OPENED, visit(List.of("交通不便")), DEPARTED)
                .when(new ResolveProblem("case1", "v1", "交通不便", "已开通班车")));
    }

    private static void refusedAfterDeparture(ResultValidator<RetentionCase> result) {
        result.expectException(DomainRuleViolation.class)
                .expectExceptionMessage("retention.case.departed [李明, 2027-08-31]")
                .expectNoEvents();
    }

    private static RetentionServiceRequested requested(String requestId, ServiceType type) {
        return new RetentionServiceRequested("case1", "c1", "李明", requestId, type, null);
    }

    private static ApartmentAllocated allocated() {
        return new ApartmentAllocated("case1", "c1", "李明", null, "人才公寓 2-301", LocalDate.of(2027, 4, 1));
    }

    private static ServiceCardIssued card(CardLevel level) {
        return new ServiceCardIssued("case1", "c1", "李明", null, "RC-2027-0001", level);
    }

    private static FollowUpVisitRecorded visit(List<String> problems) {
        return new FollowUpVisitRecorded("case1", "c1", "李明", "v1", "s1", "张敏", LocalDate.of(2027, 9, 1),
                "工作适应良好", problems);
    }
}
