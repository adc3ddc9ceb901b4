package cn.talentportal.domain.privacy;

import cn.talentportal.domain.privacy.ErasureCommands.ApproveErasure;
import cn.talentportal.domain.privacy.ErasureCommands.RequestErasure;
import cn.talentportal.domain.privacy.ErasureEvents.ErasureRequested;
import cn.talentportal.domain.privacy.ErasureEvents.PersonalDataErased;
import cn.talentportal.domain.shared.AuditMetaData;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Require;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One data subject's erasure (id {@code erasure:<subjectId>}): requested, then approved by someone other than the
 * requester (four eyes: an erasure cannot be undone). Once erased, a subject stays erased.
 */
public class PersonalDataErasure {

    static final int LONGEST_REASON = 500;

    @AggregateIdentifier
    private String erasureId;
    private String subjectName;
    private String requestedBy;
    private boolean erased;

    protected PersonalDataErasure() {
        // for Axon, and for the first request about a subject
    }

    public static String idOf(String subjectId) {
        return "erasure:" + subjectId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RequestErasure command, @MetaDataValue(AuditMetaData.USER_ID) String actor) {
        String subjectId = Require.text(command.subjectId(), "privacy.subject", 64);
        String name = Require.text(command.subjectName(), "privacy.subjectName", 50);
        String reason = Require.text(command.reason(), "privacy.erasureReason", LONGEST_REASON);
        if (erased) {
            throw new DomainRuleViolation("privacy.erasure.alreadyErased");
        }
        if (requestedBy != null) {
            throw new DomainRuleViolation("privacy.erasure.alreadyRequested");
        }
        apply(new ErasureRequested(subjectId, name, Require.text(actor, "privacy.actor", 64), reason));
    }

    @CommandHandler
    public void handle(ApproveErasure command, @MetaDataValue(AuditMetaData.USER_ID) String actor) {
        String reason = Require.text(command.reason(), "privacy.erasureReason", LONGEST_REASON);
        String approver = Require.text(actor, "privacy.actor", 64);
        if (erased) {
            throw new DomainRuleViolation("privacy.erasure.alreadyErased");
        }
        if (approver.equals(requestedBy)) {
            throw new DomainRuleViolation("privacy.erasure.approverIsRequester");
        }
        apply(new PersonalDataErased(command.subjectId(), subjectName, requestedBy, approver, reason));
    }

    @EventSourcingHandler
    void on(ErasureRequested event) {
        erasureId = idOf(event.subjectId());
        subjectName = event.subjectName();
        requestedBy = event.requestedBy();
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        erased = true;
    }
}
