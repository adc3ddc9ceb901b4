package cn.talentportal.infra.deadline;

import cn.talentportal.infra.eventstore.AppendDurability;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.AbstractDeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.DefaultDeadlineManagerSpanFactory;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.ExecutionException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.tracing.NoOpSpanFactory;
import org.axonframework.tracing.Span;
import org.axonframework.tracing.SpanScope;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.annotation.Nonnull;
import javax.annotation.Nullable;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static cn.talentportal.infra.deadline.DeadlineDocuments.ATTEMPTS;
import static cn.talentportal.infra.deadline.DeadlineDocuments.ID;
import static cn.talentportal.infra.deadline.DeadlineDocuments.NAME;

/**
 * Axon deadlines kept in MongoDB (collection {@code deadlines}) and fired on a {@link Clock}, so they survive
 * restarts and a test can move time forward instead of waiting.
 * <p>
 * Scheduling and cancelling happen when the unit of work prepares its commit, as with Axon's own managers; as the
 * store has no transactions, a unit of work that rolls back afterwards undoes them (deletes what it scheduled,
 * restores what it cancelled). A poller thread fires due deadlines: it claims each one atomically for a lease
 * (so of several portal nodes only one fires it), runs it in a unit of work through the handler interceptors on its
 * scope, then deletes it; a failure is recorded and the deadline retried later with growing delays, never dropped.
 * Delivery is at least once: a node that dies mid-fire, or a handler that outlives its lease, lets another node fire
 * the deadline again.
 * <p>
 * Not an Axon {@code Lifecycle}: whoever builds it calls {@link #start()} and {@link #shutdown()} (in Spring,
 * {@link DeadlineConfiguration}).
 */
