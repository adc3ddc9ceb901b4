package cn.talentportal.portal.alerts;

import cn.talentportal.domain.alert.JobAlertCommands.RaiseJobAlert;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPublished;
import cn.talentportal.domain.opening.OpeningEvents.OpeningResumed;
import cn.talentportal.domain.shared.AuditMetaData;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.shared.ActorMetaData;
import cn.talentportal.projections.alert.SavedSearchMatch;
import cn.talentportal.projections.alert.SavedSearchPercolator;
import cn.talentportal.projections.alert.SavedSearchPercolator.SearchableOpening;
import cn.talentportal.projections.shared.BatchedWrites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The job alert process: an opening that becomes searchable (published, or resumed) is percolated against the
 * saved searches, and each match is sent to the candidate's alerts as {@link RaiseJobAlert}. It lives in the
 * portal, not in projections, because it sends commands (ARCHITECTURE.md: only an event-driven process may).
 * <p>
 * Its own tracking processor ({@code job-alerts}): when the search engine is down the handler fails and the
 * processor retries from its token; a redelivered or replayed publication matches again, and the alerts aggregate
 * ignores an alert it already raised. A search deleted between percolation and command is refused there: skipped.
 * <p>
 * The saved searches are indexed by another processor ({@code saved-searches}), which runs on its own: a search
 * saved a moment before a publication could still be on its way to the percolator index when the publication is
 * percolated, and would never hear of it. So each publication first waits until that processor has passed the
 * same point of the event stream (decision 0030).
 * <p>
 * The publications of one batch of the processor are percolated together, in one request, once the batch's last
 * event is handled: a burst of publications costs one percolation per batch, not one per publication.
 */
@Component
@ProcessingGroup("job-alerts")
public class JobAlertProcess {

    private static final Logger LOG = LoggerFactory.getLogger(JobAlertProcess.class);
    /** Alerts are raised by the portal, not by the recruiter whose publication caused them. */
    private static final MetaData SYSTEM = MetaData.with(AuditMetaData.USER_ID, ActorMetaData.SYSTEM)
            .and(AuditMetaData.USER_NAME, ActorMetaData.SYSTEM).and(AuditMetaData.ROLE, ActorMetaData.SYSTEM);

    static final String SAVED_SEARCHES = "saved-searches";
    /** How long a publication waits for the saved searches before the processor retries it. */
    static final Duration SAVED_SEARCHES_PATIENCE = Duration.ofSeconds(10);

    private final SavedSearchPercolator percolator;
    private final CommandGateway commands;
    private final ObjectProvider<EventProcessingConfiguration> processing;

    public JobAlertProcess(SavedSearchPercolator percolator, CommandGateway commands,
                           ObjectProvider<EventProcessingConfiguration> processing) {
        this.percolator = percolator;
        this.commands = commands;
        this.processing = processing;
    }

    @EventHandler
    void on(OpeningPublished event, @Timestamp Instant publishedAt, TrackingToken token)
            throws IOException, InterruptedException {
        percolate(new SearchableOpening(event.openingId(), event.employerUnitId(), event.employerName(),
                event.details(), publishedAt), token);
    }

    /** A resumed opening is searchable again; searches saved while it was paused hear of it now. */
    @EventHandler
    void on(OpeningResumed event, @Timestamp Instant resumedAt, TrackingToken token)
            throws IOException, InterruptedException {
        percolate(new SearchableOpening(event.openingId(), event.employerUnitId(), event.employerName(),
                event.details(), resumedAt), token);
    }

    /**
     * Within the processor's batch, the opening joins the batch's pending publications, percolated together once the
     * batch's last event is handled and before its token is stored (a failure retries the batch). Elsewhere at once.
     */
    private void percolate(SearchableOpening opening, TrackingToken token) throws IOException, InterruptedException {
        Publication publication = new Publication(opening, correlationOfTheHandledEvent());
        PendingPublications pending = BatchedWrites.writer(PendingPublications.class.getName(), PendingPublications::new);
        if (pending == null) {
            alert(List.of(publication), token);
        } else {
            pending.add(publication, token);
        }
    }

