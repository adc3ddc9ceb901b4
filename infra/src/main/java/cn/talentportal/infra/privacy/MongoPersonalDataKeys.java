package cn.talentportal.infra.privacy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Data keys in the {@code personal_data_keys} collection ({@code _id} = subject), each wrapped (AES-256-GCM, the
 * subject as associated data) by the master key, which is never stored in the database. An erased subject keeps a
 * tombstone ({@code erasedAt}, no key), so the same subject never gets a new key.
 * <p>
 * Keys are cached in memory (one lookup per subject, not per event) for {@code cacheTtl}. {@link #erase} evicts
 * them here and advances the {@link ErasureGeneration}, on which every other node drops its whole cache within its
 * poll interval.
 */
public class MongoPersonalDataKeys implements PersonalDataKeys {

    public static final String COLLECTION = "personal_data_keys";
    private static final int MAX_CACHED = 100_000;

    private final MongoCollection<Document> keys;
    private final SecretKey masterKey;
    private final Clock clock;
    private final long cacheTtlMillis;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final ErasureGeneration erasures;

    private record Cached(SecretKey key, long loadedAt) {
    }

    public MongoPersonalDataKeys(MongoDatabase database, SecretKey masterKey, Clock clock, Duration cacheTtl,
                                 ErasureGeneration erasures) {
        this.keys = database.getCollection(COLLECTION);
        this.erasures = erasures;
        erasures.onChange(cache::clear);
        this.masterKey = masterKey;
        this.clock = clock;
        this.cacheTtlMillis = cacheTtl.toMillis();
    }

    @Override
    public Optional<SecretKey> forWriting(String subjectId) {
        Optional<SecretKey> known = forReading(subjectId);
        if (known.isPresent() || isErased(subjectId)) {
            return known;
        }
        SecretKey created = generate();
        try {
            keys.insertOne(new Document("_id", subjectId)
                    .append("key", new Binary(PersonalDataCipher.encrypt(masterKey, created.getEncoded(), subjectId)))
                    .append("createdAt", Date.from(clock.instant())));
            remember(subjectId, created);
            return Optional.of(created);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return forReading(subjectId); // another writer made it first: use theirs
            }
            throw e;
        }
    }

    @Override
    public Optional<SecretKey> forReading(String subjectId) {
        Cached cached = cache.get(subjectId);
        long now = System.currentTimeMillis();
        if (cached != null && now - cached.loadedAt() < cacheTtlMillis) {
            return Optional.of(cached.key());
        }
        Document stored = keys.find(Filters.eq("_id", subjectId)).first();
        if (stored == null || stored.get("key") == null) {
            cache.remove(subjectId);
            return Optional.empty();
        }
        byte[] raw = PersonalDataCipher.decrypt(masterKey, stored.get("key", Binary.class).getData(), subjectId);
        SecretKey key = new SecretKeySpec(raw, "AES");
        remember(subjectId, key);
        return Optional.of(key);
    }

    @Override
    public void erase(Collection<String> subjectIds) {
        for (String subjectId : subjectIds) {
            keys.replaceOne(Filters.eq("_id", subjectId),
                    new Document("_id", subjectId).append("erasedAt", Date.from(clock.instant())),
                    new ReplaceOptions().upsert(true));
            cache.remove(subjectId);
        }
        erasures.advance();
    }

    @Override
    public void onErasure(Runnable forget) {
        erasures.onChange(forget);
    }

    @Override
    public boolean isErased(String subjectId) {
        Document stored = keys.find(Filters.eq("_id", subjectId)).first();
        return stored != null && stored.get("erasedAt") != null;
    }

    private void remember(String subjectId, SecretKey key) {
        if (cache.size() >= MAX_CACHED) {
            cache.clear(); // crude but bounded; a miss costs one lookup
        }
        cache.put(subjectId, new Cached(key, System.currentTimeMillis()));
    }

    private static SecretKey generate() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
