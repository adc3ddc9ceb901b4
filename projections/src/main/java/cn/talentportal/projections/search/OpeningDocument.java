package cn.talentportal.projections.search;

import cn.talentportal.domain.employer.EmployerType;
import cn.talentportal.domain.opening.OpeningDetails;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A published opening as the search index (mapping v2) holds it. Openings hold no personal data.
 * {@code salaryTop}: the top of the salary range (maximum, else minimum), what salary sort and bands use.
 * {@code suggest}: completion inputs (see {@link #suggestInputs}).
 */
public record OpeningDocument(String openingId, String employerUnitId, String employerType, String employerName,
                              String title, String description, String major, String sector, String county,
                              String education, List<String> categories, Integer salaryMin, Integer salaryMax,
                              Integer salaryTop, int headcount, String deadline, String publishedAt,
                              List<String> suggest) {

    /** Shortest tail of a title offered to the completion suggester: one Chinese character suggests too much. */
    static final int MIN_SUGGEST_INPUT = 2;

    /** Public for the job alerts, which percolate an opening as the index holds it. */
    public static OpeningDocument of(String openingId, String employerUnitId, EmployerType employerType,
                              String employerName,
                              OpeningDetails d, Instant publishedAt) {
        Integer top = d.salaryMax() != null ? d.salaryMax() : d.salaryMin();
        return new OpeningDocument(openingId, employerUnitId, employerType == null ? null : employerType.name(),
                employerName, d.title(), d.description(), d.majorRequired(), d.sector().name(), d.county(),
                d.educationRequired().name(), d.categories().stream().map(Enum::name).sorted().toList(),
                d.salaryMin(), d.salaryMax(), top, d.headcount(), d.applicationDeadline().toString(),
                publishedAt.toString(), suggestInputs(d.title(), employerName));
    }

    /**
     * The completion suggester matches prefixes of whole inputs, and Chinese titles put the key word last
     * (急需<b>护士</b>, 高中数学<b>教师</b>): every tail of the title is an input, so typing 护士 or 数学 suggests them.
     * The employer's name completes too. Titles are at most 80 characters, so at most 80 short inputs.
     */
    static List<String> suggestInputs(String title, String employerName) {
        Set<String> inputs = new LinkedHashSet<>();
        String compact = title.strip();
        for (int start = 0; start <= compact.length() - MIN_SUGGEST_INPUT; start = compact.offsetByCodePoints(start, 1)) {
            if (!Character.isWhitespace(compact.codePointAt(start))) {
                inputs.add(compact.substring(start));
            }
        }
        if (inputs.isEmpty()) {
            inputs.add(compact);
        }
        if (employerName != null && !employerName.isBlank()) {
            inputs.add(employerName.strip());
        }
        return new ArrayList<>(inputs);
    }
}
