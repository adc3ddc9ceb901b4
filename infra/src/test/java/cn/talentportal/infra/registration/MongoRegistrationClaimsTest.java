package cn.talentportal.infra.registration;

import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationClaims.ExistingRegistration;
import cn.talentportal.domain.candidate.RegistrationClaims.RegistrationKey;
import cn.talentportal.domain.candidate.RegistrationClaims.RegistrationKey.Kind;
import cn.talentportal.infra.eventstore.MongoLookupEventStorageEngine;
import cn.talentportal.infra.testing.EmbeddedMongo;
import cn.talentportal.infra.testing.MutableClock;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Registration claims on the real embedded server, with the real event store for the orphan check. */
class MongoRegistrationClaimsTest {

    private static final RegistrationKey ID_NUMBER = new RegistrationKey(Kind.ID_NUMBER, "11010119900307123X");
    private static final RegistrationKey PHONE = new RegistrationKey(Kind.PHONE, "13800138000");
    private static final RegistrationKey EMAIL = new RegistrationKey(Kind.EMAIL, "liming@example.cn");
    private static final Duration ORPHAN_AFTER = Duration.ofMinutes(2);

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private EmbeddedMongo mongo;
    private MongoLookupEventStorageEngine engine;
    private MongoRegistrationClaims claims;

