package cn.talentportal.domain.retention;

import cn.talentportal.domain.retention.AllowancePolicyCommands.PublishAllowancePolicy;
import cn.talentportal.domain.retention.AllowancePolicyCommands.ReviseAllowancePolicy;
import cn.talentportal.domain.retention.AllowancePolicyEvents.AllowancePolicyPublished;
import cn.talentportal.domain.retention.AllowancePolicyEvents.AllowancePolicyRevised;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Require;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A talent allowance policy of the district and all its versions. Versions are kept, not replaced: an allowance is
 * judged against the version in force when the talent signed, however often the policy is revised later.
 */
public class AllowancePolicy {

    @AggregateIdentifier
    private String policyId;
    private String name;
    private final List<PolicyVersion> versions = new ArrayList<>();

    protected AllowancePolicy() {
        // for Axon
    }

    @CommandHandler
    public AllowancePolicy(PublishAllowancePolicy command) {
        String name = Require.text(command.name(), "retention.policy.name", 100);
        Require.present(command.effectiveFrom(), "retention.policy.effectiveFrom");
        Map<AllowanceType, Integer> caps = validCaps(command.monthlyCaps());
        apply(new AllowancePolicyPublished(command.policyId(), name, 1, command.effectiveFrom(), caps));
    }

    @CommandHandler
    public void handle(ReviseAllowancePolicy command) {
        Require.present(command.effectiveFrom(), "retention.policy.effectiveFrom");
        Map<AllowanceType, Integer> caps = validCaps(command.monthlyCaps());
        String reason = Require.text(command.reason(), "retention.policy.revisionReason", 500);
        PolicyVersion latest = versions.getLast();
        if (!command.effectiveFrom().isAfter(latest.effectiveFrom())) {
            throw new DomainRuleViolation("retention.policy.revisionNotAfterPrevious", latest.version(),
                    latest.effectiveFrom());
        }
        apply(new AllowancePolicyRevised(policyId, name, latest.version() + 1, command.effectiveFrom(), caps, reason));
    }

    /** The version in force on the date: the latest one that took effect on or before it. */
    public PolicyVersion versionInForceOn(LocalDate date) {
        return versions.reversed().stream()
                .filter(version -> !version.effectiveFrom().isAfter(date))
                .findFirst()
                .orElseThrow(() -> new DomainRuleViolation("retention.policy.noneInForce", name, date));
    }

    private static Map<AllowanceType, Integer> validCaps(Map<AllowanceType, Integer> monthlyCaps) {
        if (monthlyCaps == null || monthlyCaps.isEmpty()) {
            throw new DomainRuleViolation("validation.required", "retention.policy.monthlyCaps");
        }
        Map<AllowanceType, Integer> caps = new EnumMap<>(AllowanceType.class);
        monthlyCaps.forEach((type, cap) -> {
            Require.present(type, "retention.allowanceType");
            if (cap == null || cap <= 0) {
                throw new DomainRuleViolation("retention.policy.capNotPositive", "allowanceType." + type.name());
            }
            caps.put(type, cap);
        });
        return Map.copyOf(caps);
    }

    @EventSourcingHandler
    void on(AllowancePolicyPublished event) {
        policyId = event.policyId();
        name = event.name();
        versions.add(new PolicyVersion(policyId, name, event.version(), event.effectiveFrom(), event.monthlyCaps()));
    }

    @EventSourcingHandler
    void on(AllowancePolicyRevised event) {
        versions.add(new PolicyVersion(policyId, name, event.version(), event.effectiveFrom(), event.monthlyCaps()));
    }
}
