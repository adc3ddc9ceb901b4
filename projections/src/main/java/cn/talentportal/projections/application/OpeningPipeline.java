package cn.talentportal.projections.application;

import java.util.List;

/** An opening's applications by stage, in the order of {@link CandidateStage}, with their counts. */
public record OpeningPipeline(String openingId, List<Column> columns) {

    public record Column(CandidateStage stage, int count, List<ApplicationView> applications) {
    }

    public int count(CandidateStage stage) {
        return columns.stream().filter(c -> c.stage() == stage).mapToInt(Column::count).sum();
    }
}
