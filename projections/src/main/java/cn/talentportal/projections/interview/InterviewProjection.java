package cn.talentportal.projections.interview;

import cn.talentportal.domain.interview.InterviewEvents.CandidateDidNotShow;
import cn.talentportal.domain.interview.InterviewEvents.InterviewCancelled;
import cn.talentportal.domain.interview.InterviewEvents.InterviewHeld;
import cn.talentportal.domain.interview.InterviewEvents.InterviewOutcomeDecided;
import cn.talentportal.domain.interview.InterviewEvents.InterviewRescheduled;
import cn.talentportal.domain.interview.InterviewEvents.InterviewScheduled;
import cn.talentportal.domain.interview.InterviewEvents.ScorecardSubmitted;
import cn.talentportal.domain.interview.InterviewOutcome;
import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.domain.interview.InterviewStatus;
import cn.talentportal.domain.interview.PanelMember;
import cn.talentportal.domain.interview.Criterion;
import cn.talentportal.domain.interview.Scorecard;
import cn.talentportal.projections.interview.InterviewQueries.CountInterviewsOfOpenings;
import cn.talentportal.projections.interview.InterviewQueries.FindBusySlots;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewCalendar;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewDetail;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewsOfCandidate;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewsOfOpenings;
import cn.talentportal.projections.shared.BatchedWrites;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import cn.talentportal.projections.shared.RebuildableReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import static cn.talentportal.projections.shared.MongoDocuments.date;
import static cn.talentportal.projections.shared.MongoDocuments.enumValue;
import static cn.talentportal.projections.shared.MongoDocuments.instant;

/**
 * One document per interview: its slot as it stands, the panel, the rubric version with its criteria, the
 * scorecards and the outcome. The panel members' calendars, an employer unit's interview list (by its openings, joined
 * when queried), a candidate's invitations and the application journey are queries over it.
 * Every write is a $set or $addToSet keyed by the interview id, so a replayed event changes nothing twice.
 */
@Component
@RebuildableReadModel
@ProcessingGroup("interviews")
public class InterviewProjection {

    public static final String COLLECTION = "interviews";

    private final MongoCollection<Document> interviews;

    public InterviewProjection(MongoDatabase database) {
        this.interviews = database.getCollection(COLLECTION);
        // the fields the calendars, the unit's list and the invitations filter on (a real MongoDB uses them)
        interviews.createIndex(Indexes.ascending("panelUserIds", "start"));
        interviews.createIndex(Indexes.ascending("openingId", "start"));
        interviews.createIndex(Indexes.ascending("candidateId", "start"));
    }

    /** Before a rebuild replays the whole store: this read model starts empty (its indexes stay). */
    @ResetHandler
    void clearForRebuild() {
        interviews.deleteMany(new Document());
    }

    @EventHandler
    public void on(InterviewScheduled event, @Timestamp Instant scheduledAt) {
        List<Document> panel = event.panel().stream()
                .map(member -> new Document("userId", member.userId()).append("name", member.name()))
                .toList();
        BatchedWrites.upsert(interviews, event.interviewId(), Updates.combine(
                Updates.set("applicationId", event.applicationId()),
                Updates.set("candidateId", event.candidateId()),
                Updates.set("candidateName", event.candidateName()),
                Updates.set("openingId", event.openingId()),
                Updates.set("openingTitle", event.openingTitle()),
                Updates.set("panel", panel),
                // the panel members' ids alone, for the calendar's filter
                Updates.set("panelUserIds", event.panel().stream().map(PanelMember::userId).toList()),
                Updates.set("start", date(event.slot().start())),
                Updates.set("end", date(event.slot().end())),
                Updates.set("status", InterviewStatus.SCHEDULED.name()),
                Updates.set("rubricId", event.rubricId()),
                Updates.set("rubricName", event.rubricName()),
                Updates.set("rubricVersion", event.rubricVersion()),
                Updates.set("criteria", event.criteria().stream().map(InterviewProjection::criterion).toList()),
                Updates.set("scheduledAt", date(scheduledAt))));
    }

