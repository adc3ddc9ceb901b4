package cn.talentportal.projections.interview;

import cn.talentportal.domain.interview.Criterion;
import cn.talentportal.domain.interview.RubricEvents.RubricDefined;
import cn.talentportal.domain.interview.RubricEvents.RubricRevised;
import cn.talentportal.projections.interview.InterviewQueries.FindRubrics;
import cn.talentportal.projections.shared.BatchedWrites;
import cn.talentportal.projections.shared.RebuildableReadModel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The rubrics panels score against, at their current version: what a recruiter picks when scheduling and what an
 * administrator revises. Every event carries its version's full criteria, so each handler overwrites the document
 * with $set, and $max keeps a redelivered older version from winning over a newer one.
 */
@Component
@RebuildableReadModel
@ProcessingGroup("rubrics")
public class RubricProjection {

    public static final String COLLECTION = "rubrics";

    private final MongoCollection<Document> rubrics;

    public RubricProjection(MongoDatabase database) {
        this.rubrics = database.getCollection(COLLECTION);
    }

    /** Before a rebuild replays the whole store: this read model starts empty. */
    @ResetHandler
    void clearForRebuild() {
        rubrics.deleteMany(new Document());
    }

    @EventHandler
    public void on(RubricDefined event) {
        write(event.rubricId(), event.name(), event.version(), event.criteria(), null);
    }

    @EventHandler
    public void on(RubricRevised event) {
        write(event.rubricId(), event.name(), event.version(), event.criteria(), event.reason());
    }

    /**
     * The version's criteria under a key of their own, and the current version a $max: a replay writes the same
     * documents, and the query reads the criteria of the highest version seen.
     */
    private void write(String rubricId, String name, int version, List<Criterion> criteria, String reason) {
        BatchedWrites.upsert(rubrics, rubricId, Updates.combine(
                Updates.set("name", name),
                Updates.max("version", version),
                Updates.set("versions." + version, new Document("criteria",
                        criteria.stream().map(InterviewProjection::criterion).toList())
                        .append("reason", reason))));
    }

    @QueryHandler
    public List<RubricView> handle(FindRubrics query) {
        return rubrics.find().sort(Sorts.ascending("name")).map(RubricProjection::view).into(new ArrayList<>());
    }

    private static RubricView view(Document d) {
        int version = d.getInteger("version", 1);
        Document current = d.get("versions", Document.class).get(String.valueOf(version), Document.class);
        List<Criterion> criteria = current.getList("criteria", Document.class, List.of()).stream()
                .map(InterviewProjection::criterionOf)
                .toList();
        return new RubricView(d.getString("_id"), d.getString("name"), version, criteria,
                current.getString("reason"));
    }
}
