package cn.talentportal.projections.statistics;

import cn.talentportal.domain.candidate.CandidateEvents.CandidatePlaced;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateProfileUpdated;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.outreach.ReturneeRegisterEvents.ReturneeConvertedToCandidate;
import cn.talentportal.domain.retention.AllowanceType;
import cn.talentportal.domain.retention.RetentionEvents.AllowanceGranted;
import cn.talentportal.domain.retention.RetentionEvents.ApartmentAllocated;
import cn.talentportal.domain.retention.RetentionEvents.ApartmentVacated;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.projections.shared.BatchedWrites;
import cn.talentportal.projections.statistics.OfficeStatistics.AgeBandCount;
import cn.talentportal.projections.statistics.OfficeStatistics.AllowanceTotal;
import cn.talentportal.projections.statistics.OfficeStatistics.EducationCount;
import cn.talentportal.projections.statistics.OfficeStatistics.HometownCount;
import cn.talentportal.projections.statistics.OfficeStatistics.SectorYearCount;
import cn.talentportal.projections.statistics.OfficeStatistics.YearCount;
import cn.talentportal.projections.statistics.StatisticsQueries.FindOfficeStatistics;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import cn.talentportal.projections.shared.RebuildableReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import static cn.talentportal.projections.shared.MongoDocuments.enumValue;
import static cn.talentportal.projections.shared.MongoDocuments.isoDate;
import static cn.talentportal.projections.shared.MongoDocuments.localDate;
import static cn.talentportal.projections.shared.MongoDocuments.name;

/**
 * The facts behind the office's reports, one document per fact keyed by its natural id (a placement by its
 * application, a grant by case, type and first month, an apartment by its case, a conversion by its register
 * entry): a replayed event rewrites the same document, so nothing is counted twice. Counts and sums are taken when
 * queried. Candidates are kept only as what statistics may keep after an erasure (decision 0035): channel,
 * graduation year, birth year, education and hometown county.
 */
@Component
@RebuildableReadModel
@ProcessingGroup("office-statistics")
public class OfficeStatisticsProjection {

