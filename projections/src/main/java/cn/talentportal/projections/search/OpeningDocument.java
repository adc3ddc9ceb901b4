package cn.talentportal.projections.search;

import cn.talentportal.domain.opening.OpeningDetails;
import java.time.Instant;
import java.util.List;

/** A published opening as the search index holds it. Openings hold no personal data. */
public record OpeningDocument(String openingId, String employerUnitId, String employerName, String title,
                              String description, String major, String sector, String county, String education,
                              List<String> categories, Integer salaryMin, Integer salaryMax, int headcount,
                              String deadline, String publishedAt) {

    /** Public for the job alerts, which percolate an opening as the index would hold it. */
    public static OpeningDocument of(String openingId, String employerUnitId, String employerName, OpeningDetails d,
                                     Instant publishedAt) {
        return new OpeningDocument(openingId, employerUnitId, employerName, d.title(), d.description(),
                d.majorRequired(), d.sector().name(), d.county(), d.educationRequired().name(),
                d.categories().stream().map(Enum::name).sorted().toList(), d.salaryMin(), d.salaryMax(),
                d.headcount(), d.applicationDeadline().toString(), publishedAt.toString());
    }
}
