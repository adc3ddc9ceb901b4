package cn.talentportal.projections.dossier;

import cn.talentportal.domain.drive.DriveEvents.CandidateRegisteredForDrive;
import cn.talentportal.domain.interview.InterviewEvents.InterviewScheduled;
import cn.talentportal.domain.outreach.ReturneeRegisterEvents.ReturneeConvertedToCandidate;
import cn.talentportal.domain.retention.RetentionEvents.RetentionCaseOpened;
import cn.talentportal.projections.shared.BatchedWrites;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.List;
import java.util.Set;
import cn.talentportal.projections.shared.RebuildableReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Which streams, other than their own, name each candidate: their interviews, the drives they registered at, their
 * retention cases and their register entry (one document per candidate, {@code _id} = candidate id, sets of ids by
 * kind; {@code $addToSet} is idempotent). The as-of replay finds streams here that the candidate's own events do not
 * name (a drive an existing candidate signed up for) and then reads each stream from the event store, so the replay
 * stays exact: ids never change, and only events up to the chosen instant are taken. Holds ids only.
 */
@Component
@RebuildableReadModel
@ProcessingGroup("candidate-streams")
public class CandidateStreamsProjection {

    public static final String COLLECTION = "candidate_streams";
    static final String INTERVIEWS = "interviews";
    static final String DRIVES = "drives";
    static final String RETENTION_CASES = "retentionCases";
    static final String REGISTER_ENTRIES = "registerEntries";

    private final MongoCollection<Document> streams;

    public CandidateStreamsProjection(MongoDatabase database) {
        this.streams = database.getCollection(COLLECTION);
    }

    /** Before a rebuild replays the whole store: this read model starts empty (its indexes stay). */
    @ResetHandler
    void clearForRebuild() {
        streams.deleteMany(new Document());
    }

    @EventHandler
    void on(InterviewScheduled event) {
        link(event.candidateId(), INTERVIEWS, event.interviewId());
    }

    /** New candidates registering at the drive and existing ones signing up alike. */
    @EventHandler
    void on(CandidateRegisteredForDrive event) {
        link(event.candidateId(), DRIVES, event.driveId());
    }

    @EventHandler
    void on(RetentionCaseOpened event) {
        link(event.candidateId(), RETENTION_CASES, event.caseId());
    }

    @EventHandler
    void on(ReturneeConvertedToCandidate event) {
        link(event.candidateId(), REGISTER_ENTRIES, event.entryId());
    }

    private void link(String candidateId, String kind, String aggregateId) {
        BatchedWrites.upsert(streams, candidateId, Updates.addToSet(kind, aggregateId));
    }

    /** The streams recorded so far as naming the candidate; none for an unknown candidate. */
    public LinkedStreams linkedTo(String candidateId) {
        Document document = streams.find(Filters.eq("_id", candidateId)).first();
        if (document == null) {
            return LinkedStreams.none();
        }
        return new LinkedStreams(ids(document, INTERVIEWS), ids(document, DRIVES), ids(document, RETENTION_CASES),
                ids(document, REGISTER_ENTRIES));
    }

    private static Set<String> ids(Document document, String kind) {
        return Set.copyOf(document.getList(kind, String.class, List.of()));
    }
}
