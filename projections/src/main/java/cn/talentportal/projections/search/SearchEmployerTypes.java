package cn.talentportal.projections.search;

import cn.talentportal.domain.employer.EmployerType;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The search projection's own lookup of employer unit -> employer type: opening events name the unit, not its
 * type, which only {@code EmployerUnitCreated} carries. The search processor handles that event too, before any
 * opening of the unit (single segment, store order), and keeps the answer here, in its own collection, written at
 * once (not batched) so the next event of the same batch reads it. A cache keeps the index writes from asking Mongo
 * per event; the collection lets a restarted node or a new mapping version rebuild without the employer read model.
 */
@Component
public class SearchEmployerTypes {

    static final String COLLECTION = "search_employer_types";
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> types;
    private final Map<String, EmployerType> cache = new ConcurrentHashMap<>();

    public SearchEmployerTypes(MongoDatabase database) {
        this.types = database.getCollection(COLLECTION);
    }

    /** Idempotent: a replayed creation writes the same type again. */
    void record(String employerUnitId, EmployerType type) {
        types.replaceOne(Filters.eq("_id", employerUnitId), new Document("_id", employerUnitId)
                .append("type", type.name()), UPSERT);
        cache.put(employerUnitId, type);
    }

    /** Null for a unit this projection never saw created. */
    EmployerType typeOf(String employerUnitId) {
        if (employerUnitId == null) {
            return null;
        }
        EmployerType cached = cache.get(employerUnitId);
        if (cached != null) {
            return cached;
        }
        Document found = types.find(Filters.eq("_id", employerUnitId)).first();
        if (found == null) {
            return null;
        }
        EmployerType type = EmployerType.valueOf(found.getString("type"));
        cache.put(employerUnitId, type);
        return type;
    }
}
