package cn.talentportal.infra.deadline;

import cn.talentportal.infra.eventstore.EventSerializers;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineDocumentsTest {

    private final DeadlineDocuments documents = new DeadlineDocuments(EventSerializers.jackson());
    private final Instant at = Instant.parse("2027-03-01T08:00:00Z");

    @Test
    void payloadMetaDataScopeAndTimeComeBackAsScheduled() {
        DeadlineMessage<Object> message = GenericDeadlineMessage.<Object>asDeadlineMessage("offer-expiry",
                new Reminder.Due("offer o-1", 2), at).andMetaData(MetaData.with("userId", "u-7"));
        // As an aggregate describes its scope while its identifier is not yet known.
        AtomicReference<Object> identifier = new AtomicReference<>();
        AggregateScopeDescriptor scope = new AggregateScopeDescriptor("Candidate", identifier::get);
        identifier.set("c-1");

        Document document = documents.scheduled("s-1", scope, message, at);

        DeadlineMessage<?> restored = documents.message(document);
        assertThat(restored.getDeadlineName()).isEqualTo("offer-expiry");
        assertThat(restored.getIdentifier()).isEqualTo("s-1");
        assertThat(restored.getPayload()).isEqualTo(new Reminder.Due("offer o-1", 2));
        assertThat(restored.getMetaData()).containsEntry("userId", "u-7");
        assertThat(restored.getTimestamp()).isEqualTo(at);
        assertThat(documents.scope(document)).isEqualTo(new AggregateScopeDescriptor("Candidate", "c-1"));
        assertThat(document.getLong("fireAt")).isEqualTo(at.toEpochMilli());
        assertThat(document).containsAllEntriesOf(
                documents.scopeFilter("offer-expiry", new AggregateScopeDescriptor("Candidate", "c-1")));
    }

    @Test
    void aDeadlineWithoutPayloadKeepsNone() {
        DeadlineMessage<Object> message = GenericDeadlineMessage.asDeadlineMessage("reminder", null, at);
        Document document = documents.scheduled("s-2", new AggregateScopeDescriptor("Interview", "i-1"), message, at);
        assertThat(documents.message(document).getPayload()).isNull();
    }

    @Test
    void anIdentifierObjectIsStoredAsTheStringRepositoriesLookUp() {
        record InterviewId(String value) {
            @Override
            public String toString() {
                return value;
            }
        }
        DeadlineMessage<Object> message = GenericDeadlineMessage.asDeadlineMessage("reminder", null, at);
        Document document = documents.scheduled("s-3",
                new AggregateScopeDescriptor("Interview", new InterviewId("i-9")), message, at);
        assertThat(documents.scope(document)).isEqualTo(new AggregateScopeDescriptor("Interview", "i-9"));
    }
}
