package cn.talentportal.projections.interview;

import cn.talentportal.domain.interview.Criterion;
import java.util.List;

/** A rubric at its current version; {@code revisionReason} is why it was last revised (null for version 1). */
public record RubricView(String rubricId, String name, int version, List<Criterion> criteria,
                         String revisionReason) {
}
