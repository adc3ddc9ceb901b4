package cn.talentportal.projections.statistics;

import cn.talentportal.domain.candidate.CandidateEvents.ApplicationSubmitted;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateEvents.ContractSigned;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.interview.InterviewEvents.InterviewHeld;
import cn.talentportal.domain.retention.RetentionEvents.RetentionCaseOpened;
import cn.talentportal.domain.retention.RetentionEvents.RetentionMilestoneReached;
import cn.talentportal.domain.retention.RetentionEvents.TalentDeparted;
import cn.talentportal.projections.shared.BatchedWrites;
import cn.talentportal.projections.shared.RebuildableReadModel;
import cn.talentportal.projections.statistics.FunnelQueries.FindFunnelBySource;
import cn.talentportal.projections.statistics.FunnelQueries.FindRetentionByCohort;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import static cn.talentportal.projections.shared.MongoDocuments.enumValue;
import static cn.talentportal.projections.shared.MongoDocuments.isoDate;
import static cn.talentportal.projections.shared.MongoDocuments.localDate;

/**
 * The funnel of every channel (not only drives, which {@code DriveConversionProjection} follows one by one) and the
 * retention of each cohort of placements. One document of flags per candidate (source, applied, interviewed,
 * signed, in post at one year) and one per retention case (start, milestones reached as a set, departure): every
 * write is a $set or $addToSet, so a replay changes nothing twice; counts are taken when queried. No personal data.
 */
@Component
@RebuildableReadModel
@ProcessingGroup("journey-funnel")
public class JourneyFunnelProjection {

    public static final String JOURNEYS = "stats_journeys";
    public static final String COHORTS = "stats_cohorts";
    public static final List<Integer> ANNIVERSARIES = List.of(1, 3, 5);

    private final MongoCollection<Document> journeys;
    private final MongoCollection<Document> cohorts;

    public JourneyFunnelProjection(MongoDatabase database) {
        this.journeys = database.getCollection(JOURNEYS);
        this.cohorts = database.getCollection(COHORTS);
    }

    /** Before a rebuild replays the whole store: this read model starts empty. */
    @ResetHandler
    void clearForRebuild() {
        journeys.deleteMany(new Document());
        cohorts.deleteMany(new Document());
    }

    @EventHandler
    void on(CandidateRegistered event) {
        CandidateSource source = event.channel() == null ? CandidateSource.SELF_REGISTRATION
                : event.channel().source();
        BatchedWrites.upsert(journeys, event.candidateId(), Updates.set("source", source.name()));
    }

    // The steps below name only the candidate; they set a flag on the candidate's document, which exists: the
    // candidate registered before acting.

    @EventHandler
    void on(ApplicationSubmitted event) {
        flag(event.candidateId(), "applied");
    }

    @EventHandler
    void on(InterviewHeld event) {
        flag(event.candidateId(), "interviewed");
    }

    @EventHandler
    void on(ContractSigned event) {
        flag(event.candidateId(), "signed");
    }

    @EventHandler
    void on(RetentionCaseOpened event) {
        BatchedWrites.upsert(cohorts, event.caseId(), Updates.set("startDate", isoDate(event.startDate())));
    }

    @EventHandler
    void on(RetentionMilestoneReached event) {
        BatchedWrites.upsert(cohorts, event.caseId(), Updates.addToSet("milestones", event.years()));
        if (event.years() == 1) {
            flag(event.candidateId(), "inPostAtOneYear");
        }
    }

    @EventHandler
    void on(TalentDeparted event) {
        BatchedWrites.upsert(cohorts, event.caseId(), Updates.set("departedOn", isoDate(event.departedOn())));
    }

    private void flag(String candidateId, String step) {
        BatchedWrites.update(journeys, Filters.eq("_id", candidateId), Updates.set(step, true));
    }

    @QueryHandler
    public List<SourceFunnel> handle(FindFunnelBySource query) {
        Map<CandidateSource, int[]> counts = new EnumMap<>(CandidateSource.class);
        journeys.find().forEach(d -> {
            int[] steps = counts.computeIfAbsent(enumValue(CandidateSource.class, d, "source"), s -> new int[5]);
            steps[0]++;
            steps[1] += d.getBoolean("applied", false) ? 1 : 0;
            steps[2] += d.getBoolean("interviewed", false) ? 1 : 0;
            steps[3] += d.getBoolean("signed", false) ? 1 : 0;
            steps[4] += d.getBoolean("inPostAtOneYear", false) ? 1 : 0;
        });
        return counts.entrySet().stream()
                .map(e -> new SourceFunnel(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        e.getValue()[3], e.getValue()[4]))
                .toList();
    }

    /**
     * A talent is due for an anniversary once its date has passed; they count as retained when the milestone was
     * reached (the milestone is recorded only for a talent still in post).
     */
    @QueryHandler
    public List<CohortRetention> handle(FindRetentionByCohort query) {
        Map<Integer, List<Document>> byYear = new TreeMap<>();
        cohorts.find(Filters.exists("startDate")).forEach(d ->
                byYear.computeIfAbsent(localDate(d, "startDate").getYear(), y -> new ArrayList<>()).add(d));
        List<CohortRetention> result = new ArrayList<>();
        byYear.forEach((year, cases) -> result.add(new CohortRetention(year, cases.size(), ANNIVERSARIES.stream()
                .map(years -> share(cases, years, query.asOf()))
                .toList())));
        return result;
    }

    private static CohortRetention.Share share(List<Document> cases, int years, LocalDate asOf) {
        int due = 0;
        int retained = 0;
        for (Document c : cases) {
            LocalDate anniversary = localDate(c, "startDate").plusYears(years);
            if (!anniversary.isAfter(asOf)) {
                due++;
                if (c.getList("milestones", Integer.class, List.of()).contains(years)) {
                    retained++;
                }
            }
        }
        return new CohortRetention.Share(years, due, retained);
    }
}
