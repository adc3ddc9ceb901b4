package cn.talentportal.domain.privacy;

import cn.talentportal.domain.privacy.PrivacyCommands.RecordHistoryExport;
import cn.talentportal.domain.privacy.PrivacyCommands.RecordPersonalDataAccess;
import cn.talentportal.domain.privacy.PrivacyEvents.CandidateHistoryExported;
import cn.talentportal.domain.privacy.PrivacyEvents.PersonalDataAccessed;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Require;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The trail of who opened or exported one person's personal data (id {@code access:<subjectId>}), created by the
 * first access. One stream per data subject rather than one for the office: recording an access never waits for
 * another subject's, a subject's trail is read in one lookup, and it goes with the person's other streams when their
 * data is erased. The log only records; whether an access is allowed is the portal's security, decided before.
 */
public class PersonalDataAccessLog {

    static final int LONGEST_REASON = 500;

    @AggregateIdentifier
    private String logId;

    protected PersonalDataAccessLog() {
        // for Axon, and for the first access to a subject's data
    }

    /** The log of a subject: prefixed, as the store's stream ids are shared by all aggregate types. */
    public static String idOf(String subjectId) {
        return "access:" + subjectId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordPersonalDataAccess command) {
        String subjectId = Require.text(command.subjectId(), "privacy.subject", 64);
        String subjectName = Require.text(command.subjectName(), "privacy.subjectName", 50);
        PersonalDataCategory what = Require.present(command.what(), "privacy.what");
        String reason = Require.text(command.reason(), "privacy.reason", LONGEST_REASON);
        apply(new PersonalDataAccessed(subjectId, subjectName, what, reason));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordHistoryExport command, Clock clock) {
        String subjectId = Require.text(command.subjectId(), "privacy.subject", 64);
        String subjectName = Require.text(command.subjectName(), "privacy.subjectName", 50);
        ExportFormat format = Require.present(command.format(), "privacy.exportFormat");
        Require.present(command.asOf(), "privacy.asOf");
        String chainHead = Require.text(command.chainHead(), "privacy.chainHead", 128);
        String reason = Require.text(command.reason(), "privacy.reason", LONGEST_REASON);
        // an export of a moment still to come would later show more than was exported
        if (command.asOf().isAfter(clock.instant())) {
            throw new DomainRuleViolation("privacy.export.asOfInFuture");
        }
        apply(new CandidateHistoryExported(subjectId, subjectName, format, command.asOf(), chainHead, reason));
    }

    @EventSourcingHandler
    void on(PersonalDataAccessed event) {
        logId = idOf(event.subjectId());
    }

    @EventSourcingHandler
    void on(CandidateHistoryExported event) {
        logId = idOf(event.subjectId());
    }
}
