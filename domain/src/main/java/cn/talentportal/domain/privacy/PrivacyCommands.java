package cn.talentportal.domain.privacy;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commands to a data subject's {@link PersonalDataAccessLog}. Each names the subject, whose log it targets; the person
 * who opened or exported the data is the command's actor (audit metadata), as for every command. {@code reason} is
 * copied into the metadata too, where auditors read the reason of every event.
 */
public final class PrivacyCommands {

    private PrivacyCommands() {
    }

    /** Someone opened {@code what} of the subject's personal data, for {@code reason}. */
    public record RecordPersonalDataAccess(String subjectId, String subjectName, PersonalDataCategory what,
                                           String reason) {

        @TargetAggregateIdentifier
        public String logId() {
            return PersonalDataAccessLog.idOf(subjectId);
        }
    }

    /**
     * Someone exported the subject's history as it stood at {@code asOf}; {@code chainHead} is the head of the event
     * store's hash chain the export was checked against, so the export can be verified later.
     */
    public record RecordHistoryExport(String subjectId, String subjectName, ExportFormat format, Instant asOf,
                                      String chainHead, String reason) {

        @TargetAggregateIdentifier
        public String logId() {
            return PersonalDataAccessLog.idOf(subjectId);
        }
    }
}
