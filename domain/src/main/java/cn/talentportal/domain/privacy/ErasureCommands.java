package cn.talentportal.domain.privacy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A data subject's right to erasure (PIPL art. 47): requested by the person or an administrator, carried out once
 * another administrator approves it. Who requested and who approved is the command's actor (audit metadata).
 */
public final class ErasureCommands {

    private ErasureCommands() {
    }

    public record RequestErasure(String subjectId, String subjectName, String reason) {

        @TargetAggregateIdentifier
        public String erasureId() {
            return PersonalDataErasure.idOf(subjectId);
        }
    }

    public record ApproveErasure(String subjectId, String reason) {

        @TargetAggregateIdentifier
        public String erasureId() {
            return PersonalDataErasure.idOf(subjectId);
        }
    }
}
