package cn.talentportal.infra.registration;

import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationClaims;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * {@link RegistrationClaims} on the collection {@code registration_claims}: one document per claimed key, its
 * {@code _id} the key's HMAC ({@link ClaimKeyHasher}), so the unique {@code _id} index refuses a second holder on any
 * MongoDB, the embedded server included. Holds {@code kind}, {@code candidateId}, {@code source} and
 * {@code claimedAt}; never the key itself.
 * <p>
 * Without transactions, "all or none" is kept by hand: keys are inserted one by one and, at the first key held by
 * someone else, the ones inserted by this call are deleted again; a unit of work that rolls back deletes them too.
 * A claim whose candidate never reached the event store (the registering process died) is taken over once it is
 * older than {@code orphanAfter}, so a failed registration cannot block a person forever; the delay keeps a
 * registration still in flight from being taken over.
 */
public class MongoRegistrationClaims implements RegistrationClaims {

    public static final String COLLECTION = "registration_claims";

    static final String ID = "_id";
    static final String KIND = "kind";
    static final String CANDIDATE_ID = "candidateId";
    static final String SOURCE = "source";
    static final String CLAIMED_AT = "claimedAt";

    private static final Logger log = LoggerFactory.getLogger(MongoRegistrationClaims.class);
    private static final int ATTEMPTS_PER_KEY = 3;

    private final MongoCollection<Document> claims;
    private final ClaimKeyHasher hasher;
    private final EventStorageEngine events;
    private final Clock clock;
    private final Duration orphanAfter;

    /**
     * @param claimSecret {@code talent.registration.claim-secret}; empty = generated once and kept in {@code settings}
     * @throws IllegalStateException when the secret differs from the one the existing claims were made with
     */
    public MongoRegistrationClaims(MongoDatabase database, WriteConcern writeConcern, String claimSecret,
                                   EventStorageEngine events, Clock clock, Duration orphanAfter) {
        this.claims = database.getCollection(COLLECTION).withWriteConcern(writeConcern);
        this.hasher = ClaimSecret.resolve(
                database.getCollection(ClaimSecret.SETTINGS).withWriteConcern(writeConcern),
                claimSecret, claims.find().limit(1).first() != null);
        this.events = events;
        this.clock = clock;
        this.orphanAfter = orphanAfter;
    }

    @Override
    public Optional<ExistingRegistration> claim(String candidateId, CandidateSource source,
                                                Collection<RegistrationKey> keys) {
        List<String> written = new ArrayList<>();
        try {
            for (RegistrationKey key : keys) {
                Optional<Document> holder = take(hasher.claimId(key), key, candidateId, source, written);
                if (holder.isPresent()) {
                    release(candidateId, written);
                    return Optional.of(new ExistingRegistration(key.kind(),
                            CandidateSource.valueOf(holder.get().getString(SOURCE))));
                }
            }
        } catch (RuntimeException e) {
            release(candidateId, written);
            throw e;
        }
        if (!written.isEmpty()) {
            CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.onRollback(u -> release(candidateId, written)));
        }
        return Optional.empty();
    }

    @Override
    public void releaseAll(String candidateId) {
        claims.deleteMany(Filters.eq(CANDIDATE_ID, candidateId));
    }

    @Override
    public Optional<String> holderOf(RegistrationKey key) {
        return Optional.ofNullable(claims.find(Filters.eq(ID, hasher.claimId(key))).first())
                .map(claim -> claim.getString(CANDIDATE_ID));
    }

    /**
     * Makes the key the candidate's: inserted (or taken over from an orphan; then added to {@code written}), or
     * already theirs (a retry).
     *
     * @return the other candidate's claim that holds the key, or empty when the key is now the candidate's
     */
    private Optional<Document> take(String claimId, RegistrationKey key, String candidateId, CandidateSource source,
                                    List<String> written) {
        for (int attempt = 0; attempt < ATTEMPTS_PER_KEY; attempt++) {
            Document claim = new Document(ID, claimId)
                    .append(KIND, key.kind().name())
                    .append(CANDIDATE_ID, candidateId)
                    .append(SOURCE, source.name())
                    .append(CLAIMED_AT, Date.from(clock.instant()));
            if (insert(claim)) {
                written.add(claimId);
                return Optional.empty();
            }
            Document holder = claims.find(Filters.eq(ID, claimId)).first();
            if (holder == null) {
                continue; // released in the meantime
            }
            if (candidateId.equals(holder.getString(CANDIDATE_ID))) {
                return Optional.empty();
            }
            if (!isOrphan(holder)) {
                return Optional.of(holder);
            }
            // Replace only the orphan's claim as read: of two takers, one wins; the other reads the winner's.
            if (claims.replaceOne(Filters.and(Filters.eq(ID, claimId),
                    Filters.eq(CANDIDATE_ID, holder.getString(CANDIDATE_ID)),
                    Filters.eq(CLAIMED_AT, holder.getDate(CLAIMED_AT))), claim).getMatchedCount() == 1) {
                log.info("Registration claim ({}) of candidate {}, who never reached the event store, taken over by {}",
                        key.kind(), holder.getString(CANDIDATE_ID), candidateId);
                written.add(claimId);
                return Optional.empty();
            }
        }
        throw new IllegalStateException("The registration claim (" + key.kind() + ") kept changing; try again");
    }

    /** A registration that claimed and then died before its events reached the store. */
    private boolean isOrphan(Document holder) {
        Date claimedAt = holder.getDate(CLAIMED_AT);
        boolean oldEnough = claimedAt == null
                || !claimedAt.toInstant().plus(orphanAfter).isAfter(clock.instant());
        return oldEnough && events.lastSequenceNumberFor(holder.getString(CANDIDATE_ID)).isEmpty();
    }

    private boolean insert(Document claim) {
        try {
            claims.insertOne(claim);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Deletes this candidate's claims among {@code claimIds}; a claim someone took over meanwhile stays. */
    private void release(String candidateId, List<String> claimIds) {
        if (!claimIds.isEmpty()) {
            claims.deleteMany(Filters.and(Filters.in(ID, claimIds), Filters.eq(CANDIDATE_ID, candidateId)));
        }
    }
}