    /**
     * An opening that became searchable, with the correlation data of its event (its origin and audit data): the
     * alerts it causes carry that, as if sent while its event is handled, even when they are sent at the end of the
     * batch, while another event is the one being handled.
     */
    private record Publication(SearchableOpening opening, MetaData correlation) {
    }

    private static MetaData correlationOfTheHandledEvent() {
        return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getCorrelationData() : MetaData.emptyInstance();
    }

    /** The saved searches of each opening are alerted, after the saved searches have caught up with the last one. */
    private void alert(List<Publication> publications, TrackingToken lastToken)
            throws IOException, InterruptedException {
        awaitSavedSearchesUpTo(lastToken);
        List<List<SavedSearchMatch>> matches = percolator.matchingEach(
                publications.stream().map(Publication::opening).toList());
        for (int i = 0; i < publications.size(); i++) {
            for (SavedSearchMatch match : matches.get(i)) {
                raise(publications.get(i), match);
            }
        }
    }

    /** A batch's publications, in the order of their events. */
    private final class PendingPublications implements BatchedWrites.BatchedWriter {

        private final List<Publication> publications = new ArrayList<>();
        private TrackingToken lastToken;

        void add(Publication publication, TrackingToken token) {
            publications.add(publication);
            lastToken = token;
        }

        @Override
        public boolean isEmpty() {
            return publications.isEmpty();
        }

        @Override
        public void flush() {
            try {
                alert(publications, lastToken);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while alerting saved searches", e);
            }
            publications.clear();
            lastToken = null;
        }
    }

    /**
     * Returns once every segment of the saved-searches processor on this node has handled the events up to this
     * one; throws after {@link #SAVED_SEARCHES_PATIENCE}, so the processor retries the publication later. Segments
     * another node holds are not visible here: then there is nothing to wait for on this node.
     */
    private void awaitSavedSearchesUpTo(TrackingToken token) throws InterruptedException {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        Optional<StreamingEventProcessor> savedSearches = processing.getObject()
                .eventProcessor(SAVED_SEARCHES, StreamingEventProcessor.class);
        if (position.isEmpty() || savedSearches.isEmpty()) {
            return;
        }
        long giveUpAt = System.nanoTime() + SAVED_SEARCHES_PATIENCE.toNanos();
        while (!passed(savedSearches.get(), position.getAsLong())) {
            if (System.nanoTime() > giveUpAt) {
                throw new IllegalStateException("Saved searches are not yet indexed up to event "
                        + position.getAsLong() + "; the publication is percolated again later");
            }
            Thread.sleep(25);
        }
    }

    private static boolean passed(StreamingEventProcessor processor, long position) {
        return processor.processingStatus().values().stream().allMatch(segment -> !segment.isErrorState()
                && segment.getCurrentPosition().orElse(-1) >= position);
    }

    private void raise(Publication publication, SavedSearchMatch match) {
        SearchableOpening opening = publication.opening();
        RaiseJobAlert command = new RaiseJobAlert(match.candidateId(), match.savedSearchId(), opening.openingId(),
                opening.details().title(), opening.employerName());
        // This constructor takes the metadata as given: the others add the correlation data of the event handled now.
        GenericMessage<RaiseJobAlert> message = new GenericMessage<>(IdentifierFactory.getInstance().generateIdentifier(),
                command, publication.correlation().mergedWith(SYSTEM));
        try {
            commands.sendAndWait(new GenericCommandMessage<>(message, RaiseJobAlert.class.getName()),
                    30, TimeUnit.SECONDS);
        } catch (DomainRuleViolation | AggregateNotFoundException refused) {
            LOG.debug("No alert for {}: {}", command, refused.getMessage());
        } catch (CommandExecutionException e) {
            if (!(e.getCause() instanceof DomainRuleViolation)) {
                throw e; // not a refusal: the processor retries the batch
            }
            LOG.debug("No alert for {}: {}", command, e.getCause().getMessage());
        }
    }
}
