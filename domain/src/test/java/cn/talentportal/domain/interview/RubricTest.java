package cn.talentportal.domain.interview;

import cn.talentportal.domain.interview.RubricCommands.DefineRubric;
import cn.talentportal.domain.interview.RubricCommands.ReviseRubric;
import cn.talentportal.domain.interview.RubricEvents.RubricDefined;
import cn.talentportal.domain.interview.RubricEvents.RubricRevised;
import cn.talentportal.domain.shared.DomainRuleViolation;
import java.util.Collections;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.startsWith;

class RubricTest {

    static final Criterion KNOWLEDGE = new Criterion("knowledge", "专业知识", 3, 10);
    static final Criterion COMMUNICATION = new Criterion("communication", "沟通表达", 1, 5);
    static final List<Criterion> CRITERIA = List.of(KNOWLEDGE, COMMUNICATION);
    static final RubricDefined DEFINED = new RubricDefined("r1", "护理岗面试评分表", 1, CRITERIA);

    private final AggregateTestFixture<Rubric> fixture = new AggregateTestFixture<>(Rubric.class);

    @Test
    void a_rubric_is_defined_as_its_first_version() {
        fixture.givenNoPriorActivity()
                .when(new DefineRubric("r1", " 护理岗面试评分表 ", List.of(
                        new Criterion(" knowledge ", "专业知识 ", 3, 10), COMMUNICATION)))
                .expectEvents(DEFINED);
    }

    @Test
    void a_rubric_needs_a_name() {
        refusesDefinition(new DefineRubric("r1", " ", CRITERIA), "validation.required");
    }

    @Test
    void a_rubric_has_one_to_ten_criteria() {
        refusesDefinition(new DefineRubric("r1", "评分表", List.of()), "rubric.criteria.count");
        refusesDefinition(new DefineRubric("r1", "评分表", null), "rubric.criteria.count");
        List<Criterion> eleven = java.util.stream.IntStream.rangeClosed(1, 11)
                .mapToObj(i -> new Criterion("c" + i, "标准" + i, 1, 10)).toList();
        refusesDefinition(new DefineRubric("r1", "评分表", eleven), "rubric.criteria.count");
    }

    @Test
    void criterion_keys_are_unique_within_a_rubric() {
        refusesDefinition(new DefineRubric("r1", "评分表",
                List.of(KNOWLEDGE, new Criterion("knowledge", "理论知识", 1, 10))), "rubric.criterion.duplicateKey");
    }

    @Test
    void every_criterion_has_a_key_and_a_label() {
        refusesDefinition(new DefineRubric("r1", "评分表", List.of(new Criterion(" ", "专业知识", 1, 10))),
                "validation.required [rubric.criterion.key]");
        refusesDefinition(new DefineRubric("r1", "评分表", List.of(new Criterion("knowledge", null, 1, 10))),
                "validation.required [rubric.criterion.label]");
        refusesDefinition(new DefineRubric("r1", "评分表", Collections.singletonList(null)),
                "validation.required [rubric.criterion]");
    }

    @Test
    void a_criterion_weighs_more_than_nothing() {
        refusesDefinition(new DefineRubric("r1", "评分表", List.of(new Criterion("knowledge", "专业知识", 0, 10))),
                "rubric.criterion.weightNotPositive");
    }

    @Test
    void a_criterion_is_scored_out_of_one_to_a_hundred() {
        refusesDefinition(new DefineRubric("r1", "评分表", List.of(new Criterion("knowledge", "专业知识", 1, 0))),
                "rubric.criterion.maxScoreOutOfRange");
        refusesDefinition(new DefineRubric("r1", "评分表", List.of(new Criterion("knowledge", "专业知识", 1, 101))),
                "rubric.criterion.maxScoreOutOfRange");
    }

    @Test
    void a_revision_is_the_next_version_and_says_why() {
        List<Criterion> revised = List.of(KNOWLEDGE, COMMUNICATION, new Criterion("ethics", "职业道德", 2, 10));
        fixture.given(DEFINED, new RubricRevised("r1", "护理岗面试评分表", 2, List.of(KNOWLEDGE), "精简"))
                .when(new ReviseRubric("r1", revised, "增加职业道德"))
                .expectEvents(new RubricRevised("r1", "护理岗面试评分表", 3, revised, "增加职业道德"));
    }

    @Test
    void a_revision_needs_a_reason() {
        fixture.given(DEFINED)
                .when(new ReviseRubric("r1", List.of(KNOWLEDGE), ""))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [rubric.revisionReason]")
                .expectNoEvents();
    }

    @Test
    void a_revision_follows_the_same_rules_for_criteria() {
        fixture.given(DEFINED)
                .when(new ReviseRubric("r1", List.of(), "清空"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("rubric.criteria.count"))
                .expectNoEvents();
    }

    @Test
    void a_revision_changes_the_criteria() {
        fixture.given(DEFINED)
                .when(new ReviseRubric("r1", CRITERIA, "重新保存"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("rubric.revise.unchanged"))
                .expectNoEvents();
    }

    private void refusesDefinition(DefineRubric command, String messageStart) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith(messageStart))
                .expectNoEvents();
    }
}
