package cn.talentportal.projections.search;

import cn.talentportal.domain.shared.Sector;
import java.util.List;
import java.util.Map;

/** The openings search: a query, its result page, and the facets that narrow it. */
public final class SearchQueries {

    private SearchQueries() {
    }

    public static final int MAX_PAGE_SIZE = 50;
    public static final int MAX_TEXT_LENGTH = 100;
    /** How deep from/size paging reaches (the engines' default max_result_window); deeper needs search_after. */
    public static final int MAX_RESULT_WINDOW = 10_000;

    /** Blank text lists every published opening, newest first. Pages count from 0. */
    public record SearchOpenings(String text, Sector sector, String county, int page, int size) {

        public SearchOpenings {
            text = text == null ? "" : text.strip();
            if (text.length() > MAX_TEXT_LENGTH) {
                text = text.substring(0, MAX_TEXT_LENGTH);
            }
            size = Math.clamp(size, 1, MAX_PAGE_SIZE);
            page = Math.clamp(page, 0, MAX_RESULT_WINDOW / size - 1);
        }
    }

    /** Highlighted fields are HTML-escaped with the matches in {@code <em>}. */
    public record OpeningHit(String openingId, String title, String highlightedTitle, String highlightedSnippet,
                             String employerName, String sector, String county, String education,
                             List<String> categories, Integer salaryMin, Integer salaryMax, String deadline,
                             String publishedAt) {
    }

    /** {@code facets}: field name -> value -> number of matching openings. */
    public record OpeningSearchResult(long total, List<OpeningHit> hits, Map<String, Map<String, Long>> facets) {
    }
}
