package cn.talentportal.portal.api;

import cn.talentportal.domain.employer.EmployerType;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.portal.i18n.TranslationProvider;
import cn.talentportal.projections.search.SearchCursor;
import cn.talentportal.projections.search.SearchQueries;
import cn.talentportal.projections.search.SearchQueries.FindOpenings;
import cn.talentportal.projections.search.SearchQueries.FindSimilarOpenings;
import cn.talentportal.projections.search.SearchQueries.OpeningFilters;
import cn.talentportal.projections.search.SearchQueries.OpeningSearchResult;
import cn.talentportal.projections.search.SearchQueries.OpeningSort;
import cn.talentportal.projections.search.SearchQueries.OpeningSuggestions;
import cn.talentportal.projections.search.SearchQueries.PostedWithin;
import cn.talentportal.projections.search.SearchQueries.SalaryBand;
import cn.talentportal.projections.search.SearchQueries.SimilarOpenings;
import cn.talentportal.projections.search.SearchQueries.SuggestOpenings;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only search of published openings for other platforms (documented in the README). No personal data is
 * reachable here: the openings index holds none. A bad parameter answers 400; the search engine being down answers
 * 503 with a message in the caller's language (Accept-Language, Chinese by default).
 */
@RestController
@RequestMapping(path = "/api/public/openings", produces = "application/json")
public class PublicOpeningsController {

    private final QueryGateway queries;
    private final TranslationProvider translations;

    public PublicOpeningsController(QueryGateway queries, TranslationProvider translations) {
        this.queries = queries;
        this.translations = translations;
    }

    /** A parameter the API cannot read; answered as 400. */
    static final class InvalidParameter extends RuntimeException {
        InvalidParameter(String message) {
            super(message);
        }
    }

    @GetMapping
    public ResponseEntity<?> search(@RequestParam(name = "q", defaultValue = "") String text,
                                    @RequestParam(required = false) List<String> sector,
                                    @RequestParam(required = false) List<String> county,
                                    @RequestParam(required = false) List<String> employerType,
                                    @RequestParam(required = false) List<String> education,
                                    @RequestParam(required = false) List<String> category,
                                    @RequestParam(required = false) String salary,
                                    @RequestParam(required = false) String posted,
                                    @RequestParam(required = false) String sort,
                                    @RequestParam(required = false) String hometown,
                                    @RequestParam(required = false) String cursor,
                                    @RequestParam(defaultValue = "0") String page,
                                    @RequestParam(defaultValue = "20") String size,
                                    @RequestHeader(name = "Accept-Language", required = false) String language) {
        int pageNumber = number(page, "page");
        int pageSize = number(size, "size");
        if (pageNumber < 0 || pageSize < 1 || pageSize > SearchQueries.MAX_PAGE_SIZE
                || (cursor == null && (long) (pageNumber + 1) * pageSize > SearchQueries.MAX_RESULT_WINDOW)) {
            throw new InvalidParameter("page >= 0 and size 1-" + SearchQueries.MAX_PAGE_SIZE
                    + " are whole numbers, and page/size reach at most the first " + SearchQueries.MAX_RESULT_WINDOW
                    + " results (use cursor beyond)");
        }
        OpeningFilters filters = OpeningFilters.NONE
                .withSectors(values(sector, "sector", Sector.class))
                .withCounties(county == null ? Set.of() : split(county).collect(Collectors.toSet()))
                .withEmployerTypes(values(employerType, "employerType", EmployerType.class))
                .withEducations(values(education, "education", Education.class))
                .withCategories(values(category, "category", TalentCategory.class))
                .withSalary(value(salary, "salary", SalaryBand.class))
                .withPosted(value(posted, "posted", PostedWithin.class));
        FindOpenings query = new FindOpenings(text, filters, value(sort, "sort", OpeningSort.class), hometown,
                cursor, pageNumber, pageSize);
        if (query.cursor() != null && !SearchCursor.isValid(query.cursor(), query.effectiveSort())) {
            throw new InvalidParameter("cursor must be the nextCursor of a previous answer with the same sort");
        }
        return answer(queries.query(query, OpeningSearchResult.class), language);
    }

    @GetMapping("/suggestions")
    public ResponseEntity<?> suggestions(@RequestParam(name = "q", defaultValue = "") String prefix,
                                         @RequestParam(defaultValue = "6") String size,
                                         @RequestHeader(name = "Accept-Language", required = false) String language) {
        return answer(queries.query(new SuggestOpenings(prefix, number(size, "size")), OpeningSuggestions.class),
                language);
    }

    @GetMapping("/{openingId}/similar")
    public ResponseEntity<?> similar(@PathVariable String openingId,
                                     @RequestParam(defaultValue = "5") String size,
                                     @RequestHeader(name = "Accept-Language", required = false) String language) {
        return answer(queries.query(new FindSimilarOpenings(openingId, number(size, "size")), SimilarOpenings.class),
                language);
    }

    @ExceptionHandler(InvalidParameter.class)
    ResponseEntity<?> invalid(InvalidParameter e) {
        return ResponseEntity.badRequest().body(Map.of("error", "invalid_parameter", "message", e.getMessage()));
    }

    private <T> ResponseEntity<?> answer(CompletableFuture<T> result, String language) {
        try {
            return ResponseEntity.ok(result.join());
        } catch (CompletionException e) {
            Locale locale = language != null && language.toLowerCase(Locale.ROOT).startsWith("en")
                    ? TranslationProvider.ENGLISH : TranslationProvider.CHINESE;
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Map.of("error", "search_unavailable",
                            "message", translations.getTranslation("search.unavailable", locale)));
        }
    }

    private static int number(String value, String name) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameter(name + " must be a whole number");
        }
    }

    /** Repeated parameters or comma-separated values, any case. */
    private static <E extends Enum<E>> Set<E> values(List<String> raw, String name, Class<E> type) {
        if (raw == null) {
            return Set.of();
        }
        return split(raw).map(v -> parse(v, name, type)).collect(Collectors.toSet());
    }

    private static <E extends Enum<E>> E value(String raw, String name, Class<E> type) {
        return raw == null || raw.isBlank() ? null : parse(raw.strip(), name, type);
    }

    private static <E extends Enum<E>> E parse(String value, String name, Class<E> type) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(name + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static java.util.stream.Stream<String> split(List<String> raw) {
        return raw.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(v -> !v.isEmpty());
    }
}
