package cn.talentportal.projections.shared;

import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;

/**
 * Turns one batch's writes to one collection into fewer writes with the same effect. A read-model rebuild spends
 * most of its time in the upserts (each one a lookup by {@code _id} and a rewrite of the document), and a
 * candidate's consecutive events update the same few documents, so merging them pays (docs/benchmarks.md,
 * "Rebuilding the read models"; decision 0033).
 * <p>
 * Only what is provably equivalent is merged:
 * <ul>
 *     <li>Writes to different documents commute: each write here names one {@code _id} (a string or object id), so
 *     they are regrouped by document, each document's writes kept in their order. A write whose filter names no
 *     such {@code _id} is a barrier: everything before it is written before it, everything after it after.</li>
 *     <li>A replacement (of a document the filter names by {@code _id} alone) makes every earlier write to that
 *     document irrelevant.</li>
 *     <li>Two updates by {@code _id} alone (no array filters, hint, collation or pipeline) combine when the earlier
 *     one is an upsert or neither is (an update that may find nothing followed by an upsert is left as it is).
 *     Operator by operator: a later {@code $set} of a path the earlier one set with {@code $set} or
 *     {@code $setOnInsert} wins; a later {@code $unset} of a top-level field wins over anything on it (of a nested
 *     path it would not remove the parents an earlier operator created); two {@code $addToSet}s
 *     of one path become one {@code $each} of both lists in order (elements are added one by one, each unless
 *     present); a later {@code $setOnInsert} is dropped (the document exists by then). Paths no earlier operator
 *     touches (nor a parent or child of theirs) are added. Anything else ({@code $max} twice on a path, {@code $set}
 *     after {@code $unset}, a parent and a child path, operators not listed) keeps the writes apart.</li>
 * </ul>
 * Field order within a merged document may differ from applying the writes one by one (new fields are created in
 * operator order); read models are read by field name, and MongoDB 5 and later orders new fields itself.
 */
final class CoalescedWrites {

    private static final String ID = "_id";
    private static final String SET = "$set";
    private static final String SET_ON_INSERT = "$setOnInsert";
    private static final String UNSET = "$unset";
    private static final String ADD_TO_SET = "$addToSet";
    private static final String EACH = "$each";
    private static final Set<String> MERGEABLE_OPERATORS = Set.of(SET, SET_ON_INSERT, UNSET, ADD_TO_SET, "$max");

    private CoalescedWrites() {
    }

    /** Writes with the same effect as {@code models} applied one by one in order; often fewer. */
    static List<WriteModel<Document>> of(List<WriteModel<Document>> models, CodecRegistry codecs) {
        if (models.size() < 2) {
            return models;
        }
        List<WriteModel<Document>> coalesced = new ArrayList<>(models.size());
        Map<BsonValue, List<Write>> byDocument = new LinkedHashMap<>();
        for (WriteModel<Document> model : models) {
            Write write = Write.of(model, codecs);
            if (write.documentId == null) {
                drain(byDocument, coalesced);
                coalesced.add(model);
                continue;
            }
            List<Write> writes = byDocument.computeIfAbsent(write.documentId, id -> new ArrayList<>(2));
            Write merged = writes.isEmpty() ? null : writes.getLast().then(write);
            if (merged == null) {
                writes.add(write);
            } else {
                writes.set(writes.size() - 1, merged);
            }
        }
        drain(byDocument, coalesced);
        return coalesced;
    }

    private static void drain(Map<BsonValue, List<Write>> byDocument, List<WriteModel<Document>> into) {
        byDocument.values().forEach(writes -> writes.forEach(write -> into.add(write.model())));
        byDocument.clear();
    }

    /**
     * One write as far as merging needs it: the document it touches ({@code null} if it may touch another), and,
     * when it is a plain replacement or update by {@code _id}, its replacement or its operators by path.
     */
    private static final class Write {

        private final WriteModel<Document> original;
        final BsonValue documentId;
        private final boolean upsert;
        private final Document replacement;
        /** Path → {operator, value}, in the order the paths were first written; null when not mergeable. */
        private final LinkedHashMap<String, Operation> operations;

        private Write(WriteModel<Document> original, BsonValue documentId, boolean upsert, Document replacement,
                      LinkedHashMap<String, Operation> operations) {
            this.original = original;
            this.documentId = documentId;
            this.upsert = upsert;
            this.replacement = replacement;
            this.operations = operations;
        }

