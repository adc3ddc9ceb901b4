package cn.talentportal.domain.opening;

import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.Require;
import cn.talentportal.domain.shared.Sector;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The content of an opening as a recruiter wrote it. A draft may be incomplete; {@link #missingForPublication()}
 * names what publication still needs. Salaries are monthly yuan.
 */
public record OpeningDetails(String title, String description, Sector sector, String county,
                             Education educationRequired, String majorRequired, Integer salaryMin, Integer salaryMax,
                             int headcount, Set<TalentCategory> categories, LocalDate applicationDeadline) {

    public OpeningDetails {
        title = Require.text(title, "opening.title", 80);
        description = Require.optionalText(description, "opening.description", 5000);
        county = Require.optionalText(county, "opening.county", 50);
        majorRequired = Require.optionalText(majorRequired, "opening.major", 80);
        // a null among the categories names none (EnumSet would fail on it instead of refusing)
        Set<TalentCategory> named = categories == null ? Set.of()
                : categories.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        categories = named.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(named));
        if (salaryMin != null && salaryMin < 0 || salaryMax != null && salaryMax < 0) {
            throw new DomainRuleViolation("opening.salary.negative");
        }
        if (salaryMin != null && salaryMax != null && salaryMin > salaryMax) {
            throw new DomainRuleViolation("opening.salary.minAboveMax");
        }
        if (headcount < 0 || headcount > 1000) {
            throw new DomainRuleViolation("opening.headcount.outOfRange", 1000);
        }
    }

    /** Message keys of the fields a published opening must have, empty when it may be published. */
    public List<String> missingForPublication() {
        List<String> missing = new ArrayList<>();
        if (description == null) missing.add("opening.description");
        if (sector == null) missing.add("opening.sector");
        if (county == null) missing.add("opening.county");
        if (educationRequired == null) missing.add("opening.education");
        if (headcount < 1) missing.add("opening.headcount");
        if (applicationDeadline == null) missing.add("opening.deadline");
        return missing;
    }
}
