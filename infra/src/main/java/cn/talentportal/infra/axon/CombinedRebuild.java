package cn.talentportal.infra.axon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Rebuilds several read models with one read of the event store (docs/decisions/0033-one-read-rebuild.md):
 * each group's tracking processor is shut down and its tokens reset (its {@code @ResetHandler} clears its
 * collections, and its token now points at the tail), then one tracking processor of its own name, {@value #NAME},
 * runs all the groups' handlers from the tail of the store, reading and deserializing every event once. Once it has
 * caught up, {@link #handOver()} stops it and gives each group the token it reached, and the groups' processors go
 * on from there: every event up to that token was handled once for every group, every later one is left to them.
 * <p>
 * The combined processor follows events appended meanwhile, so nothing is lost while the groups are stopped. If the
 * portal stops without a hand-over, each group still has its reset token and rebuilds itself when started; the
 * combined processor's leftover token is deleted by the next combined rebuild.
 * <p>
 * The groups' processors must be single-segment tracking processors sharing one token store, with the same handler
 * interceptors (the portal registers the same defaults on all: {@code FlushBatchedWrites} among them).
 */
public final class CombinedRebuild {

    public static final String NAME = "read-models-rebuild-all";

    private final List<String> groups;
    private final List<TrackingEventProcessor> processors = new ArrayList<>();
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final TrackingEventProcessor combined;

    /**
     * @param batchSize events per batch of the combined processor: it only catches up (the groups follow live
     *                  events again after the hand-over), so it may take larger batches than they do
     */
    public CombinedRebuild(EventProcessingConfiguration processing,
                           StreamableMessageSource<TrackedEventMessage<?>> eventSource, List<String> groups,
                           int batchSize) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("no processing group to rebuild");
        }
        this.groups = List.copyOf(groups);
        String first = groups.getFirst();
        tokenStore = processing.tokenStore(first);
        transactionManager = processing.transactionManager(first);
        List<EventHandlerInvoker> invokers = new ArrayList<>();
        List<Class<?>> interceptorTypes = interceptorTypes(processing.interceptorsFor(first));
        for (String group : groups) {
            TrackingEventProcessor processor = processing.eventProcessor(group, TrackingEventProcessor.class)
                    .orElseThrow(() -> new IllegalArgumentException(group + " is not a tracking processor"));
            if (processing.tokenStore(group) != tokenStore
                    || !interceptorTypes(processing.interceptorsFor(group)).equals(interceptorTypes)
                    || processor.maxCapacity() != 1) {
                throw new IllegalArgumentException(group + " differs from " + first
                        + " in token store, interceptors or segments: it cannot be rebuilt with it");
            }
            processors.add(processor);
            invokers.add(((AbstractEventProcessor) processor).eventHandlerInvoker());
        }
        combined = TrackingEventProcessor.builder()
                .name(NAME)
                .eventHandlerInvoker(new MultiEventHandlerInvoker(invokers))
                .errorHandler(processing.errorHandler(first))
                .rollbackConfiguration(processing.rollbackConfiguration(first))
                .messageSource(eventSource)
                .tokenStore(tokenStore)
                .transactionManager(transactionManager)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .build();
        configuredInterceptors(processing.interceptorsFor(first)).forEach(combined::registerHandlerInterceptor);
    }

    /**
     * The interceptors configured for a processor, without the one every tracking processor registers on itself
     * (it reads the segment from a resource only that processor's units of work carry; the combined processor has
     * its own).
     */
    private static List<MessageHandlerInterceptor<? super EventMessage<?>>> configuredInterceptors(
            List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors) {
        return interceptors.stream()
                .filter(interceptor -> !interceptor.getClass().getName()
                        .startsWith(TrackingEventProcessor.class.getName() + "$$"))
                .toList();
    }

    private static List<Class<?>> interceptorTypes(
            List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors) {
        return configuredInterceptors(interceptors).stream().<Class<?>>map(Object::getClass).toList();
    }

    public List<String> groups() {
        return groups;
    }

    /** The processor that replays for all groups, for its status and position. */
    public StreamingEventProcessor processor() {
        return combined;
    }

    /**
     * Deletes what an earlier combined rebuild left, stops and resets the groups (clearing their read models) and
     * starts the combined processor from the tail. If anything fails, the groups are started again: from their
     * reset tokens, if the reset went through, so that they rebuild themselves.
     */
    public void start() {
        deleteToken();
        try {
            processors.forEach(TrackingEventProcessor::shutDown);
            processors.forEach(TrackingEventProcessor::resetTokens);
            combined.start();
        } catch (RuntimeException e) {
            processors.stream().filter(processor -> !processor.isRunning()).forEach(processor -> {
                try {
                    processor.start();
                } catch (RuntimeException startFailure) {
                    e.addSuppressed(startFailure);
                }
            });
            throw e;
        }
    }

    /** The global index of the last event the combined processor handled (0 before the first). */
    public long position() {
        return combined.processingStatus().values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(0)).min().orElse(0);
    }

    /** Running, with its segment claimed and no error. */
    public boolean healthy() {
        return combined.isRunning() && !combined.processingStatus().isEmpty()
                && combined.processingStatus().values().stream().noneMatch(EventTrackerStatus::isErrorState);
    }

    /**
     * Stops the combined processor, gives every group the token it reached and starts the groups' processors. The
     * groups then handle every later event, the combined processor none.
     */
    public void handOver() {
        combined.shutDown();
        try {
            transactionManager.executeInTransaction(() -> {
                TrackingToken reached = tokenStore.fetchToken(NAME, 0);
                for (String group : groups) {
                    tokenStore.storeToken(reached, group, 0);
                    tokenStore.releaseClaim(group, 0);
                }
                tokenStore.deleteToken(NAME, 0);
            });
        } finally {
            // a group whose token was not handed over still has its reset token and rebuilds itself
            processors.stream().filter(processor -> !processor.isRunning()).forEach(TrackingEventProcessor::start);
        }
    }

    private void deleteToken() {
        int[] segments = tokenStore.fetchSegments(NAME);
        if (segments.length == 0) {
            return;
        }
        transactionManager.executeInTransaction(() -> Arrays.stream(segments).forEach(segment -> {
            tokenStore.fetchToken(NAME, segment); // claims it: deleting needs the claim
            tokenStore.deleteToken(NAME, segment);
        }));
    }

    @Override
    public String toString() {
        return NAME + Objects.toString(groups);
    }
}
