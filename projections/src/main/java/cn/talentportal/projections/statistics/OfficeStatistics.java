package cn.talentportal.projections.statistics;

import cn.talentportal.domain.retention.AllowanceType;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.Sector;
import java.util.List;

/**
 * The office's figures: talent introduced (placed, by the year they started) per sector and year; of them,
 * graduates (graduated at most two years before) and returnees (who came from the returnee register), and who they
 * are by age band, education and hometown county; register entries converted into candidates per year; allowances
 * granted per type with their count and the sum of their monthly amounts; apartments occupied now.
 */
public record OfficeStatistics(Integer year, List<SectorYearCount> talentIntroduced, List<YearCount> graduatesPlaced,
                               List<YearCount> returneesPlaced, List<YearCount> registerConversions,
                               List<AllowanceTotal> allowancesGranted, int apartmentsOccupied,
                               List<AgeBandCount> placedByAge, List<EducationCount> placedByEducation,
                               List<HometownCount> placedByHometown) {

    public record AgeBandCount(AgeBand band, int count) {
    }

    public record EducationCount(Education education, int count) {
    }

    /** {@code county} is null for those who gave none. */
    public record HometownCount(String county, int count) {
    }

    public record SectorYearCount(Sector sector, int year, int count) {
    }

    public record YearCount(int year, int count) {
    }

    public record AllowanceTotal(AllowanceType type, int count, int monthlySum) {
    }

    public int introduced(Sector sector, int year) {
        return talentIntroduced.stream().filter(c -> c.sector() == sector && c.year() == year)
                .mapToInt(SectorYearCount::count).sum();
    }
}
