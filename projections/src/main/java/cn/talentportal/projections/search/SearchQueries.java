package cn.talentportal.projections.search;

import cn.talentportal.domain.employer.EmployerType;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.Sector;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The openings search: queries, their result pages, the facets that narrow them, suggestions, similar openings. */
public final class SearchQueries {

    private SearchQueries() {
    }

    public static final int MAX_PAGE_SIZE = 50;
    public static final int MAX_TEXT_LENGTH = 100;
    public static final int MAX_SUGGESTIONS = 10;
    /** How deep from/size paging reaches (the engines' default max_result_window); deeper needs the cursor. */
    public static final int MAX_RESULT_WINDOW = 10_000;

    /**
     * The first search of the portal, kept for callers that need no more: blank text lists every published opening,
     * newest first. Pages count from 0. Answered as the {@link FindOpenings} of {@link #toFindOpenings()}.
     */
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cntrl}");

    public record SearchOpenings(String text, Sector sector, String county, int page, int size) {

        public SearchOpenings {
            text = cleanText(text);
            size = Math.clamp(size, 1, MAX_PAGE_SIZE);
            page = Math.clamp(page, 0, MAX_RESULT_WINDOW / size - 1);
        }

        public FindOpenings toFindOpenings() {
            OpeningFilters filters = OpeningFilters.NONE
                    .withSectors(sector == null ? Set.of() : Set.of(sector))
                    .withCounties(county == null || county.isBlank() ? Set.of() : Set.of(county));
            return new FindOpenings(text, filters, null, null, null, page, size);
        }
    }

    /**
     * A full search. {@code sort} null means relevance when there is text or a hometown, else newest first.
     * {@code hometownCounty}: the town or county a signed-in returnee comes from; its openings rank higher.
     * {@code cursor}: the {@link OpeningSearchResult#nextCursor()} of the previous page (search_after); when given,
     * {@code page} is ignored and paging has no depth limit.
     */
    public record FindOpenings(String text, OpeningFilters filters, OpeningSort sort, String hometownCounty,
                               String cursor, int page, int size) {

        public FindOpenings {
            text = cleanText(text);
            filters = filters == null ? OpeningFilters.NONE : filters;
            hometownCounty = hometownCounty == null || hometownCounty.isBlank() ? null : hometownCounty.strip();
            cursor = cursor == null || cursor.isBlank() ? null : cursor.strip();
            size = Math.clamp(size, 1, MAX_PAGE_SIZE);
            page = Math.clamp(page, 0, MAX_RESULT_WINDOW / size - 1);
        }

        public static FindOpenings text(String text) {
            return new FindOpenings(text, OpeningFilters.NONE, null, null, null, 0, 20);
        }

        public FindOpenings withFilters(OpeningFilters newFilters) {
            return new FindOpenings(text, newFilters, sort, hometownCounty, cursor, page, size);
        }

        public FindOpenings withSort(OpeningSort newSort) {
            return new FindOpenings(text, filters, newSort, hometownCounty, cursor, page, size);
        }

        public FindOpenings withHometown(String county) {
            return new FindOpenings(text, filters, sort, county, cursor, page, size);
        }

        public FindOpenings after(String nextCursor) {
            return new FindOpenings(text, filters, sort, hometownCounty, nextCursor, 0, size);
        }

        public FindOpenings withSize(int newSize) {
            return new FindOpenings(text, filters, sort, hometownCounty, cursor, page, newSize);
        }

        /** The sort this query runs with. */
        public OpeningSort effectiveSort() {
            if (sort != null) {
                return sort;
            }
            return text.isEmpty() && hometownCounty == null ? OpeningSort.NEWEST : OpeningSort.RELEVANCE;
        }
    }

    public enum OpeningSort {
        RELEVANCE, NEWEST, SALARY
    }

    /**
     * Facet filters: values of one facet are alternatives (any of them), facets combine (all of them). Empty sets
     * and null bands do not filter.
     */
    public record OpeningFilters(Set<Sector> sectors, Set<String> counties, Set<EmployerType> employerTypes,
                                 Set<Education> educations, Set<TalentCategory> categories, SalaryBand salary,
                                 PostedWithin posted) {

        public static final OpeningFilters NONE =
                new OpeningFilters(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null);

        public OpeningFilters {
            sectors = copy(sectors);
            counties = copy(counties == null ? null : counties.stream().filter(c -> c != null && !c.isBlank())
                    .map(String::strip).collect(Collectors.toSet()));
            employerTypes = copy(employerTypes);
            educations = copy(educations);
            categories = copy(categories);
        }

        public OpeningFilters withSectors(Set<Sector> values) {
            return new OpeningFilters(values, counties, employerTypes, educations, categories, salary, posted);
        }

        public OpeningFilters withCounties(Set<String> values) {
            return new OpeningFilters(sectors, values, employerTypes, educations, categories, salary, posted);
        }

        public OpeningFilters withEmployerTypes(Set<EmployerType> values) {
            return new OpeningFilters(sectors, counties, values, educations, categories, salary, posted);
        }

        public OpeningFilters withEducations(Set<Education> values) {
            return new OpeningFilters(sectors, counties, employerTypes, values, categories, salary, posted);
        }

        public OpeningFilters withCategories(Set<TalentCategory> values) {
            return new OpeningFilters(sectors, counties, employerTypes, educations, values, salary, posted);
        }

        public OpeningFilters withSalary(SalaryBand band) {
            return new OpeningFilters(sectors, counties, employerTypes, educations, categories, band, posted);
        }

        public OpeningFilters withPosted(PostedWithin within) {
            return new OpeningFilters(sectors, counties, employerTypes, educations, categories, salary, within);
        }

        private static <T> Set<T> copy(Collection<T> values) {
            return values == null ? Set.of() : Set.copyOf(values);
        }
    }

    /** Monthly salary bands on the top of an opening's range (its maximum, else its minimum), in yuan. */
    public enum SalaryBand {
        UNDER_3000(null, 3000), FROM_3000(3000, 5000), FROM_5000(5000, 8000), FROM_8000(8000, 12000),
        FROM_12000(12000, null);

        public final Integer from;
        public final Integer to;

        SalaryBand(Integer from, Integer to) {
            this.from = from;
            this.to = to;
        }
    }

    /** How recently an opening was published (or resumed); bands include each other. */
    public enum PostedWithin {
        DAY(Duration.ofDays(1)), WEEK(Duration.ofDays(7)), MONTH(Duration.ofDays(30));

        public final Duration age;

        PostedWithin(Duration age) {
            this.age = age;
        }
    }

    /** Highlighted fields are HTML-escaped with the matches in {@code <em>}. */
    public record OpeningHit(String openingId, String title, String highlightedTitle, String highlightedSnippet,
                             String employerName, String employerType, String sector, String county,
                             String education, List<String> categories, Integer salaryMin, Integer salaryMax,
                             String deadline, String publishedAt) {
    }

    /**
     * {@code facets}: facet name ({@code sector, county, employerType, education, categories, salary, posted}) ->
     * value -> number of matching openings, counted with every filter but the facet's own (so its other values stay
     * selectable). {@code nextCursor}: pass it as {@link FindOpenings#cursor()} for the next page; null on the last.
     * {@code tookMillis}: the engine's own time for the search ({@code took} of its response), for monitoring and
     * the search benchmark (portal overhead = time through the query gateway / took).
     */
    public record OpeningSearchResult(long total, List<OpeningHit> hits, Map<String, Map<String, Long>> facets,
                                      String nextCursor, long tookMillis) {
    }

    /** Titles completing what the user has typed so far, each title once (with one of its openings). */
    public record SuggestOpenings(String prefix, int size) {

        public SuggestOpenings {
            prefix = cleanText(prefix);
            size = Math.clamp(size, 1, MAX_SUGGESTIONS);
        }
    }

    public record OpeningSuggestion(String openingId, String title) {
    }

    public record OpeningSuggestions(List<OpeningSuggestion> suggestions) {
    }

    /** Published openings like this one (more_like_this on its words), the opening itself excluded. */
    public record FindSimilarOpenings(String openingId, int size) {

        public FindSimilarOpenings {
            size = Math.clamp(size, 1, MAX_PAGE_SIZE);
        }
    }

    public record SimilarOpenings(List<OpeningHit> hits) {
    }

    /** The hometown a candidate gave in their latest profile, for the hometown boost; empty when none. */
    public record FindCandidateHometown(String candidateId) {
    }

    public record CandidateHometown(String county) {
    }

    /**
     * What a person typed, as the engine can take it: control characters (which the completion suggester reserves
     * as separators and refuses) become spaces, and the text is cut to {@value #MAX_TEXT_LENGTH} characters.
     */
    private static String cleanText(String text) {
        String cleaned = text == null ? "" : CONTROL_CHARACTERS.matcher(text).replaceAll(" ").strip();
        return cleaned.length() > MAX_TEXT_LENGTH ? cleaned.substring(0, MAX_TEXT_LENGTH) : cleaned;
    }
}
