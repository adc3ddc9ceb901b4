package cn.talentportal.projections.retention;

import cn.talentportal.domain.retention.AllowancePolicyEvents.AllowancePolicyPublished;
import cn.talentportal.domain.retention.AllowancePolicyEvents.AllowancePolicyRevised;
import cn.talentportal.domain.retention.AllowanceType;
import cn.talentportal.projections.retention.RetentionQueries.FindAllowancePolicies;
import cn.talentportal.projections.shared.BatchedWrites;
import cn.talentportal.projections.shared.RebuildableReadModel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import static cn.talentportal.projections.shared.MongoDocuments.isoDate;
import static cn.talentportal.projections.shared.MongoDocuments.localDate;

/**
 * The district's allowance policies with all their versions, as reference data for administrators and for the
 * specialist granting an allowance. Versions are a set of documents built the same way from the same event, so a
 * replayed event adds nothing; each version's validity (until the next one takes effect) is derived when queried.
 */
@Component
@RebuildableReadModel
@ProcessingGroup("allowance-policies")
public class AllowancePoliciesProjection {

    public static final String COLLECTION = "allowance_policies";

    private final MongoCollection<Document> policies;

    public AllowancePoliciesProjection(MongoDatabase database) {
        this.policies = database.getCollection(COLLECTION);
    }

    /** Before a rebuild replays the whole store: this read model starts empty. */
    @ResetHandler
    void clearForRebuild() {
        policies.deleteMany(new Document());
    }

    @EventHandler
    void on(AllowancePolicyPublished event) {
        BatchedWrites.upsert(policies, event.policyId(), Updates.combine(
                Updates.set("name", event.name()),
                Updates.addToSet("versions", version(event.version(), event.effectiveFrom(), event.monthlyCaps(),
                        null))));
    }

    @EventHandler
    void on(AllowancePolicyRevised event) {
        BatchedWrites.upsert(policies, event.policyId(), Updates.addToSet("versions",
                version(event.version(), event.effectiveFrom(), event.monthlyCaps(), event.reason())));
    }

    private static Document version(int version, LocalDate effectiveFrom, Map<AllowanceType, Integer> caps,
                                    String reason) {
        Document capsByType = new Document();
        new EnumMap<>(caps).forEach((type, cap) -> capsByType.append(type.name(), cap)); // one order: equal sets
        return new Document("version", version).append("effectiveFrom", isoDate(effectiveFrom))
                .append("monthlyCaps", capsByType).append("reason", reason);
    }

    @QueryHandler
    public List<AllowancePolicyView> handle(FindAllowancePolicies query) {
        return policies.find().sort(Sorts.ascending("name", "_id"))
                .map(AllowancePoliciesProjection::policy)
                .into(new ArrayList<>());
    }

    static AllowancePolicyView policy(Document d) {
        List<Document> stored = new ArrayList<>(d.getList("versions", Document.class, List.of()));
        stored.sort(Comparator.comparing(v -> v.getInteger("version")));
        List<AllowancePolicyView.Version> versions = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            Document v = stored.get(i);
            LocalDate validUntil = i + 1 < stored.size()
                    ? localDate(stored.get(i + 1), "effectiveFrom").minusDays(1) : null;
            Map<AllowanceType, Integer> caps = new EnumMap<>(AllowanceType.class);
            v.get("monthlyCaps", Document.class).forEach((type, cap) ->
                    caps.put(AllowanceType.valueOf(type), ((Number) cap).intValue()));
            versions.add(new AllowancePolicyView.Version(v.getInteger("version"), localDate(v, "effectiveFrom"),
                    validUntil, caps, v.getString("reason")));
        }
        return new AllowancePolicyView(d.getString("_id"), d.getString("name"), List.copyOf(versions));
    }
}