public class MongoDeadlineManager extends AbstractDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(MongoDeadlineManager.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private final DeadlineStore store;
    private final DeadlineDocuments documents;
    private final ScopeAwareProvider scopes;
    private final Clock clock;
    private final TransactionManager transactionManager;
    private final DeadlineManagerSpanFactory spanFactory;
    private final AppendDurability durability;
    private final DeadlineProperties properties;
    private final String owner;
    private final ScheduledExecutorService poller;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();

    protected MongoDeadlineManager(Builder builder) {
        this.store = new DeadlineStore(Objects.requireNonNull(builder.database, "database"), builder.writeConcern);
        this.documents = new DeadlineDocuments(Objects.requireNonNull(builder.serializer, "serializer"));
        this.scopes = Objects.requireNonNull(builder.scopeAwareProvider, "scopeAwareProvider");
        this.clock = Objects.requireNonNull(builder.clock, "clock");
        this.transactionManager = builder.transactionManager;
        this.spanFactory = builder.spanFactory;
        this.durability = builder.durability;
        this.properties = builder.properties;
        this.owner = builder.owner;
        this.poller = Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("deadline-poller"));
        store.createIndexes(builder.createIndexes);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String schedule(@Nonnull Instant triggerDateTime, @Nonnull String deadlineName,
                           @Nullable Object messageOrPayload, @Nonnull ScopeDescriptor deadlineScope) {
        DeadlineMessage<Object> message =
                GenericDeadlineMessage.asDeadlineMessage(deadlineName, messageOrPayload, triggerDateTime);
        String scheduleId = message.getIdentifier();
        Span span = spanFactory.createScheduleSpan(deadlineName, scheduleId, message);
        runOnPrepareCommitOrNow(span.wrapRunnable(() -> {
            store.insert(documents.scheduled(scheduleId, deadlineScope, processDispatchInterceptors(message),
                    triggerDateTime));
            durability.afterAppend();
            onRollback(() -> store.delete(scheduleId));
        }));
        return scheduleId;
    }

    /** Axon's default measures the duration from the system clock; ours from the portal's clock. */
    @Override
    public String schedule(@Nonnull Duration triggerDuration, @Nonnull String deadlineName,
                           @Nullable Object messageOrPayload, @Nonnull ScopeDescriptor deadlineScope) {
        return schedule(clock.instant().plus(triggerDuration), deadlineName, messageOrPayload, deadlineScope);
    }

    @Override
    public void cancelSchedule(@Nonnull String deadlineName, @Nonnull String scheduleId) {
        Span span = spanFactory.createCancelScheduleSpan(deadlineName, scheduleId);
        runOnPrepareCommitOrNow(span.wrapRunnable(
                () -> undoableOnRollback(store.remove(scheduleId, deadlineName))));
    }

    @Override
    public void cancelAll(@Nonnull String deadlineName) {
        Span span = spanFactory.createCancelAllSpan(deadlineName);
        runOnPrepareCommitOrNow(span.wrapRunnable(
                () -> undoableOnRollback(store.remove(Filters.eq(NAME, deadlineName)))));
    }

    @Override
    public void cancelAllWithinScope(@Nonnull String deadlineName, @Nonnull ScopeDescriptor scope) {
        Span span = spanFactory.createCancelAllWithinScopeSpan(deadlineName, scope);
        runOnPrepareCommitOrNow(span.wrapRunnable(
                () -> undoableOnRollback(store.remove(documents.scopeFilter(deadlineName, scope)))));
    }

    /** Starts the poller; it looks for due deadlines at once (those that fell due while the portal was down). */
    public void start() {
        if (stopping.get()) {
            throw new IllegalStateException("This deadline manager was shut down");
        }
        if (started.compareAndSet(false, true)) {
            long interval = properties.pollInterval().toMillis();
            poller.scheduleWithFixedDelay(this::pollLogged, 0, interval, TimeUnit.MILLISECONDS);
            log.info("Deadline manager {} polling every {}", owner, properties.pollInterval());
        }
    }

    /** Stops polling; a deadline being fired is finished first. Idempotent. */
    @Override
    public void shutdown() {
        if (stopping.compareAndSet(false, true)) {
            poller.shutdown();
            try {
                if (!poller.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.warn("A deadline still firing after {}; its lease lets another node fire it again",
                            SHUTDOWN_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Fires every deadline due now, on the poller thread (so never at the same time as a scheduled poll), and waits.
     * For tests that move the clock, and for operators.
     *
     * @return how many deadlines fired successfully
     */
    public int pollNow() {
        try {
            return poller.submit(this::poll).get();
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("This deadline manager was shut down", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while polling deadlines", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** Deadlines scheduled and not yet fired (including those awaiting a retry). */
    public long pendingDeadlines() {
        return store.count();
    }

    private void pollLogged() {
        try {
            poll();
        } catch (RuntimeException e) {
            // MongoDB unreachable, for instance: the next poll tries again; nothing is lost.
            log.warn("Polling deadlines failed: {}", e.toString());
        }
    }

    private int poll() {
        int fired = 0;
        while (!stopping.get()) {
            List<DeadlineStore.Due> due = store.due(clock.instant(), properties.batchSize());
            int claimed = 0;
            for (DeadlineStore.Due candidate : due) {
                if (stopping.get()) {
                    break;
                }
                String claim = DeadlineDocuments.newToken();
                Optional<Document> deadline =
                        store.claim(candidate, owner, claim, clock.instant().plus(properties.lease()));
                if (deadline.isPresent()) {
                    claimed++;
                    fired += fire(deadline.get(), claim) ? 1 : 0;
                }
            }
            // Claimed or failed deadlines are no longer due, so a full batch means more may be waiting.
            if (due.size() < properties.batchSize() || claimed == 0) {
                return fired;
            }
        }
        return fired;
    }

    private boolean fire(Document deadline, String claim) {
        String id = deadline.getString(ID);
        String name = deadline.getString(NAME);
        Throwable failure;
        try {
            failure = execute(id, name, documents.message(deadline), documents.scope(deadline));
        } catch (RuntimeException e) { // a payload or scope that no longer deserializes
            failure = e;
        }
        if (failure == null) {
            store.fired(claim);
            durability.afterAppend();
            return true;
        }
        int attempts = deadline.getInteger(ATTEMPTS, 1);
        Instant retryAt = clock.instant().plus(properties.retryDelayAfter(attempts));
        log.warn("Deadline '{}' ({}) failed on attempt {}; next attempt at {}", name, id, attempts, retryAt, failure);
        store.failed(claim, retryAt, describe(failure));
        return false;
    }

    /** Runs the deadline as Axon's own managers do; answers the failure, or null when it was handled. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Throwable execute(String id, String name, DeadlineMessage<?> message, ScopeDescriptor scope) {
        Span span = spanFactory.createExecuteSpan(name, id, message).start();
        try (SpanScope ignored = span.makeCurrent()) {
            UnitOfWork<DeadlineMessage<?>> unitOfWork = new DefaultUnitOfWork<>(message);
            unitOfWork.attachTransaction(transactionManager);
            unitOfWork.onRollback(uow -> span.recordException(uow.getExecutionResult().getExceptionResult()));
            InterceptorChain chain = new DefaultInterceptorChain<>(unitOfWork, handlerInterceptors(),
                    intercepted -> {
                        deliver((DeadlineMessage<?>) intercepted, scope);
                        return null;
                    });
            ResultMessage<?> result = unitOfWork.executeWithResult(chain::proceed);
            return result.isExceptional() ? result.exceptionResult() : null;
        } catch (RuntimeException e) {
            span.recordException(e);
            return e;
        } finally {
            span.end();
        }
    }

    private void deliver(DeadlineMessage<?> message, ScopeDescriptor scope) {
        scopes.provideScopeAwareStream(scope)
                .filter(component -> component.canResolve(scope))
                .forEach(component -> {
                    try {
                        component.send(message, scope);
                    } catch (Exception e) {
                        throw new ExecutionException(
                                "Failed to send a DeadlineMessage for scope [" + scope.scopeDescription() + "]", e);
                    }
                });
    }

    private void undoableOnRollback(List<Document> removed) {
        if (!removed.isEmpty()) {
            durability.afterAppend();
            onRollback(() -> store.restore(removed));
        }
    }

    /** No transactions on the embedded server: a unit of work that rolls back undoes our writes itself. */
    private static void onRollback(Runnable undo) {
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.onRollback(u -> undo.run()));
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(failure.toString());
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && cause != failure && depth < 5; depth++, cause = cause.getCause()) {
            text.append(" <- ").append(cause);
        }
        return text.toString();
    }

    public static final class Builder {

        private MongoDatabase database;
        private WriteConcern writeConcern = WriteConcern.ACKNOWLEDGED;
        private Serializer serializer;
        private ScopeAwareProvider scopeAwareProvider;
        private Clock clock = Clock.systemUTC();
        private TransactionManager transactionManager = NoTransactionManager.INSTANCE;
        private DeadlineManagerSpanFactory spanFactory =
                DefaultDeadlineManagerSpanFactory.builder().spanFactory(NoOpSpanFactory.INSTANCE).build();
        private AppendDurability durability = AppendDurability.NONE;
        private DeadlineProperties properties = DeadlineProperties.defaults();
        private String owner = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        private boolean createIndexes;

        private Builder() {
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        /** Majority and journal on a replica set, so a scheduled deadline survives a failover. */
        public Builder writeConcern(WriteConcern writeConcern) {
            this.writeConcern = Objects.requireNonNull(writeConcern);
            return this;
        }

        public Builder serializer(Serializer serializer) {
            this.serializer = serializer;
            return this;
        }

        public Builder scopeAwareProvider(ScopeAwareProvider scopeAwareProvider) {
            this.scopeAwareProvider = scopeAwareProvider;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder transactionManager(TransactionManager transactionManager) {
            this.transactionManager = Objects.requireNonNull(transactionManager);
            return this;
        }

        public Builder spanFactory(DeadlineManagerSpanFactory spanFactory) {
            this.spanFactory = Objects.requireNonNull(spanFactory);
            return this;
        }

        /** The embedded server's store-file commit, so a scheduled or fired deadline survives kill -9. */
        public Builder durability(AppendDurability durability) {
            this.durability = Objects.requireNonNull(durability);
            return this;
        }

        public Builder properties(DeadlineProperties properties) {
            this.properties = Objects.requireNonNull(properties);
            return this;
        }

        /** Name of this node in claimed deadlines (default: process id, host and a random suffix). */
        public Builder owner(String owner) {
            this.owner = Objects.requireNonNull(owner);
            return this;
        }

        /**
         * Also creates the {@code fireAt} and name/scope indexes: for a real MongoDB (the embedded server ignores
         * non-unique indexes). The unique {@code token} index is always created.
         */
        public Builder createIndexes(boolean createIndexes) {
            this.createIndexes = createIndexes;
            return this;
        }

        public MongoDeadlineManager build() {
            return new MongoDeadlineManager(this);
        }
    }
}
