package cn.talentportal.projections.candidate;

import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.projections.candidate.CandidateQueries.FindCandidates;
import cn.talentportal.projections.privacy.ErasureQueries.FindErasureSubject;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import cn.talentportal.projections.shared.BatchedWrites;
import cn.talentportal.projections.shared.RebuildableReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import static cn.talentportal.projections.shared.MongoDocuments.date;
import static cn.talentportal.projections.shared.MongoDocuments.enumValue;
import static cn.talentportal.projections.shared.MongoDocuments.instant;

/** The directory auditors and recruiters find candidates in. */
@Component
@RebuildableReadModel
@ProcessingGroup("candidates")
public class CandidateDirectoryProjection {

    private final MongoCollection<Document> candidates;

    public CandidateDirectoryProjection(MongoDatabase database) {
        this.candidates = database.getCollection("candidates");
    }

    /** Before a rebuild replays the whole store: this read model starts empty (its indexes stay). */
    @ResetHandler
    void clearForRebuild() {
        candidates.deleteMany(new Document());
    }

    @EventHandler
    void on(CandidateRegistered event, @Timestamp Instant registeredAt) {
        RegistrationChannel channel = event.channel();
        BatchedWrites.replace(candidates, event.candidateId(), new Document("fullName", event.fullName())
                .append("source", channel.source().name())
                .append("sourceReference", channelName(channel))
                .append("registeredAt", date(registeredAt)));
    }

    /** The drive's or referrer's name as it was; registrations of revision 1 knew only the reference. */
    private static String channelName(RegistrationChannel channel) {
        return channel.referenceTitle() != null ? channel.referenceTitle() : channel.reference();
    }

    @QueryHandler
    public Optional<CandidateSummary> handle(FindErasureSubject query) {
        return Optional.ofNullable(candidates.find(Filters.eq("_id", query.candidateId())).first())
                .map(CandidateDirectoryProjection::summary);
    }

    @QueryHandler
    public List<CandidateSummary> handle(FindCandidates query) {
        int limit = Math.clamp(query.limit(), 1, 200);
        var filter = query.text() == null || query.text().isBlank()
                ? new Document()
                // quoted: the text is a name, never a pattern or an operator
                : Filters.or(Filters.regex("fullName", Pattern.quote(query.text().strip())),
                        Filters.eq("_id", query.text().strip()));
        return candidates.find(filter).sort(Sorts.descending("registeredAt")).limit(limit)
                .map(CandidateDirectoryProjection::summary)
                .into(new ArrayList<>());
    }

    private static CandidateSummary summary(Document candidate) {
        return new CandidateSummary(candidate.getString("_id"), candidate.getString("fullName"),
                enumValue(CandidateSource.class, candidate, "source"), candidate.getString("sourceReference"),
                instant(candidate, "registeredAt"));
    }
}
