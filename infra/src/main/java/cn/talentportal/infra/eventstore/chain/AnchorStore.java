package cn.talentportal.infra.eventstore.chain;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.types.Binary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Anchors in MongoDB: {@code chain_anchors} holds one small document per anchor (the signed statement and the 32-byte
 * digest of each head bucket, 32 KB); {@code chain_anchor_heads} holds the heads themselves, one document per
 * non-empty bucket ({@code _id = "<anchor>/<bucket>"}), so a verification can name the aggregate that differs. The
 * heads documents are not signed one by one: each must digest to its bucket digest, which the signature covers.
 */
final class AnchorStore {

    static final String ANCHORS = "chain_anchors";
    static final String HEADS = "chain_anchor_heads";
    private static final int IDS_PER_QUERY = 250;

    private final MongoCollection<Document> anchors;
    private final MongoCollection<Document> heads;
    private final AnchorSigningKey key;

    AnchorStore(MongoDatabase database, WriteConcern writeConcern, AnchorSigningKey key) {
        this.anchors = database.getCollection(ANCHORS).withWriteConcern(writeConcern);
        this.heads = database.getCollection(HEADS).withWriteConcern(writeConcern);
        this.key = key;
    }

    /** Newest first. */
    List<ChainAnchor> all() {
        List<ChainAnchor> all = new ArrayList<>();
        for (Document document : anchors.find().projection(new Document("bucketDigests", 0))) {
            all.add(toAnchor(document));
        }
        all.sort(Comparator.comparingLong(ChainAnchor::number).reversed());
        return all;
    }

    Optional<ChainAnchor> byNumber(long number) {
        Document document = anchors.find(Filters.eq("_id", number)).projection(new Document("bucketDigests", 0))
                .first();
        return Optional.ofNullable(document).map(AnchorStore::toAnchor);
    }

