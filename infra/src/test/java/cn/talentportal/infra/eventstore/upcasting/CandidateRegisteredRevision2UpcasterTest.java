package cn.talentportal.infra.eventstore.upcasting;

import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.IdNumber;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.infra.eventstore.EventSerializers;
import cn.talentportal.infra.eventstore.StoredEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static cn.talentportal.domain.candidate.ConsentPurpose.OUTREACH_CONTACT;
import static org.assertj.core.api.Assertions.assertThat;

/** A registration stored before issue 2 is read as today's event, the way the storage engine reads it. */
class CandidateRegisteredRevision2UpcasterTest {

    static final CandidateProfile PROFILE = new CandidateProfile(Education.BACHELOR, "西南大学", "数学", 2026, "城关镇",
            null, null);

    /** The shape of {@code CandidateRegistered} at revision 1, serialized as the portal wrote it then. */
    record CandidateRegisteredRevision1(String candidateId, String fullName, PhoneNumber phone, EmailAddress email,
                                        CandidateProfile profile, CandidateSource source, String sourceReference) {
    }

    private final Serializer serializer = EventSerializers.jackson();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(
            new UpcastingConfiguration().candidateRegisteredRevision2Upcaster(),
            new UpcastingConfiguration().candidateRegisteredRevision3Upcaster(),
            new UpcastingConfiguration().candidateRegisteredRevision4Upcaster());

    @Test
    void a_revision_1_registration_is_read_with_its_channel_as_a_record_and_no_id_number() {
        String storedJson = serializer.serialize(new CandidateRegisteredRevision1("c1", "李明",
                new PhoneNumber("13800138000"), new EmailAddress("liming@example.cn"), PROFILE,
                CandidateSource.CAMPUS_DRIVE, "西南大学校园招聘会"), String.class).getData();
        assertThat(storedJson).contains("\"sourceReference\":\"西南大学校园招聘会\"").doesNotContain("channel");

        Object payload = read(stored(storedJson, "1"));

        assertThat(payload).isEqualTo(new CandidateRegistered("c1", "李明", new PhoneNumber("13800138000"),
                new EmailAddress("liming@example.cn"), null, PROFILE,
                new RegistrationChannel(CandidateSource.CAMPUS_DRIVE, "西南大学校园招聘会", null),
                RegistrationConsent.given(CandidateRegisteredRevision3Upcaster.IMPLIED_NOTICE, DATA_USE,
                        JOB_ALERT_MAIL)));
    }

    @Test
    void a_revision_1_registration_without_a_reference_keeps_its_source() {
        String storedJson = serializer.serialize(new CandidateRegisteredRevision1("c1", "李明",
                new PhoneNumber("13800138000"), new EmailAddress("liming@example.cn"), PROFILE,
                CandidateSource.SELF_REGISTRATION, null), String.class).getData();

        assertThat(read(stored(storedJson, "1"))).extracting(e -> ((CandidateRegistered) e).channel())
                .isEqualTo(new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null));
    }

    @Test
    void a_revision_2_registration_is_read_with_the_consent_it_implied_and_nothing_more() throws Exception {
        CandidateRegistered current = new CandidateRegistered("c2", "王芳", new PhoneNumber("13900139000"),
                new EmailAddress("wang@example.cn"), new IdNumber("510123199801011238"), PROFILE,
                new RegistrationChannel(CandidateSource.ONLINE_JOB_FAIR, "d7", "2026 秋季网络招聘会"),
                RegistrationConsent.given("2026-11", DATA_USE, OUTREACH_CONTACT));
        ObjectNode revision2 = (ObjectNode) new ObjectMapper().readTree(
                serializer.serialize(current, String.class).getData());
        revision2.remove("consent");

        CandidateRegistered read = (CandidateRegistered) read(stored(revision2.toString(), "2"));

        assertThat(read.consent()).isEqualTo(RegistrationConsent.given(
                CandidateRegisteredRevision3Upcaster.IMPLIED_NOTICE, DATA_USE, JOB_ALERT_MAIL));
        assertThat(read.channel()).isEqualTo(current.channel());
    }

    @Test
    void a_revision_3_registration_is_read_without_a_birth_year_as_its_id_number_is_ciphertext_to_an_upcaster()
            throws Exception {
        CandidateRegistered current = new CandidateRegistered("c3", "王芳", new PhoneNumber("13900139000"),
                new EmailAddress("wang@example.cn"), new IdNumber("510123199801011238"), PROFILE,
                new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                RegistrationConsent.given("2026-11", DATA_USE, OUTREACH_CONTACT));
        ObjectNode revision3 = (ObjectNode) new ObjectMapper().readTree(
                serializer.serialize(current, String.class).getData());
        revision3.remove("birthYear");

        CandidateRegistered read = (CandidateRegistered) read(stored(revision3.toString(), "3"));

        assertThat(read.birthYear()).isNull();
        assertThat(read.idNumber()).isEqualTo(current.idNumber());
        assertThat(read.consent()).isEqualTo(current.consent());
    }

    @Test
    void a_revision_4_registration_is_left_as_it_is() {
        CandidateRegistered current = new CandidateRegistered("c4", "王芳", new PhoneNumber("13900139000"),
                new EmailAddress("wang@example.cn"), new IdNumber("510123199801011238"), PROFILE,
                new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                RegistrationConsent.given("2026-11", DATA_USE, OUTREACH_CONTACT));
        String storedJson = serializer.serialize(current, String.class).getData();

        assertThat(storedJson).contains("\"birthYear\":1998");
        assertThat(read(stored(storedJson, "4"))).isEqualTo(current);
    }

    private static StoredEvent stored(String payloadJson, String revision) {
        return new StoredEvent(1, "c1", 0, "Candidate", "e1", 1_795_000_000_000L,
                CandidateRegistered.class.getName(), revision, payloadJson, "{}");
    }

    private Object read(StoredEvent stored) {
        DomainEventMessage<?> message = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored),
                serializer, upcasters).next();
        return message.getPayload();
    }
}
