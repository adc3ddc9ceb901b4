package cn.talentportal.portal.alerts;

import cn.talentportal.domain.alert.JobAlertCommands.RaiseJobAlert;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPublished;
import cn.talentportal.domain.opening.OpeningEvents.OpeningResumed;
import cn.talentportal.domain.shared.AuditMetaData;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.shared.ActorMetaData;
import cn.talentportal.projections.alert.SavedSearchMatch;
import cn.talentportal.projections.alert.SavedSearchPercolator;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The job alert process: an opening that becomes searchable (published, or resumed) is percolated against the
 * saved searches, and each match is sent to the candidate's alerts as {@link RaiseJobAlert}. It lives in the
 * portal, not in projections, because it sends commands (ARCHITECTURE.md: only an event-driven process may).
 * <p>
 * Its own tracking processor ({@code job-alerts}): when the search engine is down the handler fails and the
 * processor retries from its token; a redelivered or replayed publication matches again, and the alerts aggregate
 * ignores an alert it already raised. A search deleted between percolation and command is refused there: skipped.
 */
@Component
@ProcessingGroup("job-alerts")
public class JobAlertProcess {

    private static final Logger LOG = LoggerFactory.getLogger(JobAlertProcess.class);
    /** Alerts are raised by the portal, not by the recruiter whose publication caused them. */
    private static final MetaData SYSTEM = MetaData.with(AuditMetaData.USER_ID, ActorMetaData.SYSTEM)
            .and(AuditMetaData.USER_NAME, ActorMetaData.SYSTEM).and(AuditMetaData.ROLE, ActorMetaData.SYSTEM);

    private final SavedSearchPercolator percolator;
    private final CommandGateway commands;

    public JobAlertProcess(SavedSearchPercolator percolator, CommandGateway commands) {
        this.percolator = percolator;
        this.commands = commands;
    }

    @EventHandler
    void on(OpeningPublished event, @Timestamp Instant publishedAt) throws IOException {
        alert(event.openingId(), event.employerUnitId(), event.employerName(), event.details(), publishedAt);
    }

    /** A resumed opening is searchable again; searches saved while it was paused hear of it now. */
    @EventHandler
    void on(OpeningResumed event, @Timestamp Instant resumedAt) throws IOException {
        alert(event.openingId(), event.employerUnitId(), event.employerName(), event.details(), resumedAt);
    }

    private void alert(String openingId, String employerUnitId, String employerName, OpeningDetails details,
                       Instant searchableSince) throws IOException {
        for (SavedSearchMatch match : percolator.matching(openingId, employerUnitId, employerName, details,
                searchableSince)) {
            RaiseJobAlert command = new RaiseJobAlert(match.candidateId(), match.savedSearchId(), openingId,
                    details.title(), employerName);
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(SYSTEM),
                        30, TimeUnit.SECONDS);
            } catch (DomainRuleViolation | AggregateNotFoundException refused) {
                LOG.debug("No alert for {}: {}", command, refused.getMessage());
            } catch (CommandExecutionException e) {
                if (!(e.getCause() instanceof DomainRuleViolation)) {
                    throw e; // not a refusal: the processor retries the event
                }
                LOG.debug("No alert for {}: {}", command, e.getCause().getMessage());
            }
        }
    }
}