    ChainAnchor save(long position, Instant createdAt, long events, boolean intact, long breaks, List<Long> pendingIds,
                     Collection<ChainHeads.Head> chainHeads) {
        List<List<ChainHeads.Head>> byBucket = ChainHeads.byBucket(chainHeads, ChainHeads.BUCKETS);
        byte[] bucketDigests = ChainHeads.bucketDigests(byBucket);
        String headsDigest = ChainHeads.headsDigest(bucketDigests);
        for (int attempt = 0; attempt < 10; attempt++) {
            long number = all().stream().mapToLong(ChainAnchor::number).max().orElse(0) + 1;
            ChainAnchor unsigned = new ChainAnchor(number, position, createdAt, chainHeads.size(), events, intact,
                    breaks, pendingIds, ChainHeads.BUCKETS, headsDigest, key.fingerprint(), "");
            ChainAnchor anchor = unsigned.signed(key.sign(unsigned.statement()));
            List<Document> headDocuments = new ArrayList<>();
            for (int bucket = 0; bucket < byBucket.size(); bucket++) {
                if (!byBucket.get(bucket).isEmpty()) {
                    List<Document> entries = new ArrayList<>(byBucket.get(bucket).size());
                    for (ChainHeads.Head head : byBucket.get(bucket)) {
                        entries.add(new Document("a", head.aggregateId()).append("s", head.sequenceNumber())
                                .append("h", head.hash()));
                    }
                    headDocuments.add(new Document("_id", number + "/" + bucket).append("anchor", number)
                            .append("bucket", bucket).append("heads", entries));
                }
            }
            try {
                if (!headDocuments.isEmpty()) {
                    heads.insertMany(headDocuments);
                }
                anchors.insertOne(toDocument(anchor, bucketDigests, key.publicKeyBase64()));
                return anchor;
            } catch (MongoBulkWriteException | MongoWriteException e) {
                // Another node took this number at the same moment: take the next one.
                boolean duplicate = e instanceof MongoWriteException write
                        ? write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                        : ((MongoBulkWriteException) e).getWriteErrors().stream()
                        .anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
                if (!duplicate) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("Could not number a new chain anchor");
    }

    /** Null when the anchor's signature verifies with a trusted key, else why not. */
    String signatureProblem(ChainAnchor anchor) {
        return key.problemWith(anchor.keyFingerprint(), anchor.statement(), anchor.signature());
    }

    /** The anchor's heads of the given buckets (all when null), or the problems that make them untrustworthy. */
    record Loaded(Map<String, ChainHeads.Head> heads, List<String> problems) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    Loaded load(ChainAnchor anchor, Set<Integer> buckets) {
        List<String> problems = new ArrayList<>();
        String signatureProblem = key.problemWith(anchor.keyFingerprint(), anchor.statement(), anchor.signature());
        if (signatureProblem != null) {
            problems.add("anchor " + anchor.number() + ": " + signatureProblem);
        }
        Document document = anchors.find(Filters.eq("_id", anchor.number())).first();
        byte[] bucketDigests = document == null || !(document.get("bucketDigests") instanceof Binary binary)
                ? new byte[0] : binary.getData();
        if (bucketDigests.length != anchor.buckets() * 32
                || !ChainHeads.headsDigest(bucketDigests).equals(anchor.headsDigest())) {
            problems.add("anchor " + anchor.number() + ": bucket digests do not match its signed heads digest");
        }
        if (!problems.isEmpty()) {
            return new Loaded(Map.of(), problems);
        }
        List<Integer> wanted = new ArrayList<>();
        for (int bucket = 0; bucket < anchor.buckets(); bucket++) {
            if (buckets == null || buckets.contains(bucket)) {
                wanted.add(bucket);
            }
        }
        Map<Integer, List<ChainHeads.Head>> found = new HashMap<>();
        for (int chunk = 0; chunk < wanted.size(); chunk += IDS_PER_QUERY) {
            List<String> ids = wanted.subList(chunk, Math.min(chunk + IDS_PER_QUERY, wanted.size())).stream()
                    .map(bucket -> anchor.number() + "/" + bucket).toList();
            for (Document bucketDocument : heads.find(Filters.in("_id", ids))) {
                List<ChainHeads.Head> bucketHeads = new ArrayList<>();
                for (Document entry : bucketDocument.getList("heads", Document.class, List.of())) {
                    bucketHeads.add(new ChainHeads.Head(entry.getString("a"),
                            entry.get("s", Number.class).longValue(), entry.getString("h")));
                }
                bucketHeads.sort(Comparator.comparing(ChainHeads.Head::aggregateId));
                found.put(bucketDocument.get("bucket", Number.class).intValue(), bucketHeads);
            }
        }
        Map<String, ChainHeads.Head> result = new HashMap<>();
        for (int bucket : wanted) {
            List<ChainHeads.Head> bucketHeads = found.getOrDefault(bucket, List.of());
            byte[] expected = Arrays.copyOfRange(bucketDigests, bucket * 32, bucket * 32 + 32);
            if (!Arrays.equals(expected, ChainHeads.bucketDigest(bucketHeads))) {
                problems.add("anchor " + anchor.number() + ": recorded heads of bucket " + bucket
                        + " do not match the signed digest");
            }
            for (ChainHeads.Head head : bucketHeads) {
                result.put(head.aggregateId(), head);
            }
        }
        return new Loaded(problems.isEmpty() ? result : Map.of(), problems);
    }

    private static Document toDocument(ChainAnchor anchor, byte[] bucketDigests, String publicKey) {
        return new Document("_id", anchor.number())
                .append("position", anchor.position())
                .append("createdAt", Date.from(anchor.createdAt()))
                .append("aggregates", anchor.aggregates())
                .append("events", anchor.events())
                .append("storeIntact", anchor.storeIntact())
                .append("breaks", anchor.breaks())
                .append("pendingIds", anchor.pendingIds())
                .append("buckets", anchor.buckets())
                .append("headsDigest", anchor.headsDigest())
                .append("keyFingerprint", anchor.keyFingerprint())
                .append("publicKey", publicKey)
                .append("signature", anchor.signature())
                .append("bucketDigests", new Binary(bucketDigests));
    }

    private static ChainAnchor toAnchor(Document document) {
        List<Long> pending = new ArrayList<>();
        for (Object id : document.getList("pendingIds", Object.class, List.of())) {
            pending.add(((Number) id).longValue());
        }
        return new ChainAnchor(document.get("_id", Number.class).longValue(),
                number(document, "position"), document.getDate("createdAt").toInstant(),
                number(document, "aggregates"), number(document, "events"),
                Boolean.TRUE.equals(document.getBoolean("storeIntact")), number(document, "breaks"), pending,
                (int) number(document, "buckets"), document.getString("headsDigest"),
                document.getString("keyFingerprint"), document.getString("signature"));
    }

    private static long number(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }
}