        static Write of(WriteModel<Document> model, CodecRegistry codecs) {
            if (model instanceof ReplaceOneModel<Document> replace) {
                BsonDocument filter = replace.getFilter().toBsonDocument(Document.class, codecs);
                BsonValue id = documentId(filter);
                ReplaceOptions options = replace.getReplaceOptions();
                boolean plain = id != null && filter.size() == 1 && options.getCollation() == null
                        && options.getHint() == null && options.getHintString() == null
                        && options.getBypassDocumentValidation() == null && options.getLet() == null
                        && options.getSort() == null;
                return new Write(model, id, options.isUpsert(), plain ? replace.getReplacement() : null, null);
            }
            if (model instanceof UpdateOneModel<Document> update) {
                BsonDocument filter = update.getFilter().toBsonDocument(Document.class, codecs);
                BsonValue id = documentId(filter);
                UpdateOptions options = update.getOptions();
                boolean plain = id != null && filter.size() == 1 && update.getUpdate() != null
                        && options.getArrayFilters() == null && options.getCollation() == null
                        && options.getHint() == null && options.getHintString() == null
                        && options.getBypassDocumentValidation() == null && options.getLet() == null
                        && options.getSort() == null;
                LinkedHashMap<String, Operation> operations = plain
                        ? operations(update.getUpdate().toBsonDocument(Document.class, codecs)) : null;
                return new Write(model, id, options.isUpsert(), null, operations);
            }
            return new Write(model, null, false, null, null);
        }

        /** The {@code _id} the filter pins, when it pins one string or object id at its top level. */
        private static BsonValue documentId(BsonDocument filter) {
            BsonValue id = filter.get(ID);
            return id != null && (id.isString() || id.isObjectId()) ? id : null;
        }

        private static LinkedHashMap<String, Operation> operations(BsonDocument update) {
            LinkedHashMap<String, Operation> operations = new LinkedHashMap<>();
            for (Map.Entry<String, BsonValue> byOperator : update.entrySet()) {
                if (!MERGEABLE_OPERATORS.contains(byOperator.getKey()) || !byOperator.getValue().isDocument()) {
                    return null;
                }
                for (Map.Entry<String, BsonValue> byPath : byOperator.getValue().asDocument().entrySet()) {
                    if (operations.put(byPath.getKey(), new Operation(byOperator.getKey(), byPath.getValue()))
                            != null) {
                        return null; // the server refuses a path named twice: leave that to it
                    }
                }
            }
            return operations;
        }

        /** This write followed by {@code next} as one write, or {@code null} when they must stay apart. */
        Write then(Write next) {
            if (next.replacement != null) {
                // whatever this write did, the document is now the replacement (if either write may create it)
                return new Write(null, documentId, upsert || next.upsert, next.replacement, null);
            }
            if (operations == null || next.operations == null || (next.upsert && !upsert)) {
                return null;
            }
            LinkedHashMap<String, Operation> merged = new LinkedHashMap<>(operations);
            for (Map.Entry<String, Operation> entry : next.operations.entrySet()) {
                String path = entry.getKey();
                Operation later = entry.getValue();
                if (later.operator.equals(SET_ON_INSERT)) {
                    continue; // the document exists after this write (or, neither being an upsert, is not created)
                }
                Operation earlier = merged.get(path);
                if (earlier == null) {
                    if (merged.keySet().stream().anyMatch(other -> nested(path, other))) {
                        return null;
                    }
                    merged.put(path, later);
                    continue;
                }
                Operation combined = earlier.then(later, path);
                if (combined == null) {
                    return null;
                }
                merged.put(path, combined);
            }
            return new Write(null, documentId, upsert || next.upsert, null, merged);
        }

        private static boolean nested(String path, String other) {
            return path.startsWith(other + ".") || other.startsWith(path + ".");
        }

        WriteModel<Document> model() {
            if (original != null) {
                return original;
            }
            BsonDocument filter = new BsonDocument(ID, documentId);
            if (replacement != null) {
                return new ReplaceOneModel<>(filter, replacement, new ReplaceOptions().upsert(upsert));
            }
            BsonDocument update = new BsonDocument();
            operations.forEach((path, operation) -> {
                BsonValue operator = update.get(operation.operator);
                if (operator == null) {
                    update.put(operation.operator, operator = new BsonDocument());
                }
                operator.asDocument().put(path, operation.value);
            });
            return new UpdateOneModel<>(filter, update, new UpdateOptions().upsert(upsert));
        }
    }

    private record Operation(String operator, BsonValue value) {

        /** This operation on {@code path} followed by {@code later} on it, or {@code null} if not known. */
        Operation then(Operation later, String path) {
            if (later.operator.equals(UNSET) && !path.contains(".")) {
                return later; // a nested path's parents, once created by this operation, would stay: left apart
            }
            if (later.operator.equals(SET) && (operator.equals(SET) || operator.equals(SET_ON_INSERT))) {
                return later;
            }
            if (later.operator.equals(ADD_TO_SET) && operator.equals(ADD_TO_SET)) {
                BsonArray each = new BsonArray();
                each.addAll(elements(value));
                each.addAll(elements(later.value));
                return new Operation(ADD_TO_SET, new BsonDocument(EACH, each));
            }
            return null;
        }

        private static List<BsonValue> elements(BsonValue added) {
            if (added.isDocument() && added.asDocument().size() == 1 && added.asDocument().containsKey(EACH)
                    && added.asDocument().get(EACH).isArray()) {
                return added.asDocument().getArray(EACH).getValues();
            }
            return List.of(added);
        }
    }
}
