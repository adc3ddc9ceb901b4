package cn.talentportal.domain.retention;

import cn.talentportal.domain.retention.AllowancePolicyCommands.PublishAllowancePolicy;
import cn.talentportal.domain.retention.AllowancePolicyCommands.ReviseAllowancePolicy;
import cn.talentportal.domain.retention.AllowancePolicyEvents.AllowancePolicyPublished;
import cn.talentportal.domain.retention.AllowancePolicyEvents.AllowancePolicyRevised;
import cn.talentportal.domain.shared.DomainRuleViolation;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllowancePolicyTest {

    static final String POLICY_NAME = "县高层次人才津补贴办法";
    static final LocalDate FIRST_EFFECTIVE = LocalDate.of(2025, 1, 1);
    static final LocalDate REVISED_EFFECTIVE = LocalDate.of(2027, 1, 1);
    static final Map<AllowanceType, Integer> FIRST_CAPS = Map.of(AllowanceType.LIVING, 1500,
            AllowanceType.HOUSING, 800);
    static final Map<AllowanceType, Integer> REVISED_CAPS = Map.of(AllowanceType.LIVING, 2000,
            AllowanceType.HOUSING, 1000, AllowanceType.RURAL_SERVICE, 600);
    static final AllowancePolicyPublished PUBLISHED = new AllowancePolicyPublished("p1", POLICY_NAME, 1,
            FIRST_EFFECTIVE, FIRST_CAPS);
    static final AllowancePolicyRevised REVISED = new AllowancePolicyRevised("p1", POLICY_NAME, 2,
            REVISED_EFFECTIVE, REVISED_CAPS, "县财政提高标准");

    private AggregateTestFixture<AllowancePolicy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AllowancePolicy.class);
    }

    @Test
    void a_policy_is_published_as_its_first_version() {
        fixture.givenNoPriorActivity()
                .when(new PublishAllowancePolicy("p1", " " + POLICY_NAME + " ", FIRST_EFFECTIVE, FIRST_CAPS))
                .expectEvents(PUBLISHED);
    }

    @Test
    void a_policy_needs_a_name_a_date_and_caps() {
        fixture.givenNoPriorActivity()
                .when(new PublishAllowancePolicy("p1", " ", FIRST_EFFECTIVE, FIRST_CAPS))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [retention.policy.name]");
        fixture.givenNoPriorActivity()
                .when(new PublishAllowancePolicy("p1", POLICY_NAME, null, FIRST_CAPS))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [retention.policy.effectiveFrom]");
        fixture.givenNoPriorActivity()
                .when(new PublishAllowancePolicy("p1", POLICY_NAME, FIRST_EFFECTIVE, Map.of()))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [retention.policy.monthlyCaps]");
    }

    @Test
    void every_cap_is_a_positive_amount() {
        fixture.givenNoPriorActivity()
                .when(new PublishAllowancePolicy("p1", POLICY_NAME, FIRST_EFFECTIVE,
                        Map.of(AllowanceType.LIVING, 1500, AllowanceType.HOUSING, 0)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("retention.policy.capNotPositive [allowanceType.HOUSING]")
                .expectNoEvents();
    }

    @Test
    void a_revision_becomes_the_next_version() {
        fixture.given(PUBLISHED)
                .when(new ReviseAllowancePolicy("p1", REVISED_EFFECTIVE, REVISED_CAPS, "县财政提高标准"))
                .expectEvents(REVISED);
    }

    @Test
    void a_revision_takes_effect_after_the_previous_version() {
        fixture.given(PUBLISHED, REVISED)
                .when(new ReviseAllowancePolicy("p1", REVISED_EFFECTIVE, FIRST_CAPS, "回调标准"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("retention.policy.revisionNotAfterPrevious [2, 2027-01-01]")
                .expectNoEvents();
    }

    @Test
    void a_revision_gives_its_reason() {
        fixture.given(PUBLISHED)
                .when(new ReviseAllowancePolicy("p1", REVISED_EFFECTIVE, REVISED_CAPS, ""))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [retention.policy.revisionReason]")
                .expectNoEvents();
    }

    @Test
    void the_version_in_force_is_the_latest_that_took_effect_on_or_before_the_date() {
        fixture.given(PUBLISHED, REVISED)
                .when(new ReviseAllowancePolicy("p1", LocalDate.of(2029, 1, 1), REVISED_CAPS, "沿用"))
                .expectState(policy -> {
                    assertThat(policy.versionInForceOn(LocalDate.of(2026, 12, 31)))
                            .isEqualTo(new PolicyVersion("p1", POLICY_NAME, 1, FIRST_EFFECTIVE, FIRST_CAPS));
                    assertThat(policy.versionInForceOn(REVISED_EFFECTIVE).version()).isEqualTo(2);
                    assertThat(policy.versionInForceOn(LocalDate.of(2030, 6, 1)).version()).isEqualTo(3);
                });
    }

    @Test
    void no_version_is_in_force_before_the_first_took_effect() {
        fixture.given(PUBLISHED)
                .when(new ReviseAllowancePolicy("p1", REVISED_EFFECTIVE, REVISED_CAPS, "县财政提高标准"))
                .expectState(policy -> assertThatThrownBy(() -> policy.versionInForceOn(LocalDate.of(2024, 12, 31)))
                        .isInstanceOf(DomainRuleViolation.class)
                        .hasMessage("retention.policy.noneInForce [" + POLICY_NAME + ", 2024-12-31]"));
    }
}
