package cn.talentportal.infra.eventstore.upcasting;

import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Why this exists: registrations stored before issue 2 carry the channel flat ({@code source},
 * {@code sourceReference}) and no ID number. Events are never rewritten, so revision 1 is read as revision 2:
 * {@code channel: {source, reference: sourceReference, referenceTitle: null}}, {@code idNumber: null}. The old
 * {@code sourceReference} becomes the reference because it is all that was kept; nothing is invented for the title.
 */
public class CandidateRegisteredRevision2Upcaster extends SingleEventUpcaster {

    static final SerializedType REVISION_1 = new SimpleSerializedType(CandidateRegistered.class.getName(), "1");
    static final SerializedType REVISION_2 = new SimpleSerializedType(CandidateRegistered.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, CandidateRegisteredRevision2Upcaster::channel);
    }

    private static JsonNode channel(JsonNode payload) {
        ObjectNode event = (ObjectNode) payload;
        ObjectNode channel = event.objectNode();
        channel.set("source", event.remove("source"));
        channel.set("reference", event.remove("sourceReference"));
        channel.putNull("referenceTitle");
        event.set("channel", channel);
        event.putNull("idNumber");
        return event;
    }
}
