package cn.talentportal.domain.employer;

import cn.talentportal.domain.employer.EmployerCommands.AssignRecruiter;
import cn.talentportal.domain.employer.EmployerCommands.CreateEmployerUnit;
import cn.talentportal.domain.employer.EmployerCommands.RemoveRecruiter;
import cn.talentportal.domain.employer.EmployerEvents.EmployerUnitCreated;
import cn.talentportal.domain.employer.EmployerEvents.RecruiterAssigned;
import cn.talentportal.domain.employer.EmployerEvents.RecruiterRemoved;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Sector;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.startsWith;

class EmployerUnitTest {

    private AggregateTestFixture<EmployerUnit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(EmployerUnit.class);
    }

    @Test
    void an_administrator_creates_an_employer_unit() {
        fixture.givenNoPriorActivity()
                .when(new CreateEmployerUnit("u1", " 县第一中学 ", EmployerType.SCHOOL, "城关镇", Sector.EDUCATION))
                .expectEvents(new EmployerUnitCreated("u1", "县第一中学", EmployerType.SCHOOL, "城关镇", Sector.EDUCATION));
    }

    @Test
    void a_unit_needs_a_name() {
        fixture.givenNoPriorActivity()
                .when(new CreateEmployerUnit("u1", "", EmployerType.SCHOOL, "城关镇", Sector.EDUCATION))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [employer.name]");
    }

    @Test
    void a_recruiter_is_assigned_to_a_unit_and_named_with_it() {
        fixture.given(new EmployerUnitCreated("u1", "县第一中学", EmployerType.SCHOOL, "城关镇", Sector.EDUCATION))
                .when(new AssignRecruiter("u1", "r1", "王老师"))
                .expectEvents(new RecruiterAssigned("u1", "县第一中学", "r1", "王老师"));
    }

    @Test
    void the_same_recruiter_is_not_assigned_twice() {
        fixture.given(new EmployerUnitCreated("u1", "县第一中学", EmployerType.SCHOOL, "城关镇", Sector.EDUCATION),
                        new RecruiterAssigned("u1", "县第一中学", "r1", "王老师"))
                .when(new AssignRecruiter("u1", "r1", "王老师"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_removed_recruiter_is_named_as_assigned_with_the_reason() {
        fixture.given(new EmployerUnitCreated("u1", "县第一中学", EmployerType.SCHOOL, "城关镇", Sector.EDUCATION),
                        new RecruiterAssigned("u1", "县第一中学", "r1", "王老师"))
                .when(new RemoveRecruiter("u1", "r1", "调往县教育局"))
                .expectEvents(new RecruiterRemoved("u1", "县第一中学", "r1", "王老师", "调往县教育局"));
    }

    @Test
    void a_recruiter_who_is_not_assigned_cannot_be_removed() {
        fixture.given(new EmployerUnitCreated("u1", "县第一中学", EmployerType.SCHOOL, "城关镇", Sector.EDUCATION),
                        new RecruiterAssigned("u1", "县第一中学", "r1", "王老师"),
                        new RecruiterRemoved("u1", "县第一中学", "r1", "王老师", "调往县教育局"))
                .when(new RemoveRecruiter("u1", "r1", "重复操作"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("employer.recruiter.notAssigned"))
                .expectNoEvents();
    }

    @Test
    void removing_a_recruiter_needs_a_reason() {
        fixture.given(new EmployerUnitCreated("u1", "县第一中学", EmployerType.SCHOOL, "城关镇", Sector.EDUCATION),
                        new RecruiterAssigned("u1", "县第一中学", "r1", "王老师"))
                .when(new RemoveRecruiter("u1", "r1", " "))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [recruiter.removalReason]")
                .expectNoEvents();
    }

    @Test
    void a_removed_recruiter_may_be_assigned_again() {
        fixture.given(new EmployerUnitCreated("u1", "县第一中学", EmployerType.SCHOOL, "城关镇", Sector.EDUCATION),
                        new RecruiterAssigned("u1", "县第一中学", "r1", "王老师"),
                        new RecruiterRemoved("u1", "县第一中学", "r1", "王老师", "休产假"))
                .when(new AssignRecruiter("u1", "r1", "王老师"))
                .expectEvents(new RecruiterAssigned("u1", "县第一中学", "r1", "王老师"));
    }
}