    @BeforeEach
    void start() {
        mongo = new EmbeddedMongo(dataDir);
        engine = mongo.engine();
        claims = claims("");
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void aKeyBelongsToOneCandidateAndTheClashNamesOnlyKindAndChannel() {
        assertThat(claims.claim("c-1", CandidateSource.CAMPUS_DRIVE, List.of(ID_NUMBER, PHONE, EMAIL))).isEmpty();
        registered("c-1");

        assertThat(claims.claim("c-2", CandidateSource.SELF_REGISTRATION,
                List.of(new RegistrationKey(Kind.EMAIL, "other@example.cn"), PHONE)))
                .contains(new ExistingRegistration(Kind.PHONE, CandidateSource.CAMPUS_DRIVE));
        // The same value under another kind is another key.
        assertThat(claims.claim("c-3", CandidateSource.REFERRAL,
                List.of(new RegistrationKey(Kind.EMAIL, PHONE.value())))).isEmpty();
    }

    @Test
    void allKeysOrNone() {
        claims.claim("c-1", CandidateSource.LIVESTREAM, List.of(PHONE));
        registered("c-1");
        long before = claimsCollection().countDocuments();

        assertThat(claims.claim("c-2", CandidateSource.SELF_REGISTRATION, List.of(ID_NUMBER, EMAIL, PHONE)))
                .contains(new ExistingRegistration(Kind.PHONE, CandidateSource.LIVESTREAM));
        assertThat(claimsCollection().countDocuments()).as("ID number and email released").isEqualTo(before);
        assertThat(claims.claim("c-3", CandidateSource.REFERRAL, List.of(ID_NUMBER, EMAIL))).isEmpty();
    }

    @Test
    void aCandidateRetryingClaimsWhatItAlreadyHolds() {
        assertThat(claims.claim("c-1", CandidateSource.SELF_REGISTRATION, List.of(ID_NUMBER, PHONE))).isEmpty();
        assertThat(claims.claim("c-1", CandidateSource.SELF_REGISTRATION, List.of(ID_NUMBER, PHONE, EMAIL))).isEmpty();
        assertThat(claimsCollection().countDocuments()).isEqualTo(3);

        // A retry that fails on a key held by another candidate keeps what the candidate held before.
        RegistrationKey taken = new RegistrationKey(Kind.EMAIL, "taken@example.cn");
        claims.claim("c-9", CandidateSource.REFERRAL, List.of(taken));
        assertThat(claims.claim("c-1", CandidateSource.SELF_REGISTRATION, List.of(ID_NUMBER, taken)))
                .contains(new ExistingRegistration(Kind.EMAIL, CandidateSource.REFERRAL));
        assertThat(claims.claim("c-2", CandidateSource.REFERRAL, List.of(ID_NUMBER)))
                .contains(new ExistingRegistration(Kind.ID_NUMBER, CandidateSource.SELF_REGISTRATION));
    }

    @Test
    void aUnitOfWorkThatRollsBackReleasesItsClaims() {
        UnitOfWork<?> failing = DefaultUnitOfWork.startAndGet(null);
        assertThat(claims.claim("c-1", CandidateSource.CAMPUS_DRIVE, List.of(ID_NUMBER, PHONE))).isEmpty();
        failing.rollback(new IllegalStateException("registration refused"));
        assertThat(claimsCollection().countDocuments()).isZero();

        UnitOfWork<?> committing = DefaultUnitOfWork.startAndGet(null);
        assertThat(claims.claim("c-2", CandidateSource.CAMPUS_DRIVE, List.of(ID_NUMBER, PHONE))).isEmpty();
        committing.commit();
        assertThat(claims.claim("c-3", CandidateSource.REFERRAL, List.of(PHONE)))
                .contains(new ExistingRegistration(Kind.PHONE, CandidateSource.CAMPUS_DRIVE));
    }

    @Test
    void aClaimLeftByARegistrationThatNeverReachedTheStoreIsTakenOverOnceItIsOld() {
        claims.claim("c-crashed", CandidateSource.SELF_REGISTRATION, List.of(PHONE)); // then the process died
        claims.claim("c-registered", CandidateSource.CAMPUS_DRIVE, List.of(EMAIL));
        registered("c-registered");

        assertThat(claims.claim("c-2", CandidateSource.REFERRAL, List.of(PHONE)))
                .as("may still be in flight").contains(new ExistingRegistration(Kind.PHONE,
                        CandidateSource.SELF_REGISTRATION));

        clock.advance(ORPHAN_AFTER);
        assertThat(claims.claim("c-2", CandidateSource.REFERRAL, List.of(PHONE))).isEmpty();
        assertThat(claims.claim("c-crashed", CandidateSource.SELF_REGISTRATION, List.of(PHONE)))
                .contains(new ExistingRegistration(Kind.PHONE, CandidateSource.REFERRAL));
        assertThat(claims.claim("c-3", CandidateSource.REFERRAL, List.of(EMAIL)))
                .as("a registered candidate keeps their claims").contains(
                        new ExistingRegistration(Kind.EMAIL, CandidateSource.CAMPUS_DRIVE));
    }

    @Test
    void noKeyIsStoredInPlaintextAndTheGeneratedSecretSurvivesARestart() {
        claims.claim("c-1", CandidateSource.CAMPUS_DRIVE, List.of(ID_NUMBER, PHONE, EMAIL));
        registered("c-1");

        String stored = everything(claimsCollection()) + everything(mongo.database.getCollection(ClaimSecret.SETTINGS));
        assertThat(stored).doesNotContain(ID_NUMBER.value(), PHONE.value(), EMAIL.value(), "19900307", "38001380")
                .contains("c-1", "CAMPUS_DRIVE", "PHONE");

        mongo.close();
        mongo = new EmbeddedMongo(dataDir);
        engine = mongo.engine();
        assertThat(claims("").claim("c-2", CandidateSource.REFERRAL, List.of(EMAIL)))
                .contains(new ExistingRegistration(Kind.EMAIL, CandidateSource.CAMPUS_DRIVE));
    }

    @Test
    void aConfiguredSecretCannotChangeOnceClaimsExist() {
        claims.claim("c-1", CandidateSource.CAMPUS_DRIVE, List.of(PHONE));
        assertThatThrownBy(() -> claims("a-configured-secret-of-32-bytes!"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("talent.registration.claim-secret differs");

        claimsCollection().deleteMany(new Document());
        MongoRegistrationClaims configured = claims("a-configured-secret-of-32-bytes!");
        configured.claim("c-1", CandidateSource.CAMPUS_DRIVE, List.of(PHONE));
        assertThat(everything(mongo.database.getCollection(ClaimSecret.SETTINGS)))
                .as("a configured secret is not stored").doesNotContain("generatedSecret", "a-configured-secret");
        assertThat(claims("a-configured-secret-of-32-bytes!").claim("c-2", CandidateSource.REFERRAL, List.of(PHONE)))
                .isPresent();
        assertThatThrownBy(() -> claims("")).hasMessageContaining("is no longer set");
    }

    private MongoRegistrationClaims claims(String secret) {
        return new MongoRegistrationClaims(mongo.database, WriteConcern.ACKNOWLEDGED, secret, engine, clock,
                ORPHAN_AFTER);
    }

    /** The candidate's registration reached the event store. */
    private void registered(String candidateId) {
        engine.appendEvents(new GenericDomainEventMessage<>("Candidate", candidateId, 0, "registered"));
    }

    private MongoCollection<Document> claimsCollection() {
        return mongo.database.getCollection(MongoRegistrationClaims.COLLECTION);
    }

    private static String everything(MongoCollection<Document> collection) {
        StringBuilder text = new StringBuilder();
        collection.find().forEach(document -> text.append(document.toJson()).append('\n'));
        return text.toString();
    }
}
