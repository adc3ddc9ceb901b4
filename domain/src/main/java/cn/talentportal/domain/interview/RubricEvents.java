package cn.talentportal.domain.interview;

import java.util.List;
import org.axonframework.serialization.Revision;

/** What happened to rubrics. Every version carries its full criteria, so any version can be read on its own. */
public final class RubricEvents {

    private RubricEvents() {
    }

    @Revision("1")
    public record RubricDefined(String rubricId, String name, int version, List<Criterion> criteria) {
    }

    @Revision("1")
    public record RubricRevised(String rubricId, String name, int version, List<Criterion> criteria,
                                String reason) {
    }
}
