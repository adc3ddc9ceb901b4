package cn.talentportal.infra.axon;

import cn.talentportal.domain.candidate.Candidate;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationScreenedIn;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationSubmitted;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateEvents.ContractSigned;
import cn.talentportal.domain.candidate.CandidateEvents.OfferAccepted;
import cn.talentportal.domain.candidate.CandidateEvents.OfferExtended;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.OfferTerms;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.opening.Opening;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.OpeningEvents.OpeningDrafted;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPublished;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.infra.eventstore.EventSerializers;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

/** A snapshot must bring an aggregate back exactly as it was, private state included. */
class SnapshotSerializationTest {

    private final Serializer snapshots = EventSerializers.snapshots();

    @Test
    void a_candidate_comes_back_from_its_snapshot_with_every_application_and_its_stage() throws Exception {
        Candidate candidate = replay(Candidate.class,
                new CandidateRegistered("c1", "李明", new PhoneNumber("13800138000"),
                        new EmailAddress("liming@example.cn"), null, new CandidateProfile(Education.BACHELOR, "西南大学",
                        "数学", 2026, "城关镇", null, null), new RegistrationChannel(CandidateSource.CAMPUS_DRIVE, "d1",
                        "校园招聘"), RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)),
                new ApplicationSubmitted("c1", "a1", "李明", "o1", "数学教师", "u1", "县第一中学"),
                new ApplicationSubmitted("c1", "a2", "李明", "o2", "英语教师", "u1", "县第一中学"),
                new ApplicationScreenedIn("c1", "李明", "a1", "o1", "数学教师", "u1", "县第一中学", null),
                new OfferExtended("c1", "李明", "a1", "o1", "数学教师", "县第一中学", "i1",
                        new OfferTerms("高一数学教师", 5200, LocalDate.of(2027, 2, 20), LocalDate.of(2026, 12, 1)), "优秀"),
                new OfferAccepted("c1", "李明", "a1", "o1", "数学教师", "县第一中学", "高一数学教师"),
                new ContractSigned("c1", "李明", "a1", "o1", "数学教师", "u1", "县第一中学", Sector.EDUCATION, "城关镇",
                        "高一数学教师", 5200, LocalDate.of(2026, 11, 30), 5));
        assertRoundTrip(candidate);
    }

    @Test
    void an_opening_comes_back_from_its_snapshot_with_its_status_and_details() throws Exception {
        OpeningDetails details = new OpeningDetails("急需护士", "住院部护理", Sector.HEALTH, "城关镇",
                Education.JUNIOR_COLLEGE, "护理学", 4500, 6500, 3, Set.of(TalentCategory.URGENTLY_NEEDED),
                LocalDate.of(2026, 12, 31));
        Opening opening = replay(Opening.class, new OpeningDrafted("o1", "u1", "县人民医院", details),
                new OpeningPublished("o1", "u1", "县人民医院", details));
        assertRoundTrip(opening);
    }

    private void assertRoundTrip(Object aggregate) {
        SerializedObject<byte[]> serialized = snapshots.serialize(aggregate, byte[].class);
        Object restored = snapshots.deserialize(serialized);
        assertThat(restored).isInstanceOf(aggregate.getClass());
        assertThat(restored).usingRecursiveComparison().isEqualTo(aggregate);
        assertThat(new String(serialized.getData())).as("private state is written").contains("o1");
    }

    /** Builds an aggregate the way Axon does: no-argument constructor, then its event sourcing handlers. */
    private static <T> T replay(Class<T> type, Object... events) throws Exception {
        Constructor<T> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        T aggregate = constructor.newInstance();
        for (Object event : events) {
            Method handler = type.getDeclaredMethod("on", event.getClass());
            handler.setAccessible(true);
            handler.invoke(aggregate, event);
        }
        return aggregate;
    }
}