    @EventHandler
    public void on(InterviewRescheduled event) {
        update(event.interviewId(),
                Updates.set("start", date(event.slot().start())),
                Updates.set("end", date(event.slot().end())),
                Updates.set("status", InterviewStatus.SCHEDULED.name()),
                Updates.set("rescheduled", true),
                Updates.set("reason", event.reason()));
    }

    @EventHandler
    public void on(InterviewCancelled event) {
        update(event.interviewId(), Updates.set("status", InterviewStatus.CANCELLED.name()),
                Updates.set("reason", event.reason()));
    }

    @EventHandler
    public void on(CandidateDidNotShow event) {
        update(event.interviewId(), Updates.set("status", InterviewStatus.NO_SHOW.name()),
                Updates.set("reason", event.reason()));
    }

    @EventHandler
    public void on(InterviewHeld event) {
        update(event.interviewId(), Updates.set("status", InterviewStatus.HELD.name()),
                Updates.set("heldAt", date(event.startedAt())));
    }

    /**
     * Sets, not counters: a redelivered scorecard adds the same panel member and the same card (an equal document)
     * again, which changes nothing.
     */
    @EventHandler
    public void on(ScorecardSubmitted event) {
        Document scores = new Document();
        event.scores().forEach(scores::append);
        update(event.interviewId(), Updates.addToSet("scorecardsBy", event.panelMemberUserId()),
                Updates.addToSet("scorecards", new Document("userId", event.panelMemberUserId())
                        .append("name", event.panelMemberName())
                        .append("scores", scores)
                        .append("weightedScore", event.weightedScore().toPlainString())
                        .append("comment", event.comment())));
    }

    @EventHandler
    public void on(InterviewOutcomeDecided event) {
        update(event.interviewId(), Updates.set("status", InterviewStatus.DECIDED.name()),
                Updates.set("outcome", event.outcome().name()),
                Updates.set("averageScore", event.averageWeightedScore() == null ? null
                        : event.averageWeightedScore().toPlainString()),
                Updates.set("reason", event.reason()));
    }

    private void update(String interviewId, Bson... updates) {
        BatchedWrites.upsert(interviews, interviewId, Updates.combine(updates));
    }

    /** The interviews a panel member sits on that end after {@code from}, soonest first; cancelled ones too. */
    @QueryHandler
    public List<CalendarEntry> handle(FindInterviewCalendar query) {
        Instant from = query.from() == null ? Instant.EPOCH : query.from();
        return interviews.find(Filters.and(Filters.eq("panelUserIds", query.panelMemberUserId()),
                        Filters.gt("end", date(from))))
                .sort(Sorts.ascending("start"))
                .map(InterviewProjection::entry)
                .into(new ArrayList<>());
    }

    /** Overlapping the window: starts before its end and ends after its start. */
    @QueryHandler
    public List<CalendarEntry> handle(FindBusySlots query) {
        if (query.panelMemberUserIds().isEmpty()) {
            return List.of();
        }
        return interviews.find(Filters.and(Filters.in("panelUserIds", query.panelMemberUserIds()),
                        Filters.ne("status", InterviewStatus.CANCELLED.name()),
                        Filters.lt("start", date(query.to())), Filters.gt("end", date(query.from()))))
                .sort(Sorts.ascending("start"))
                .map(InterviewProjection::entry)
                .into(new ArrayList<>());
    }

    @QueryHandler
    public List<CalendarEntry> handle(FindInterviewsOfOpenings query) {
        if (query.openingIds().isEmpty()) {
            return List.of();
        }
        return interviews.find(Filters.in("openingId", query.openingIds()))
                .sort(Sorts.orderBy(Sorts.descending("start"), Sorts.ascending("_id")))
                .skip(query.offset())
                .limit(query.limit())
                .map(InterviewProjection::entry)
                .into(new ArrayList<>());
    }

    @QueryHandler
    public Integer handle(CountInterviewsOfOpenings query) {
        return query.openingIds().isEmpty() ? 0
                : (int) interviews.countDocuments(Filters.in("openingId", query.openingIds()));
    }