    public static final String CANDIDATES = "stats_candidates";
    public static final String PLACEMENTS = "stats_placements";
    public static final String CONVERSIONS = "stats_returnee_conversions";
    public static final String ALLOWANCES = "stats_allowances";
    public static final String APARTMENTS = "stats_apartments";
    /** A graduate of this many years before the year of placement still counts as a graduate (离校两年内). */
    static final int GRADUATE_YEARS = 2;
    private static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Shanghai");
    /** Groups those who gave no hometown while counting; no county can be named with an empty text. */
    private static final String UNKNOWN_HOMETOWN = "";
    /** Most placed first, alphabetically among equals, those who gave no hometown last. */
    private static final Comparator<Map.Entry<String, Integer>> HOMETOWNS_IN_REPORT_ORDER =
            Comparator.comparing((Map.Entry<String, Integer> county) -> county.getKey().equals(UNKNOWN_HOMETOWN))
                    .thenComparing(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .thenComparing(Map.Entry.comparingByKey());

    private final MongoCollection<Document> candidates;
    private final MongoCollection<Document> placements;
    private final MongoCollection<Document> conversions;
    private final MongoCollection<Document> allowances;
    private final MongoCollection<Document> apartments;

    public OfficeStatisticsProjection(MongoDatabase database) {
        this.candidates = database.getCollection(CANDIDATES);
        this.placements = database.getCollection(PLACEMENTS);
        this.conversions = database.getCollection(CONVERSIONS);
        this.allowances = database.getCollection(ALLOWANCES);
        this.apartments = database.getCollection(APARTMENTS);
    }

    /** Before a rebuild replays the whole store: this read model starts empty (its indexes stay). */
    @ResetHandler
    void clearForRebuild() {
        candidates.deleteMany(new Document());
        placements.deleteMany(new Document());
        conversions.deleteMany(new Document());
        allowances.deleteMany(new Document());
        apartments.deleteMany(new Document());
    }

    @EventHandler
    void on(CandidateRegistered event) {
        BatchedWrites.upsert(candidates, event.candidateId(), Updates.combine(
                Updates.set("source", event.channel().source().name()),
                Updates.set("birthYear", birthYear(event)),
                profile(event.profile())));
    }

    @EventHandler
    void on(CandidateProfileUpdated event) {
        BatchedWrites.upsert(candidates, event.candidateId(), profile(event.profile()));
    }

    /** Registrations before revision 4 have the birth year only in the ID number, while that can be read. */
    private static Integer birthYear(CandidateRegistered event) {
        if (event.birthYear() != null) {
            return event.birthYear();
        }
        return event.idNumber() == null ? null : event.idNumber().birthYear();
    }

    private static Bson profile(CandidateProfile profile) {
        return Updates.combine(
                Updates.set("graduationYear", profile == null ? null : profile.graduationYear()),
                Updates.set("education", profile == null ? null : name(profile.education())),
                Updates.set("hometownCounty", profile == null ? null : profile.hometownCounty()));
    }

    @EventHandler
    void on(CandidatePlaced event) {
        BatchedWrites.upsert(placements, event.applicationId(), Updates.combine(
                Updates.set("candidateId", event.candidateId()),
                Updates.set("sector", event.sector().name()),
                Updates.set("startDate", isoDate(event.startDate()))));
    }

    @EventHandler
    void on(ReturneeConvertedToCandidate event, @Timestamp Instant at) {
        BatchedWrites.upsert(conversions, event.entryId(), Updates.combine(
                Updates.set("candidateId", event.candidateId()),
                Updates.set("on", isoDate(LocalDate.ofInstant(at, OFFICE_ZONE)))));
    }

    /** Grants of one type to one case never overlap, so case, type and first month name a grant. */
    @EventHandler
    void on(AllowanceGranted event) {
        BatchedWrites.upsert(allowances, event.caseId() + "/" + event.type() + "/" + event.from(), Updates.combine(
                Updates.set("type", event.type().name()),
                Updates.set("monthlyAmount", event.monthlyAmount()),
                Updates.set("from", event.from().toString()),
                Updates.set("until", event.until() == null ? null : event.until().toString())));
    }

    /** A case holds at most one apartment at a time. */
    @EventHandler
    void on(ApartmentAllocated event) {
        BatchedWrites.upsert(apartments, event.caseId(), Updates.combine(Updates.set("occupied", true),
                Updates.set("moveIn", isoDate(event.moveIn()))));
    }

    @EventHandler
    void on(ApartmentVacated event) {
        BatchedWrites.upsert(apartments, event.caseId(), Updates.set("occupied", false));
    }

    /** All years, or one year when {@code year} is given (the year a talent started, a grant began, ...). */
    @QueryHandler
    public OfficeStatistics handle(FindOfficeStatistics query) {
        Predicate<Integer> inYear = year -> query.year() == null || query.year().equals(year);
        List<Document> placed = placements.find().into(new ArrayList<>()).stream()
                .filter(p -> inYear.test(localDate(p, "startDate").getYear()))
                .toList();
        Map<String, Document> placedCandidates = candidates.find(Filters.in("_id",
                        placed.stream().map(p -> p.getString("candidateId")).distinct().toList()))
                .into(new ArrayList<>()).stream()
                .collect(Collectors.toMap(d -> d.getString("_id"), d -> d));

        Map<SectorYearCount, Integer> introduced = new TreeMap<>(Comparator.comparing(SectorYearCount::year)
                .thenComparing(SectorYearCount::sector));
        Map<Integer, Integer> graduates = new TreeMap<>();
        Map<Integer, Integer> returnees = new TreeMap<>();
        Map<AgeBand, Integer> byAge = new EnumMap<>(AgeBand.class);
        Map<Education, Integer> byEducation = new EnumMap<>(Education.class);
        Map<String, Integer> byHometown = new HashMap<>();
        for (Document placement : placed) {
            int year = localDate(placement, "startDate").getYear();
            introduced.merge(new SectorYearCount(enumValue(Sector.class, placement, "sector"), year, 0), 1,
                    Integer::sum);
            Document candidate = placedCandidates.get(placement.getString("candidateId"));
            if (candidate == null) {
                byAge.merge(AgeBand.UNKNOWN, 1, Integer::sum);
                byHometown.merge(UNKNOWN_HOMETOWN, 1, Integer::sum);
                continue;
            }
            byAge.merge(AgeBand.of(candidate.getInteger("birthYear"), year), 1, Integer::sum);
            Education education = enumValue(Education.class, candidate, "education");
            if (education != null) {
                byEducation.merge(education, 1, Integer::sum);
            }
            String hometown = candidate.getString("hometownCounty");
            byHometown.merge(hometown == null ? UNKNOWN_HOMETOWN : hometown, 1, Integer::sum);
            Integer graduationYear = candidate.getInteger("graduationYear");
            if (graduationYear != null && graduationYear >= year - GRADUATE_YEARS) {
                graduates.merge(year, 1, Integer::sum);
            }
            if (CandidateSource.RETURNEE_REGISTER.name().equals(candidate.getString("source"))) {
                returnees.merge(year, 1, Integer::sum);
            }
        }
        Map<Integer, Integer> converted = new TreeMap<>();
        conversions.find().forEach(c -> {
            int year = localDate(c, "on").getYear();
            if (inYear.test(year)) {
                converted.merge(year, 1, Integer::sum);
            }
        });
        Map<AllowanceType, int[]> granted = new TreeMap<>();
        allowances.find().forEach(a -> {
            if (inYear.test(Integer.parseInt(a.getString("from").substring(0, 4)))) {
                int[] countAndSum = granted.computeIfAbsent(enumValue(AllowanceType.class, a, "type"),
                        t -> new int[2]);
                countAndSum[0]++;
                countAndSum[1] += a.getInteger("monthlyAmount", 0);
            }
        });
        long occupied = apartments.countDocuments(Filters.eq("occupied", true));
        return new OfficeStatistics(query.year(),
                introduced.entrySet().stream()
                        .map(e -> new SectorYearCount(e.getKey().sector(), e.getKey().year(), e.getValue())).toList(),
                years(graduates), years(returnees), years(converted),
                granted.entrySet().stream()
                        .map(e -> new AllowanceTotal(e.getKey(), e.getValue()[0], e.getValue()[1])).toList(),
                (int) occupied,
                byAge.entrySet().stream().map(e -> new AgeBandCount(e.getKey(), e.getValue())).toList(),
                byEducation.entrySet().stream().map(e -> new EducationCount(e.getKey(), e.getValue())).toList(),
                byHometown.entrySet().stream()
                        .sorted(HOMETOWNS_IN_REPORT_ORDER)
                        .map(e -> new HometownCount(UNKNOWN_HOMETOWN.equals(e.getKey()) ? null : e.getKey(),
                                e.getValue()))
                        .toList());
    }

    private static List<YearCount> years(Map<Integer, Integer> counts) {
        return counts.entrySet().stream().map(e -> new YearCount(e.getKey(), e.getValue())).toList();
    }
}
