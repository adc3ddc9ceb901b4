package cn.talentportal.infra.eventstore.upcasting;

import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Why this exists: registrations stored before decision 0035 keep the birth year only inside the encrypted ID
 * number. An upcaster sees the ciphertext, so revision 3 is read as revision 4 with no birth year; the statistics
 * read model takes it from the ID number while that can still be read.
 */
public class CandidateRegisteredRevision4Upcaster extends SingleEventUpcaster {

    static final SerializedType REVISION_3 = new SimpleSerializedType(CandidateRegistered.class.getName(), "3");
    static final SerializedType REVISION_4 = new SimpleSerializedType(CandidateRegistered.class.getName(), "4");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_3.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_4, JsonNode.class,
                payload -> ((ObjectNode) payload).putNull("birthYear"));
    }
}
