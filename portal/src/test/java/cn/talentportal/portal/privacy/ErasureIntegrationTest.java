package cn.talentportal.portal.privacy;

import cn.talentportal.domain.candidate.CandidateCommands.ApplyToOpening;
import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.ConsentPurpose;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationClaims.RegistrationKey;
import cn.talentportal.domain.candidate.RegistrationClaims;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.employer.EmployerCommands.AssignRecruiter;
import cn.talentportal.domain.employer.EmployerCommands.CreateEmployerUnit;
import cn.talentportal.domain.employer.EmployerType;
import cn.talentportal.domain.opening.OpeningCommands.DraftOpening;
import cn.talentportal.domain.opening.OpeningCommands.PublishOpening;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.privacy.ErasureCommands.ApproveErasure;
import cn.talentportal.domain.privacy.ErasureCommands.RequestErasure;
import cn.talentportal.domain.retention.RetentionCommands.AssignServiceSpecialist;
import cn.talentportal.domain.retention.RetentionCommands.GrantSchoolPlace;
import cn.talentportal.domain.retention.RetentionCommands.OpenRetentionCase;
import cn.talentportal.domain.retention.RetentionCommands.RequestRetentionService;
import cn.talentportal.domain.retention.RetentionEvents.SchoolPlaceGranted;
import cn.talentportal.domain.retention.ServiceType;
import cn.talentportal.domain.shared.ChildName;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.IdNumber;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.infra.eventstore.chain.ChainVerificationReport;
import cn.talentportal.infra.eventstore.chain.EventChainVerifier;
import cn.talentportal.infra.mongo.TalentMongoProperties;
import cn.talentportal.infra.privacy.PersonalDataKeys;
import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.processing.ReadModelRebuilds;
import cn.talentportal.portal.processing.RebuildProgress;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.projections.candidate.CandidateQueries.FindCandidateHistory;
import cn.talentportal.projections.candidate.HistoryEntry;
import cn.talentportal.projections.dossier.CandidateDossier;
import cn.talentportal.projections.dossier.DossierQueries.FindCandidateAsOf;
import cn.talentportal.projections.statistics.OfficeStatisticsProjection;
import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.portal.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 6's check of erasure under PIPL (decision 0026): a candidate with phone, email, ID number and a child with a
 * school place; the erasure requested and approved; then no MongoDB collection and no search index holds any of
 * those values in plaintext, the hash chain still verifies, and history, dossier and a read-model rebuild still
 * replay, with the fields shown as erased and what statistics may keep kept (decision 0035).
 */
