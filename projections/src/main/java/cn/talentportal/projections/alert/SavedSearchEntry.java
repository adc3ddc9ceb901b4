package cn.talentportal.projections.alert;

import cn.talentportal.domain.alert.SearchCriteria;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.projections.search.OpeningSearchQueries;
import cn.talentportal.projections.search.SearchQueries.SearchOpenings;
import java.time.Instant;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

/**
 * A saved search as the percolator index stores it next to its query: who saved it and its criteria, so the
 * query can be built again when the openings mapping or the search's query changes.
 */
public record SavedSearchEntry(String candidateId, String savedSearchId, String name, String text, String sector,
                               String county) {

    static SavedSearchEntry of(String candidateId, String savedSearchId, String name, SearchCriteria criteria) {
        return new SavedSearchEntry(candidateId, savedSearchId, name, criteria.text(),
                criteria.sector() == null ? null : criteria.sector().name(), criteria.county());
    }

    public SearchCriteria criteria() {
        return new SearchCriteria(text, sector == null ? null : Sector.valueOf(sector), county);
    }

    /** The job search's own query for these criteria, so an alert finds what the search page would find. */
    Query query() {
        SearchCriteria criteria = criteria();
        // a saved search has no posted-date filter, so the instant the filters are judged at does not matter
        return OpeningSearchQueries.matching(new SearchOpenings(criteria.text(), criteria.sector(), criteria.county(),
                0, 1).toFindOpenings(), Instant.now());
    }
}
