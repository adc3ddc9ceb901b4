package cn.talentportal.domain.interview;

import java.util.List;

/** A rubric as it stands at one version: what an interview scheduled now is scored against. */
public record RubricVersion(String rubricId, String name, int version, List<Criterion> criteria) {

    public RubricVersion {
        criteria = List.copyOf(criteria);
    }
}
