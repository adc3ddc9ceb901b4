package cn.talentportal.projections.testing;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** Every document of the named collections, by collection, in id order: a read model's state to compare. */
public final class Collections {

    private Collections() {
    }

    public static Map<String, List<Document>> snapshot(MongoDatabase database, String... collections) {
        Map<String, List<Document>> state = new LinkedHashMap<>();
        for (String collection : collections) {
            state.put(collection, database.getCollection(collection).find().sort(Sorts.ascending("_id"))
                    .into(new ArrayList<>()));
        }
        return state;
    }
}
