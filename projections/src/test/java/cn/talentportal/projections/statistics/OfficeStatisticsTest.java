package cn.talentportal.projections.statistics;

import cn.talentportal.domain.candidate.CandidateEvents.CandidatePlaced;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateProfileUpdated;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.outreach.ReturneeRegisterEvents.ReturneeConvertedToCandidate;
import cn.talentportal.domain.retention.AllowanceType;
import cn.talentportal.domain.retention.RetentionEvents.AllowanceGranted;
import cn.talentportal.domain.retention.RetentionEvents.ApartmentAllocated;
import cn.talentportal.domain.retention.RetentionEvents.ApartmentVacated;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.projections.statistics.OfficeStatistics.AgeBandCount;
import cn.talentportal.projections.statistics.OfficeStatistics.AllowanceTotal;
import cn.talentportal.projections.statistics.OfficeStatistics.EducationCount;
import cn.talentportal.projections.statistics.OfficeStatistics.HometownCount;
import cn.talentportal.projections.statistics.OfficeStatistics.YearCount;
import cn.talentportal.projections.statistics.StatisticsQueries.FindOfficeStatistics;
import cn.talentportal.projections.testing.Collections;
import cn.talentportal.projections.testing.InMemoryMongo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

class OfficeStatisticsTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final OfficeStatisticsProjection projection = new OfficeStatisticsProjection(mongo.database);
    private final List<Runnable> history = new ArrayList<>();

    @AfterEach
    void close() {
        mongo.close();
    }

    private void happen(Runnable event) {
        event.run();
        history.add(event);
    }

    private void candidate(String id, CandidateSource source, Integer graduationYear) {
        happen(() -> projection.on(new CandidateRegistered(id, id, null, null, null,
                new CandidateProfile(Education.BACHELOR, null, null, graduationYear, null, null, null),
                new RegistrationChannel(source, null, null),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL))));
    }

    private void placed(String id, Sector sector, LocalDate start) {
        happen(() -> projection.on(new CandidatePlaced(id, id, "a-" + id, "o1", "岗位", "u1", "单位", sector, "城关镇",
                "岗位", start, start.minusDays(10))));
    }

    @Test
    void the_reports_count_each_fact_once_by_sector_year_and_kind() {
        candidate("grad", CandidateSource.CAMPUS_DRIVE, 2026);
        candidate("old", CandidateSource.SELF_REGISTRATION, 2015);
        candidate("back", CandidateSource.RETURNEE_REGISTER, 2010);
        candidate("late", CandidateSource.SELF_REGISTRATION, 2010);
        happen(() -> projection.on(new CandidateProfileUpdated("late", "late",
                new CandidateProfile(Education.MASTER, null, null, 2025, null, null, null))));
        placed("grad", Sector.EDUCATION, LocalDate.of(2026, 9, 1));
        placed("old", Sector.EDUCATION, LocalDate.of(2026, 10, 1));
        placed("back", Sector.HEALTH, LocalDate.of(2027, 3, 1));
        placed("late", Sector.HEALTH, LocalDate.of(2027, 3, 1));
        happen(() -> projection.on(new ReturneeConvertedToCandidate("e1", "back", "back"),
                Instant.parse("2026-12-31T17:00:00Z"))); // already 2027 in the office's time zone
        happen(() -> projection.on(new AllowanceGranted("k1", "grad", "grad", null, AllowanceType.LIVING, 1200,
                YearMonth.of(2026, 9), YearMonth.of(2028, 8), "p1", "办法", 1, 1500)));
        happen(() -> projection.on(new AllowanceGranted("k2", "back", "back", null, AllowanceType.LIVING, 1500,
                YearMonth.of(2027, 3), YearMonth.of(2029, 2), "p1", "办法", 1, 1500)));
        happen(() -> projection.on(new AllowanceGranted("k2", "back", "back", null, AllowanceType.HOUSING, 800,
                YearMonth.of(2027, 3), YearMonth.of(2029, 2), "p1", "办法", 1, 800)));
        happen(() -> projection.on(new ApartmentAllocated("k1", "grad", "grad", null, "3-201", LocalDate.of(2026, 9, 1))));
        happen(() -> projection.on(new ApartmentAllocated("k2", "back", "back", null, "3-202", LocalDate.of(2027, 3, 1))));
        happen(() -> projection.on(new ApartmentVacated("k1", "grad", "grad", "3-201", LocalDate.of(2027, 1, 1))));

        OfficeStatistics all = projection.handle(new FindOfficeStatistics(null));
        assertThat(all.introduced(Sector.EDUCATION, 2026)).isEqualTo(2);
        assertThat(all.introduced(Sector.HEALTH, 2027)).isEqualTo(2);
        assertThat(all.graduatesPlaced()).containsExactly(new YearCount(2026, 1), new YearCount(2027, 1));
        assertThat(all.returneesPlaced()).containsExactly(new YearCount(2027, 1));
        assertThat(all.registerConversions()).containsExactly(new YearCount(2027, 1));
        assertThat(all.allowancesGranted()).containsExactly(new AllowanceTotal(AllowanceType.LIVING, 2, 2700),
                new AllowanceTotal(AllowanceType.HOUSING, 1, 800));
        assertThat(all.apartmentsOccupied()).isEqualTo(1);

        OfficeStatistics of2026 = projection.handle(new FindOfficeStatistics(2026));
        assertThat(of2026.talentIntroduced()).hasSize(1);
        assertThat(of2026.introduced(Sector.EDUCATION, 2026)).isEqualTo(2);
        assertThat(of2026.allowancesGranted()).containsExactly(new AllowanceTotal(AllowanceType.LIVING, 1, 1200));
        assertThat(of2026.registerConversions()).isEmpty();

        String[] collections = {OfficeStatisticsProjection.CANDIDATES, OfficeStatisticsProjection.PLACEMENTS,
                OfficeStatisticsProjection.CONVERSIONS, OfficeStatisticsProjection.ALLOWANCES,
                OfficeStatisticsProjection.APARTMENTS};
        var before = Collections.snapshot(mongo.database, collections);
        history.forEach(Runnable::run);
        assertThat(Collections.snapshot(mongo.database, collections)).isEqualTo(before);
    }

    @Test
    void those_placed_are_counted_by_age_band_education_and_hometown_from_what_an_erasure_leaves() {
        // registered with an ID number whose key was since deleted: only the plain birth year is left
        happen(() -> projection.on(new CandidateRegistered("young", "young", null, null, null,
                new CandidateProfile(Education.BACHELOR, null, null, 2026, "城关镇", null, null),
                new RegistrationChannel(CandidateSource.CAMPUS_DRIVE, null, null),
                RegistrationConsent.given("2026-11", DATA_USE), 2003)));
        happen(() -> projection.on(new CandidateRegistered("mid", "mid", null, null, null,
                new CandidateProfile(Education.MASTER, null, null, 2020, "清溪镇", null, null),
                new RegistrationChannel(CandidateSource.RETURNEE_REGISTER, null, null),
                RegistrationConsent.given("2026-11", DATA_USE), 1992)));
        // before revision 4 the birth year was only in the ID number
        happen(() -> projection.on(new CandidateRegistered("older", "older", null, null,
                new cn.talentportal.domain.shared.IdNumber("510123198501011231"),
                new CandidateProfile(Education.MASTER, null, null, 2010, "城关镇", null, null),
                new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                RegistrationConsent.given("2026-11", DATA_USE), null)));
        candidate("unknown", CandidateSource.SELF_REGISTRATION, 2024);
        placed("young", Sector.EDUCATION, LocalDate.of(2026, 9, 1));
        placed("mid", Sector.HEALTH, LocalDate.of(2026, 9, 1));
        placed("older", Sector.FORESTRY, LocalDate.of(2026, 9, 1));
        placed("unknown", Sector.AGRICULTURE, LocalDate.of(2027, 2, 1));

        OfficeStatistics all = projection.handle(new FindOfficeStatistics(null));
        assertThat(all.placedByAge()).containsExactly(new AgeBandCount(AgeBand.UNDER_25, 1),
                new AgeBandCount(AgeBand.FROM_30_TO_34, 1), new AgeBandCount(AgeBand.FROM_40, 1),
                new AgeBandCount(AgeBand.UNKNOWN, 1));
        assertThat(all.placedByEducation()).containsExactly(new EducationCount(Education.BACHELOR, 2),
                new EducationCount(Education.MASTER, 2));
        assertThat(all.placedByHometown()).containsExactly(new HometownCount("城关镇", 2),
                new HometownCount("清溪镇", 1), new HometownCount(null, 1));
        assertThat(projection.handle(new FindOfficeStatistics(2027)).placedByAge())
                .containsExactly(new AgeBandCount(AgeBand.UNKNOWN, 1));
    }

    @Test
    void an_age_band_is_the_age_reached_in_the_year_of_starting() {
        assertThat(AgeBand.of(2001, 2026)).isEqualTo(AgeBand.FROM_25_TO_29);
        assertThat(AgeBand.of(2002, 2026)).isEqualTo(AgeBand.UNDER_25);
        assertThat(AgeBand.of(1992, 2026)).isEqualTo(AgeBand.FROM_30_TO_34);
        assertThat(AgeBand.of(1991, 2026)).isEqualTo(AgeBand.FROM_35_TO_39);
        assertThat(AgeBand.of(1987, 2026)).isEqualTo(AgeBand.FROM_35_TO_39);
        assertThat(AgeBand.of(1986, 2026)).isEqualTo(AgeBand.FROM_40);
        assertThat(AgeBand.of(null, 2026)).isEqualTo(AgeBand.UNKNOWN);
    }
}
