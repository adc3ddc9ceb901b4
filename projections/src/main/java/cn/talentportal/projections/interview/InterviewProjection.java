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
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewCalendar;
import cn.talentportal.projections.shared.BatchedWrites;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
 * One document per interview: its slot as it stands, the panel, scorecards and outcome. The panel members'
 * calendars are queries over it, and the application journey reads the interviews of its applications from it.
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

    /** A set of panel members, not a counter: a redelivered scorecard is not counted twice. */
    @EventHandler
    public void on(ScorecardSubmitted event) {
        update(event.interviewId(), Updates.addToSet("scorecardsBy", event.panelMemberUserId()));
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
                .map(d -> new CalendarEntry(d.getString("_id"), d.getString("applicationId"),
                        d.getString("candidateId"), d.getString("candidateName"), d.getString("openingId"),
                        d.getString("openingTitle"), slot(d), enumValue(InterviewStatus.class, d, "status"),
                        d.getBoolean("rescheduled", false), d.getString("reason"),
                        panel(d)))
                .into(new ArrayList<>());
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
