package cn.talentportal.domain.retention;

import cn.talentportal.domain.testing.OfficeClock;
import cn.talentportal.domain.retention.AllowancePolicyCommands.PublishAllowancePolicy;
import cn.talentportal.domain.retention.AllowancePolicyCommands.ReviseAllowancePolicy;
import cn.talentportal.domain.retention.RetentionCommands.GrantAllowance;
import cn.talentportal.domain.retention.RetentionCommands.OpenRetentionCase;
import cn.talentportal.domain.retention.RetentionCommands.RecordDeparture;
import cn.talentportal.domain.retention.RetentionCommands.RequestRetentionService;
import cn.talentportal.domain.retention.RetentionEvents.AllowanceGranted;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Sector;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An allowance involves the retention case and the allowance policy: run both aggregates and the handler in a
 * small in-memory Axon configuration. The policy was revised after the talent signed; the grant is judged by the
 * version in force at signing.
 */
class AllowanceTest {

    static final String POLICY = "县人才津补贴办法";
    static final LocalDate SIGNED_ON = LocalDate.of(2026, 10, 10);
    static final LocalDate TODAY = LocalDate.of(2027, 3, 1);

    private Configuration axon;
    private CommandGateway commands;

    @BeforeEach
    void start() {
        Clock clock = Clock.fixed(OfficeClock.startOf(TODAY), OfficeClock.SHANGHAI);
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .registerComponent(Clock.class, c -> clock)
                .configureAggregate(RetentionCase.class)
                .configureAggregate(AllowancePolicy.class)
                .registerCommandHandler(c -> new AllowanceCommandHandler(
                        c.repository(RetentionCase.class), c.repository(AllowancePolicy.class)))
                .start();
        commands = axon.commandGateway();
        commands.sendAndWait(new PublishAllowancePolicy("p1", POLICY, LocalDate.of(2025, 1, 1),
                Map.of(AllowanceType.LIVING, 1500, AllowanceType.HOUSING, 800)));
        commands.sendAndWait(new ReviseAllowancePolicy("p1", LocalDate.of(2027, 1, 1),
                Map.of(AllowanceType.LIVING, 2000, AllowanceType.HOUSING, 1000, AllowanceType.RURAL_SERVICE, 600),
                "县财政提高标准"));
        openCase("case1", SIGNED_ON);
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    private void openCase(String caseId, LocalDate signedOn) {
        commands.sendAndWait(new OpenRetentionCase(caseId, "c1", "李明", "u1", "县人民医院", "急诊科护士",
                Sector.HEALTH, "城关镇", signedOn.plusDays(20), signedOn));
    }

    private static GrantAllowance living(String caseId, int monthlyAmount) {
        return new GrantAllowance(caseId, null, "p1", AllowanceType.LIVING, monthlyAmount, YearMonth.of(2027, 3),
                YearMonth.of(2029, 2));
    }

    private List<Object> caseEvents(String caseId) {
        return axon.eventStore().readEvents(caseId).asStream().<Object>map(EventMessage::getPayload).toList();
    }

    @Test
    void an_allowance_within_the_cap_in_force_at_signing_is_granted_with_that_version() {
        commands.sendAndWait(living("case1", 1500));
        assertThat(caseEvents("case1")).last().isEqualTo(new AllowanceGranted("case1", "c1", "李明", null,
                AllowanceType.LIVING, 1500, YearMonth.of(2027, 3), YearMonth.of(2029, 2), "p1", POLICY, 1, 1500));
    }

    @Test
    void an_allowance_above_the_policy_in_force_at_signing_is_refused_though_a_later_revision_allows_it() {
        assertRefused(living("case1", 1800), "retention.allowance.aboveCap",
                "allowanceType.LIVING", 1800, POLICY, 1, 1500);
    }

    @Test
    void an_allowance_type_introduced_after_signing_is_not_granted() {
        assertRefused(new GrantAllowance("case1", null, "p1", AllowanceType.RURAL_SERVICE, 300, YearMonth.of(2027, 3),
                YearMonth.of(2027, 12)), "retention.allowance.typeNotInPolicy", POLICY, 1, "allowanceType.RURAL_SERVICE");
    }

    @Test
    void a_talent_who_signed_after_the_revision_gets_its_caps() {
        openCase("case2", LocalDate.of(2027, 1, 15));
        commands.sendAndWait(living("case2", 1800));
        assertThat(caseEvents("case2")).last().isEqualTo(new AllowanceGranted("case2", "c1", "李明", null,
                AllowanceType.LIVING, 1800, YearMonth.of(2027, 3), YearMonth.of(2029, 2), "p1", POLICY, 2, 2000));
    }

    @Test
    void no_allowance_is_granted_under_a_policy_not_yet_in_force_at_signing() {
        openCase("case2", LocalDate.of(2024, 11, 1));
        assertRefused(living("case2", 1000), "retention.policy.noneInForce", POLICY, LocalDate.of(2024, 11, 1));
    }

    @Test
    void a_grant_answers_the_allowance_request() {
        commands.sendAndWait(new RequestRetentionService("case1", "r1", ServiceType.ALLOWANCE, "申请生活补贴"));
        commands.sendAndWait(new GrantAllowance("case1", "r1", "p1", AllowanceType.HOUSING, 800,
                YearMonth.of(2027, 3), YearMonth.of(2028, 2)));
        assertThat(caseEvents("case1")).last().isEqualTo(new AllowanceGranted("case1", "c1", "李明", "r1",
                AllowanceType.HOUSING, 800, YearMonth.of(2027, 3), YearMonth.of(2028, 2), "p1", POLICY, 1, 800));
    }

    @Test
    void an_allowance_does_not_answer_a_request_for_another_service() {
        commands.sendAndWait(new RequestRetentionService("case1", "r1", ServiceType.TALENT_APARTMENT, null));
        assertRefused(new GrantAllowance("case1", "r1", "p1", AllowanceType.HOUSING, 800, YearMonth.of(2027, 3),
                YearMonth.of(2028, 2)), "retention.request.otherService", "r1", "serviceType.TALENT_APARTMENT");
    }

    @Test
    void an_allowance_is_a_positive_amount_over_ordered_months() {
        assertRefused(living("case1", 0), "retention.allowance.amountNotPositive");
        assertRefused(new GrantAllowance("case1", null, "p1", AllowanceType.LIVING, 1000, YearMonth.of(2027, 3),
                YearMonth.of(2027, 2)), "retention.allowance.periodReversed");
        assertRefused(new GrantAllowance("case1", null, " ", AllowanceType.LIVING, 1000, YearMonth.of(2027, 3),
                YearMonth.of(2027, 4)), "validation.required", "retention.policy");
    }

    @Test
    void allowances_of_the_same_type_do_not_overlap() {
        commands.sendAndWait(living("case1", 1000));
        assertRefused(new GrantAllowance("case1", null, "p1", AllowanceType.LIVING, 500, YearMonth.of(2029, 2),
                YearMonth.of(2029, 12)), "retention.allowance.overlapping", "allowanceType.LIVING",
                YearMonth.of(2027, 3), YearMonth.of(2029, 2));
        commands.sendAndWait(new GrantAllowance("case1", null, "p1", AllowanceType.HOUSING, 800, YearMonth.of(2027, 3),
                YearMonth.of(2029, 2)));
        commands.sendAndWait(new GrantAllowance("case1", null, "p1", AllowanceType.LIVING, 500, YearMonth.of(2029, 3),
                YearMonth.of(2029, 12)));
        assertThat(caseEvents("case1")).filteredOn(AllowanceGranted.class::isInstance).hasSize(3);
    }

    @Test
    void a_talent_who_left_the_post_is_granted_no_allowance() {
        commands.sendAndWait(new RecordDeparture("case1", LocalDate.of(2027, 2, 1), "调往外县"));
        assertRefused(living("case1", 1000), "retention.case.departed", "李明", LocalDate.of(2027, 2, 1));
    }

    private void assertRefused(Object command, String messageKey, Object... arguments) {
        int eventsBefore = caseEvents("case1").size();
        assertThatThrownBy(() -> commands.sendAndWait(command))
                .isInstanceOfSatisfying(DomainRuleViolation.class, refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo(messageKey);
                    assertThat(refusal.arguments()).containsExactly(arguments);
                });
        assertThat(caseEvents("case1")).as("a refused grant stores nothing").hasSize(eventsBefore);
    }
}
