package cn.talentportal.infra.eventstore.upcasting;

import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.ConsentPurpose;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Why this exists: registrations stored before issue 6 carry no consent (decision 0029). Revision 2 is read as
 * revision 3 with the consent the registration implied: {@code DATA_USE}, because the person registered in order to
 * be processed for recruitment, and {@code JOB_ALERT_MAIL}, because alert mails went only to those who saved alerts
 * themselves. {@code OUTREACH_CONTACT} is not implied: nobody was asked, and silence is no consent to be contacted.
 * The notice version is {@link #IMPLIED_NOTICE}, so nobody mistakes it for an agreement to a notice text.
 */
public class CandidateRegisteredRevision3Upcaster extends SingleEventUpcaster {

    /** The notice version of a consent implied by a registration made before consents were recorded. */
    public static final String IMPLIED_NOTICE = "implied";

    static final SerializedType REVISION_2 = new SimpleSerializedType(CandidateRegistered.class.getName(), "2");
    static final SerializedType REVISION_3 = new SimpleSerializedType(CandidateRegistered.class.getName(), "3");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_2.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_3, JsonNode.class, CandidateRegisteredRevision3Upcaster::consent);
    }

    private static JsonNode consent(JsonNode payload) {
        ObjectNode event = (ObjectNode) payload;
        ObjectNode consent = event.putObject("consent");
        consent.putArray("purposes").add(ConsentPurpose.DATA_USE.name()).add(ConsentPurpose.JOB_ALERT_MAIL.name());
        consent.put("noticeVersion", IMPLIED_NOTICE);
        return event;
    }
}
