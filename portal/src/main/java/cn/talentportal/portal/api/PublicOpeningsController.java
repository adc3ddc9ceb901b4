package cn.talentportal.portal.api;

import cn.talentportal.domain.shared.Sector;
import cn.talentportal.projections.search.SearchQueries;
import cn.talentportal.projections.search.SearchQueries.OpeningSearchResult;
import cn.talentportal.projections.search.SearchQueries.SearchOpenings;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only search of published openings for other platforms. No personal data is reachable here: the openings
 * index holds none.
 */
@RestController
@RequestMapping(path = "/api/public/openings", produces = "application/json")
public class PublicOpeningsController {

    private final QueryGateway queries;

    public PublicOpeningsController(QueryGateway queries) {
        this.queries = queries;
    }

    private static ResponseEntity<?> invalid() {
        return ResponseEntity.badRequest().body(Map.of("error", "invalid_parameter",
                "message", "sector must be one of " + Arrays.toString(Sector.values())
                        + "; page >= 0 and size 1-" + SearchQueries.MAX_PAGE_SIZE + " are whole numbers, and paging"
                        + " reaches at most the first " + SearchQueries.MAX_RESULT_WINDOW + " results"));
    }

    @GetMapping
    public ResponseEntity<?> search(@RequestParam(name = "q", defaultValue = "") String text,
                                    @RequestParam(required = false) String sector,
                                    @RequestParam(required = false) String county,
                                    @RequestParam(defaultValue = "0") String page,
                                    @RequestParam(defaultValue = "20") String size) {
        Sector sectorFilter;
        int pageNumber;
        int pageSize;
        try {
            sectorFilter = sector == null || sector.isBlank() ? null : Sector.valueOf(sector.strip().toUpperCase(Locale.ROOT));
            pageNumber = Integer.parseInt(page.strip());
            pageSize = Integer.parseInt(size.strip());
        } catch (IllegalArgumentException e) {
            return invalid();
        }
        if (pageNumber < 0 || pageSize < 1 || pageSize > SearchQueries.MAX_PAGE_SIZE
                || (long) (pageNumber + 1) * pageSize > SearchQueries.MAX_RESULT_WINDOW) {
            return invalid();
        }
        try {
            OpeningSearchResult result = queries.query(
                    new SearchOpenings(text, sectorFilter, county, pageNumber, pageSize),
                    OpeningSearchResult.class).join();
            return ResponseEntity.ok(result);
        } catch (CompletionException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Map.of("error", "search_unavailable", "message", "search is temporarily unavailable"));
        }
    }
}
