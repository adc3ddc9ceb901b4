package cn.talentportal.domain.employer;

import cn.talentportal.domain.employer.EmployerCommands.AssignRecruiter;
import cn.talentportal.domain.employer.EmployerCommands.CreateEmployerUnit;
import cn.talentportal.domain.employer.EmployerEvents.EmployerUnitCreated;
import cn.talentportal.domain.employer.EmployerEvents.RecruiterAssigned;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Sector;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
}
