package cn.talentportal.infra.eventstore;

import cn.talentportal.infra.privacy.PersonalDataSubject;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.annotation.Nonnull;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static cn.talentportal.infra.eventstore.EventFields.*;

/**
 * Axon event storage engine on MongoDB whose every frequent read is an exact key lookup, so that it stays fast on the
 * embedded mongo-java-server (which answers only exact matches of a unique index, or {@code $in} on a single-key
 * unique index, without scanning) and runs unchanged on a MongoDB replica set. See
 * {@code docs/decisions/0002-event-storage-engine.md}.
 * <ul>
 * <li>{@code domain_events}: {@code _id} = global index from {@link GlobalIndexSequence}; {@code streamKey}
 * ({@code aggregate/sequence}, unique, sparse) guards against two writers appending the same sequence number.</li>
 * <li>{@code snapshot_events}: the latest snapshot per aggregate, {@code _id} = aggregate identifier.</li>
 * <li>Tracking: {@link GapAwareTrackingToken}s, read by {@link TrackedEventReader}.</li>
 * </ul>
 */
public class MongoLookupEventStorageEngine extends AbstractEventStorageEngine {

    private static final InsertManyOptions ORDERED = new InsertManyOptions().ordered(true);
    private static final int FIRST_AGGREGATE_BATCH = 16;
    private static final Bson LINK_ONLY = Projections.include(SEQUENCE_NUMBER, HASH);
    private static final Logger logger = LoggerFactory.getLogger(MongoLookupEventStorageEngine.class);
    /** Reads batches ahead for processors that are behind; daemon threads, one per read in flight, kept a minute. */
    private static final ExecutorService READ_AHEAD = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), Thread.ofPlatform().name("event-read-ahead-", 0).daemon().factory());

    private final MongoCollection<StoredEvent> events;
    private final MongoCollection<Document> snapshots;
    private final GlobalIndexSequence sequence;
    private final AggregateStreamReader aggregateReader;
    private final TrackedEventReader trackedReader;
    private final AppendDurability durability;
    private final int batchSize;
    private final ChainLinkCache chainLinks;

    protected MongoLookupEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase database = StoredEventCodec.withCodec(builder.database).withWriteConcern(builder.writeConcern);
        this.events = database.getCollection(EVENTS_COLLECTION, StoredEvent.class);
        this.snapshots = database.getCollection(SNAPSHOTS_COLLECTION);
        this.sequence = new GlobalIndexSequence(database.getCollection(SEQUENCE_COLLECTION));
        this.chainLinks = new ChainLinkCache(builder.chainLinkCacheSize);
        // Most streams are short (a calendar, an interview, a retention case: a handful of events): the first lookup
        // asks for 16 keys, not 100, and each later one doubles; the server checks every key asked for.
        this.aggregateReader = new AggregateStreamReader(events, Math.min(FIRST_AGGREGATE_BATCH,
                builder.aggregateBatchSize), builder.aggregateBatchSize, chainLinks);
        this.trackedReader = new TrackedEventReader(events, sequence, builder.gapTimeout, builder.maxGapOffset);
        this.durability = builder.durability;
        this.batchSize = builder.batchSize;
        ensureSchema();
    }

    public static Builder builder() {
        return new Builder();
    }

    private void ensureSchema() {
        // Sparse: events without an aggregate have no streamKey and must not collide on a missing value. A
        // partialFilterExpression would say the same, but the embedded server does not support it.
        events.createIndex(Indexes.ascending(STREAM_KEY), new IndexOptions().unique(true).sparse(true));
        // Only for createTokenAt on a real MongoDB; the embedded server ignores non-unique indexes.
        events.createIndex(Indexes.ascending(TIMESTAMP));
        sequence.ensureCounter();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> eventMessages, Serializer serializer) {
        if (eventMessages.isEmpty()) {
            return;
        }
        List<StoredEvent> toStore = new ArrayList<>(eventMessages.size());
        for (EventMessage<?> message : eventMessages) {
            toStore.add(toStoredEvent(message, serializer, 0));
        }
        long firstIndex;
        try {
            firstIndex = sequence.allocate(toStore.size());
        } catch (MongoException e) {
            throw new EventStoreException("Could not allocate global indexes for " + toStore.size() + " events", e);
        }
        Map<String, StoredEvent> lastOfAggregate = new HashMap<>();
        for (int i = 0; i < toStore.size(); i++) {
            StoredEvent event = toStore.get(i).withGlobalIndex(firstIndex + i);
            event = event.linkedAfter(previousLink(event, lastOfAggregate));
            if (event.belongsToAggregate()) {
                lastOfAggregate.put(event.aggregateIdentifier(), event);
            }
            toStore.set(i, event);
        }
        insert(toStore, eventMessages);
        for (StoredEvent last : lastOfAggregate.values()) {
            chainLinks.record(last.aggregateIdentifier(), last.sequenceNumber(), last.hash());
        }
        durability.afterAppend();
    }

    /**
     * The hash chain link an event is appended after (decision 0015): genesis for an aggregate's first event (and for
     * events without an aggregate), the previous event of the same commit, the link cache, or else one exact lookup
     * of the stream key of the event before.
     */
    private String previousLink(StoredEvent event, Map<String, StoredEvent> lastOfAggregate) {
        if (!event.belongsToAggregate() || event.sequenceNumber() == 0) {
            return EventChainHash.GENESIS;
        }
        StoredEvent inCommit = lastOfAggregate.get(event.aggregateIdentifier());
        if (inCommit != null && inCommit.sequenceNumber() == event.sequenceNumber() - 1) {
            return inCommit.hash();
        }
        String cached = chainLinks.linkBefore(event.aggregateIdentifier(), event.sequenceNumber());
        if (cached != null) {
            return cached;
        }
        StoredEvent before = events.find(Filters.eq(STREAM_KEY,
                        StoredEvent.streamKey(event.aggregateIdentifier(), event.sequenceNumber() - 1)))
                .projection(LINK_ONLY).first();
        if (before == null || before.hash() == null) {
            // Appending after a missing or never sealed event: link to genesis, and let verification report the gap.
            logger.warn("Hash chain: no linked event {}/{} before the appended one; linking it to genesis",
                    event.aggregateIdentifier(), event.sequenceNumber() - 1);
            return EventChainHash.GENESIS;
        }
        return before.hash();
    }

    private void insert(List<StoredEvent> toStore, List<? extends EventMessage<?>> eventMessages) {
        try {
            events.insertMany(toStore, ORDERED);
        } catch (MongoBulkWriteException e) {
            int failedAt = e.getWriteErrors().isEmpty() ? 0 : e.getWriteErrors().get(0).getIndex();
            removeInsertedBefore(toStore, failedAt);
            handlePersistenceException(e, eventMessages.get(failedAt));
        } catch (MongoException e) {
            handlePersistenceException(e, eventMessages.get(0));
        }
    }

    /**
     * An ordered insert stops at the first failure, leaving the events before it stored: remove them so the commit
     * is all or nothing (best effort, the store has no transactions; a tracking processor may have seen them).
     */
    private void removeInsertedBefore(List<StoredEvent> toStore, int failedAt) {
        if (failedAt > 0) {
            List<Long> inserted = toStore.subList(0, failedAt).stream().map(StoredEvent::globalIndex).toList();
            events.deleteMany(Filters.in(ID, inserted));
        }
    }

    /**
     * Serializes an event or snapshot with its aggregate as the subject of any personal data in it (decision 0026):
     * such values are encrypted with the stream's key. Events of no aggregate have no subject and cannot carry any.
     */
    private static StoredEvent toStoredEvent(EventMessage<?> message, Serializer serializer, long globalIndex) {
        String aggregateIdentifier = null;
        long sequenceNumber = 0;
        String type = null;
        if (message instanceof DomainEventMessage<?> domainEvent && domainEvent.getAggregateIdentifier() != null) {
            aggregateIdentifier = domainEvent.getAggregateIdentifier();
            sequenceNumber = domainEvent.getSequenceNumber();
            type = domainEvent.getType();
        }
        var payload = PersonalDataSubject.serializingFor(aggregateIdentifier,
                () -> message.serializePayload(serializer, String.class));
        var metaData = message.serializeMetaData(serializer, String.class);
        return new StoredEvent(globalIndex, aggregateIdentifier, sequenceNumber, type, message.getIdentifier(),
                message.getTimestamp().toEpochMilli(), payload.getType().getName(), payload.getType().getRevision(),
                payload.getData(), metaData.getData());
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        StoredEvent stored = toStoredEvent(snapshot, serializer, 0);
        Document document = new Document(ID, stored.aggregateIdentifier())
                .append(AGGREGATE_IDENTIFIER, stored.aggregateIdentifier())
                .append(SEQUENCE_NUMBER, stored.sequenceNumber())
                .append(TYPE, stored.type())
                .append(EVENT_IDENTIFIER, stored.eventIdentifier())
                .append(TIMESTAMP, new java.util.Date(stored.timestampMillis()))
                .append(PAYLOAD_TYPE, stored.payloadType())
                .append(PAYLOAD_REVISION, stored.payloadRevision())
                .append(PAYLOAD, stored.payload())
                .append(META_DATA, stored.metaData());
        try {
            Document existing = snapshots.find(Filters.eq(ID, stored.aggregateIdentifier()))
                    .projection(new Document(SEQUENCE_NUMBER, 1)).first();
            // Keep the newest snapshot when snapshotters race.
            if (existing == null || existing.get(SEQUENCE_NUMBER, Number.class).longValue() < stored.sequenceNumber()) {
                snapshots.replaceOne(Filters.eq(ID, stored.aggregateIdentifier()), document,
                        new ReplaceOptions().upsert(true));
            }
        } catch (MongoException e) {
            handlePersistenceException(e, snapshot);
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        StoredEvent snapshot = snapshots.withDocumentClass(StoredEvent.class)
                .find(Filters.eq(ID, aggregateIdentifier)).first();
        return snapshot == null ? Stream.empty() : Stream.of(snapshot);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
        return aggregateReader.read(identifier, firstSequenceNumber);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(@Nonnull String aggregateIdentifier) {
        return aggregateReader.lastSequenceNumber(aggregateIdentifier);
    }

    /**
     * Batch after batch until one comes back empty; Axon's event store polls again later. For a processor that is
     * behind, the stream is a pipeline (decision 0036): while the processor handles batch n, batch n+1 is upcast and
     * partly deserialized ({@link TrackedMessageReader}) and batch n+2 is read from the store, each on its own thread.
     */
    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return TrackedBatches.stream(trackingToken, batchSize, new ReadAhead<>(new TrackedMessageReader(
                new ReadAhead<>(this::storedBatch, READ_AHEAD), getEventSerializer(), upcasterChain), READ_AHEAD));
    }

    /** The stored form of {@link #readEvents(TrackingToken, boolean)}, read ahead alike. */
    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        return TrackedBatches.stream(trackingToken, batchSize, new ReadAhead<>(this::storedBatch, READ_AHEAD));
    }

    /**
     * A batch is "full" when indexes were allocated beyond its window: the reader is behind, even when the window held
     * fewer events than its size (indexes of failed appends, or of appends still in flight, are holes in it).
     */
    private TrackedBatches.Batch<TrackedEventData<?>> storedBatch(TrackingToken after, int size) {
        TrackedEventReader.Window window = trackedReader.read(after, size);
        List<TrackedEventData<?>> events = window.events();
        return new TrackedBatches.Batch<>(events,
                events.isEmpty() ? null : events.get(events.size() - 1).trackingToken(), window.moreAllocated());
    }

    /** The start of the stream: a token before index 1, so a processor reads everything. */
    @Override
    public TrackingToken createTailToken() {
        return TrackedEventReader.startOfStream();
    }

    /** After the last allocated index (one lookup). Events still in flight below it will not be delivered. */
    @Override
    public TrackingToken createHeadToken() {
        return GapAwareTrackingToken.newInstance(sequence.lastAllocated(), Collections.emptySortedSet());
    }

    /**
     * Before the first event stored at or after {@code dateTime}. This is the one read that is a range query: on the
     * embedded server it scans the collection (seconds for a million events); it is meant for rare administrative
     * resets, never for a hot path.
     */
    @Override
    public TrackingToken createTokenAt(@Nonnull Instant dateTime) {
        StoredEvent first = events.find(Filters.gte(TIMESTAMP, java.util.Date.from(dateTime)))
                .projection(new Document(ID, 1)).sort(Sorts.ascending(ID)).limit(1).first();
        if (first == null) {
            return createHeadToken();
        }
        return GapAwareTrackingToken.newInstance(first.globalIndex() - 1, Collections.emptySortedSet());
    }

    /** Events per tracking batch. */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Builds the engine. Required: {@link #mongoDatabase}, {@link #eventSerializer} and {@link #snapshotSerializer}
     * (Jackson, see {@link EventSerializers}).
     */
    public static class Builder extends AbstractEventStorageEngine.Builder {

        private MongoDatabase database;
        private int batchSize = 1000;
        private int aggregateBatchSize = 100;
        private Duration gapTimeout = Duration.ofSeconds(60);
        private int maxGapOffset = 10_000;
        private AppendDurability durability = AppendDurability.NONE;
        private WriteConcern writeConcern = WriteConcern.ACKNOWLEDGED;
        private int chainLinkCacheSize = 10_000;

        protected Builder() {
            persistenceExceptionResolver(new MongoDuplicateKeyResolver());
        }

        public Builder mongoDatabase(MongoDatabase database) {
            this.database = database;
            return this;
        }

        /** Events per tracking batch (default 1,000). */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be positive");
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Events per lookup of an aggregate load (default 100; see TrackedEventReader.IDS_PER_QUERY for why short). */
        public Builder aggregateBatchSize(int aggregateBatchSize) {
            if (aggregateBatchSize < 1) {
                throw new IllegalArgumentException("aggregateBatchSize must be positive");
            }
            this.aggregateBatchSize = aggregateBatchSize;
            return this;
        }

        /** How long a missing global index is waited for (default 60 s). */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        /** How far behind the token gaps are kept at most (default 10,000). */
        public Builder maxGapOffset(int maxGapOffset) {
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        public Builder durability(AppendDurability durability) {
            this.durability = durability;
            return this;
        }

        /** Write concern of the event collections (default acknowledged; majority + journal on a replica set). */
        public Builder writeConcern(WriteConcern writeConcern) {
            this.writeConcern = writeConcern;
            return this;
        }

        /** Aggregates whose last hash chain link is kept in memory for the next append (default 10,000). */
        public Builder chainLinkCacheSize(int chainLinkCacheSize) {
            if (chainLinkCacheSize < 0) {
                throw new IllegalArgumentException("chainLinkCacheSize must not be negative");
            }
            this.chainLinkCacheSize = chainLinkCacheSize;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver resolver) {
            super.persistenceExceptionResolver(resolver);
            return this;
        }

        public MongoLookupEventStorageEngine build() {
            return new MongoLookupEventStorageEngine(this);
        }

        @Override
        protected void validate() {
            if (database == null) {
                throw new org.axonframework.common.AxonConfigurationException("The MongoDatabase is required");
            }
            super.validate();
        }
    }
}