class ErasureIntegrationTest extends PortalTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;
    @Autowired QueryGateway queries;
    @Autowired MongoClient mongo;
    @Autowired TalentMongoProperties mongoProperties;
    @Autowired Rest5Client search;
    @Autowired EventChainVerifier chain;
    @Autowired PersonalDataKeys keys;
    @Autowired ReadModelRebuilds rebuilds;
    @Autowired RegistrationClaims claims;

    @AfterEach
    void nobody() {
        actAsNobody();
    }

    @Test
    void an_approved_erasure_leaves_no_plaintext_anywhere_and_the_chain_verifies() throws IOException {
        String phone = uniquePhone();
        String email = "e" + UUID.randomUUID().toString().substring(0, 12) + "@example.cn";
        String idNumber = uniqueIdNumber();
        String child = "李" + UUID.randomUUID().toString().substring(0, 8) + "宝";
        List<String> personal = List.of(phone, email, idNumber, child);

        // an administrator sets up a school with an opening; the candidate registers and applies
        UserAccount admin = account(accounts, "admin", Role.ADMIN, "管理员", null, null);
        UserAccount secondAdmin = account(accounts, "admin", Role.ADMIN, "副管理员", null, null);
        actAs(admin);
        String unitId = UUID.randomUUID().toString();
        commands.send(new CreateEmployerUnit(unitId, "县第五中学", EmployerType.SCHOOL, "城关镇", Sector.EDUCATION));
        UserAccount recruiter = account(accounts, "recruiter", Role.RECRUITER, "赵校长", unitId, null);
        commands.send(new AssignRecruiter(unitId, recruiter.userId(), recruiter.displayName()));
        actAs(recruiter);
        String openingId = UUID.randomUUID().toString();
        commands.send(new DraftOpening(openingId, unitId, "县第五中学", new OpeningDetails("高中物理教师",
                "承担高中物理教学", Sector.EDUCATION, "城关镇", Education.BACHELOR, "物理学", 5000, 6500, 2,
                Set.of(TalentCategory.GRADUATE), LocalDate.now(clock).plusMonths(2))));
        commands.send(new PublishOpening(openingId));

        actAsNobody();
        String candidateId = UUID.randomUUID().toString();
        commands.send(new RegisterCandidate(candidateId, "钱小芳", new PhoneNumber(phone), new EmailAddress(email),
                new IdNumber(idNumber), new CandidateProfile(Education.BACHELOR, "西南大学", "物理学", 2026, "城关镇",
                "重庆", "普通话二甲"), new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                RegistrationConsent.given("2026-11", ConsentPurpose.DATA_USE)));
        UserAccount candidate = account(accounts, "qian", Role.CANDIDATE, "钱小芳", null, candidateId);
        accounts.setEmail(candidate.username(), email);
        actAs(candidate);
        commands.send(new ApplyToOpening(candidateId, UUID.randomUUID().toString(), openingId));

        // placed at the school: her retention case grants her child a school place
        String caseId = UUID.randomUUID().toString();
        commands.sendAsSystem(new OpenRetentionCase(caseId, candidateId, "钱小芳", unitId, "县第五中学", "高中物理教师",
                Sector.EDUCATION, "城关镇", LocalDate.now(clock), LocalDate.now(clock).minusDays(7)));
        UserAccount specialist = account(accounts, "specialist", Role.SPECIALIST, "孙专员", null, null);
        actAs(admin);
        commands.send(new AssignServiceSpecialist(caseId, specialist.userId(), specialist.displayName()));
        actAs(candidate);
        String requestId = UUID.randomUUID().toString();
        commands.send(new RequestRetentionService(caseId, requestId, ServiceType.SCHOOL_PLACE, "孩子上小学"));
        actAs(specialist);
        commands.send(new GrantSchoolPlace(caseId, requestId, new ChildName(child), "城关镇中心小学", "一年级"));
        actAsNobody(); // the checks below read as the system, which may read everything
        eventually(() -> asOf(candidateId), dossier -> dossier.section("retention/" + caseId).isPresent(),
                "the retention case linked to the candidate");
        Document statisticsBefore = eventually(() -> statisticsOf(candidateId), d -> d != null,
                "her registration in the statistics");
        assertThat(statisticsBefore.getInteger("birthYear")).isEqualTo(Integer.parseInt(idNumber.substring(6, 10)));
        assertThat(history(candidateId)).first().extracting(HistoryEntry::payload)
                .isInstanceOfSatisfying(CandidateRegistered.class,
                        registered -> assertThat(registered.phone().value()).isEqualTo(phone));

        // she asks for erasure; she cannot approve it herself (only administrators approve), another person does
        actAs(candidate);
        commands.send(new RequestErasure(candidateId, "钱小芳", "不再需要平台服务"));
        actAs(candidate);
        assertThatThrownBy(() -> commands.send(new ApproveErasure(candidateId, "本人批准")))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("security.refused");
        actAs(secondAdmin);
        commands.send(new ApproveErasure(candidateId, "本人申请，身份已核实"));
        actAsNobody();
        eventually(() -> keys.isErased(candidateId) && keys.isErased(caseId), Boolean::booleanValue,
                "the keys of her streams deleted");

        // no plaintext of hers anywhere: every collection of every database, and every search index
        List<String> found = new ArrayList<>();
        for (String databaseName : mongo.listDatabaseNames()) {
            MongoDatabase database = mongo.getDatabase(databaseName);
            for (String collection : database.listCollectionNames()) {
                for (BsonDocument document : database.getCollection(collection, BsonDocument.class).find()) {
                    scan(document, personal, databaseName + "." + collection, found);
                }
            }
        }
        assertThat(mongo.listDatabaseNames().into(new ArrayList<>())).contains(mongoProperties.database());
        String indices = body(search.performRequest(new Request("GET", "/_cat/indices?h=index")));
        assertThat(indices).isNotBlank();
        String everything = body(search.performRequest(new Request("GET",
                "/_all/_search?size=10000&q=*:*&expand_wildcards=all")));
        assertThat(everything).contains("\"hits\"");
        for (String value : personal) {
            if (everything.contains(value)) {
                found.add("search index: " + value);
            }
        }
        assertThat(found).as("plaintext personal data left after erasure").isEmpty();

        // the audit hash chain of the whole store still verifies
        ChainVerificationReport report = chain.verifyStore();
        assertThat(report.breaks()).isEmpty();
        assertThat(report.intact()).isTrue();

        // history and dossier replay, the personal fields erased and everything else kept
        List<HistoryEntry> history = history(candidateId);
        assertThat(history).first().extracting(HistoryEntry::payload)
                .isInstanceOfSatisfying(CandidateRegistered.class, registered -> {
                    assertThat(registered.phone()).isNull();
                    assertThat(registered.email()).isNull();
                    assertThat(registered.idNumber()).isNull();
                    assertThat(registered.fullName()).isEqualTo("钱小芳");
                    assertThat(registered.profile().graduationYear()).isEqualTo(2026);
                });
        CandidateDossier dossier = asOf(candidateId);
        assertThat(dossier.value("profile/phone")).isNull();
        assertThat(dossier.value("profile/email")).isNull();
        assertThat(dossier.value("profile/idNumber")).isNull();
        assertThat(dossier.value("retention/" + caseId + "/schoolPlaces/1/child")).isNull();
        assertThat(dossier.value("retention/" + caseId + "/schoolPlaces/1/school")).isEqualTo("城关镇中心小学");
        assertThat(queries.query(new cn.talentportal.projections.candidate.CandidateQueries.FindStreamsHistory(
                        List.of(caseId)), ResponseTypes.multipleInstancesOf(HistoryEntry.class)).join())
                .extracting(HistoryEntry::payload).filteredOn(SchoolPlaceGranted.class::isInstance).singleElement()
                .satisfies(granted -> assertThat(((SchoolPlaceGranted) granted).child()).isNull());
        assertThat(accounts.emailOfUser(candidate.userId())).isEmpty();
        // nor do the keyed hashes that kept the registration unique (and let auditors find the person) point to them
        assertThat(claims.holderOf(new RegistrationKey(RegistrationKey.Kind.ID_NUMBER, idNumber))).isEmpty();
        assertThat(claims.holderOf(new RegistrationKey(RegistrationKey.Kind.PHONE, phone))).isEmpty();

        // a read model that reads her registration rebuilds from the store without error
        actAsNobody();
        rebuilds.rebuild("office-statistics");
        RebuildProgress rebuilt = eventually(() -> rebuilds.progress("office-statistics").orElseThrow(),
                RebuildProgress::finished, "office-statistics rebuilt");
        assertThat(rebuilt.error()).isNull();
        // and keeps what the law lets statistics keep: birth year, education, hometown county, graduation year
        assertThat(eventually(() -> statisticsOf(candidateId), d -> d != null, "her statistics rebuilt"))
                .isEqualTo(statisticsBefore)
                .containsEntry("education", "BACHELOR").containsEntry("hometownCounty", "城关镇")
                .containsEntry("graduationYear", 2026);
    }

    private Document statisticsOf(String candidateId) {
        return mongo.getDatabase(mongoProperties.database()).getCollection(OfficeStatisticsProjection.CANDIDATES)
                .find(Filters.eq("_id", candidateId)).first();
    }

    private List<HistoryEntry> history(String candidateId) {
        return queries.query(new FindCandidateHistory(candidateId),
                ResponseTypes.multipleInstancesOf(HistoryEntry.class)).join();
    }

    private CandidateDossier asOf(String candidateId) {
        return queries.query(new FindCandidateAsOf(candidateId, Instant.now()), CandidateDossier.class).join();
    }

    /** Every string and binary (read as UTF-8) in a document, field names included, recursively. */
    private static void scan(BsonValue value, List<String> personal, String where, List<String> found) {
        if (value instanceof BsonDocument document) {
            for (Map.Entry<String, BsonValue> field : document.entrySet()) {
                check(field.getKey(), personal, where, found);
                scan(field.getValue(), personal, where, found);
            }
        } else if (value instanceof BsonArray array) {
            array.forEach(element -> scan(element, personal, where, found));
        } else if (value instanceof BsonString string) {
            check(string.getValue(), personal, where, found);
        } else if (value instanceof BsonBinary binary) {
            check(new String(binary.getData(), StandardCharsets.UTF_8), personal, where, found);
        }
    }

    private static void check(String text, List<String> personal, String where, List<String> found) {
        for (String value : personal) {
            if (text.contains(value)) {
                found.add(where + ": " + value);
            }
        }
    }

    private static String body(co.elastic.clients.transport.rest5_client.low_level.Response response)
            throws IOException {
        try (var content = response.getEntity().getContent()) {
            return new String(content.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String uniquePhone() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A valid mainland ID number (GB 11643 check character) no other test uses. */
    private static String uniqueIdNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = "500101" + (1990 + random.nextInt(10)) + String.format("%02d%02d", 1 + random.nextInt(12),
                1 + random.nextInt(28)) + String.format("%03d", random.nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
