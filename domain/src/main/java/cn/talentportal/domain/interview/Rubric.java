package cn.talentportal.domain.interview;

import cn.talentportal.domain.interview.RubricCommands.DefineRubric;
import cn.talentportal.domain.interview.RubricCommands.ReviseRubric;
import cn.talentportal.domain.interview.RubricEvents.RubricDefined;
import cn.talentportal.domain.interview.RubricEvents.RubricRevised;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Require;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The criteria a panel scores candidates on, versioned: a revision never changes what was scored before. */
public class Rubric {

    static final int MOST_CRITERIA = 10;
    static final int HIGHEST_MAX_SCORE = 100;

    @AggregateIdentifier
    private String rubricId;
    private String name;
    private int version;
    private List<Criterion> criteria;

    protected Rubric() {
        // for Axon
    }

    @CommandHandler
    public Rubric(DefineRubric command) {
        Require.text(command.rubricId(), "rubric.id", 64);
        String name = Require.text(command.name(), "rubric.name", 80);
        List<Criterion> criteria = validCriteria(command.criteria());
        apply(new RubricDefined(command.rubricId(), name, 1, criteria));
    }

    @CommandHandler
    public void handle(ReviseRubric command) {
        List<Criterion> revised = validCriteria(command.criteria());
        String reason = Require.text(command.reason(), "rubric.revisionReason", 500);
        if (revised.equals(criteria)) {
            throw new DomainRuleViolation("rubric.revise.unchanged", name);
        }
        apply(new RubricRevised(rubricId, name, version + 1, revised, reason));
    }

    /** The version an interview scheduled now is scored against. */
    public RubricVersion currentVersion() {
        return new RubricVersion(rubricId, name, version, criteria);
    }

    private static List<Criterion> validCriteria(List<Criterion> criteria) {
        if (criteria == null || criteria.isEmpty() || criteria.size() > MOST_CRITERIA) {
            throw new DomainRuleViolation("rubric.criteria.count", 1, MOST_CRITERIA);
        }
        Set<String> keys = new HashSet<>();
        List<Criterion> valid = new ArrayList<>();
        for (Criterion criterion : criteria) {
            Require.present(criterion, "rubric.criterion");
            String key = Require.text(criterion.key(), "rubric.criterion.key", 40);
            String label = Require.text(criterion.label(), "rubric.criterion.label", 80);
            if (!keys.add(key)) {
                throw new DomainRuleViolation("rubric.criterion.duplicateKey", key);
            }
            if (criterion.weight() <= 0) {
                throw new DomainRuleViolation("rubric.criterion.weightNotPositive", label);
            }
            if (criterion.maxScore() < 1 || criterion.maxScore() > HIGHEST_MAX_SCORE) {
                throw new DomainRuleViolation("rubric.criterion.maxScoreOutOfRange", label, 1, HIGHEST_MAX_SCORE);
            }
            valid.add(new Criterion(key, label, criterion.weight(), criterion.maxScore()));
        }
        return List.copyOf(valid);
    }

    @EventSourcingHandler
    void on(RubricDefined event) {
        rubricId = event.rubricId();
        name = event.name();
        version = event.version();
        criteria = List.copyOf(event.criteria());
    }

    @EventSourcingHandler
    void on(RubricRevised event) {
        version = event.version();
        criteria = List.copyOf(event.criteria());
    }
}
