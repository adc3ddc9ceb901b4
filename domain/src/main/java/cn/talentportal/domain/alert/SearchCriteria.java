package cn.talentportal.domain.alert;

import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Require;
import cn.talentportal.domain.shared.Sector;

/**
 * What a saved search looks for: the filters of the job search page (full text, sector, town/county). Kept in the
 * domain so an alert's history reads without the search module; the search module turns it into its query. A new
 * filter of the search page becomes a new nullable component here (older events then read it as absent).
 */
public record SearchCriteria(String text, Sector sector, String county) {

    /** The longest text the job search accepts. */
    public static final int MAX_TEXT_LENGTH = 100;

    public SearchCriteria {
        text = Require.optionalText(text, "alerts.criteria.text", MAX_TEXT_LENGTH);
        county = Require.optionalText(county, "alerts.criteria.county", 50);
        if (text == null && sector == null && county == null) {
            // it would match every opening: an alert for everything is the job list, not an alert
            throw new DomainRuleViolation("alerts.criteria.empty");
        }
    }
}