    @QueryHandler
    public List<CalendarEntry> handle(FindInterviewsOfCandidate query) {
        return interviews.find(Filters.eq("candidateId", query.candidateId()))
                .sort(Sorts.ascending("start"))
                .map(InterviewProjection::entry)
                .into(new ArrayList<>());
    }

    @QueryHandler
    public Optional<InterviewDetail> handle(FindInterviewDetail query) {
        return Optional.ofNullable(interviews.find(Filters.eq("_id", query.interviewId())).first())
                .filter(d -> d.getString("candidateId") != null)
                .map(InterviewProjection::detail);
    }

    /** The interviews with these ids, as the application journey needs them. */
    public List<InterviewState> findByIds(Collection<String> interviewIds) {
        if (interviewIds.isEmpty()) {
            return List.of();
        }
        return interviews.find(Filters.in("_id", interviewIds))
                .map(InterviewProjection::state)
                .into(new ArrayList<>());
    }

    private static CalendarEntry entry(Document d) {
        return new CalendarEntry(d.getString("_id"), d.getString("applicationId"), d.getString("candidateId"),
                d.getString("candidateName"), d.getString("openingId"), d.getString("openingTitle"), slot(d),
                enumValue(InterviewStatus.class, d, "status"), d.getBoolean("rescheduled", false),
                d.getString("reason"), panel(d));
    }

    private static InterviewDetail detail(Document d) {
        CalendarEntry entry = entry(d);
        List<String> panelOrder = entry.panel().stream().map(PanelMember::userId).toList();
        List<Scorecard> scorecards = d.getList("scorecards", Document.class, List.of()).stream()
                .map(InterviewProjection::scorecard)
                .sorted(Comparator.comparingInt(card -> panelOrder.indexOf(card.panelMemberUserId())))
                .toList();
        List<Criterion> criteria = d.getList("criteria", Document.class, List.of()).stream()
                .map(InterviewProjection::criterionOf)
                .toList();
        return new InterviewDetail(entry, d.getString("rubricId"), d.getString("rubricName"),
                d.getInteger("rubricVersion", 0), criteria, scorecards,
                enumValue(InterviewOutcome.class, d, "outcome"), d.getString("averageScore"));
    }

    private static Scorecard scorecard(Document card) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        Document stored = card.get("scores", Document.class);
        if (stored != null) {
            stored.forEach((key, value) -> scores.put(key, ((Number) value).intValue()));
        }
        String weighted = card.getString("weightedScore");
        return new Scorecard(card.getString("userId"), card.getString("name"), scores,
                weighted == null ? null : new BigDecimal(weighted), card.getString("comment"));
    }

    static Criterion criterionOf(Document c) {
        return new Criterion(c.getString("key"), c.getString("label"), c.getInteger("weight", 0),
                c.getInteger("maxScore", 0));
    }

    static Document criterion(Criterion criterion) {
        return new Document("key", criterion.key()).append("label", criterion.label())
                .append("weight", criterion.weight()).append("maxScore", criterion.maxScore());
    }

    private static InterviewState state(Document d) {
        return new InterviewState(d.getString("_id"), d.getString("applicationId"), slot(d),
                enumValue(InterviewStatus.class, d, "status"), d.getBoolean("rescheduled", false),
                d.getList("scorecardsBy", String.class, List.of()).size(),
                enumValue(InterviewOutcome.class, d, "outcome"), d.getString("averageScore"), d.getString("reason"),
                instant(d, "scheduledAt"));
    }

    private static InterviewSlot slot(Document d) {
        Instant start = instant(d, "start");
        Instant end = instant(d, "end");
        return start == null || end == null ? null : new InterviewSlot(start, end);
    }

    private static List<PanelMember> panel(Document d) {
        return d.getList("panel", Document.class, List.of()).stream()
                .map(m -> new PanelMember(m.getString("userId"), m.getString("name")))
                .toList();
    }
}
