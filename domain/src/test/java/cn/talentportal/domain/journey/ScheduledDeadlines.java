package cn.talentportal.domain.journey;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.Registration;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateScopeDescriptor;

/**
 * Axon's {@link SimpleDeadlineManager} on the configuration's scopes, noting each deadline the office's clock will
 * trigger once its unit of work commits (as the manager itself schedules it then), so a refused command is seen to
 * schedule nothing. The manager's executor holds every deadline for years: the simple manager counts in real time,
 * not on the test's clock, so a deadline dated before today's real date would otherwise fire at once. What a
 * deadline does when it fires is tested with the aggregates' fixtures.
 */
final class ScheduledDeadlines implements DeadlineManager {

    /** A deadline as scheduled: when, its name, its payload, and the aggregate ({@code type:id}) it goes back to. */
    record Deadline(Instant at, String name, Object payload, String scope) {
    }

    private final SimpleDeadlineManager manager;
    private final List<Deadline> scheduled = new CopyOnWriteArrayList<>();

    ScheduledDeadlines(Configuration configuration) {
        manager = SimpleDeadlineManager.builder()
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .scheduledExecutorService(holdingForYears())
                .build();
    }

    List<Deadline> scheduled() {
        return List.copyOf(scheduled);
    }

    List<Deadline> scheduled(String name) {
        return scheduled.stream().filter(deadline -> deadline.name().equals(name)).toList();
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        // described on commit: an aggregate scheduling from its constructor knows its id only once created
        Runnable note = () -> scheduled.add(new Deadline(triggerDateTime, deadlineName, messageOrPayload,
                describe(deadlineScope)));
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> note.run());
        } else {
            note.run();
        }
        return manager.schedule(triggerDateTime, deadlineName, messageOrPayload, deadlineScope);
    }

    private static String describe(ScopeDescriptor scope) {
        return scope instanceof AggregateScopeDescriptor aggregate
                ? aggregate.getType() + ":" + aggregate.getIdentifier()
                : scope.scopeDescription();
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        manager.cancelSchedule(deadlineName, scheduleId);
    }

    @Override
    public void cancelAll(String deadlineName) {
        manager.cancelAll(deadlineName);
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        manager.cancelAllWithinScope(deadlineName, scope);
    }

    @Override
    public void shutdown() {
        manager.shutdown();
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super DeadlineMessage<?>> dispatchInterceptor) {
        return manager.registerDispatchInterceptor(dispatchInterceptor);
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super DeadlineMessage<?>> handlerInterceptor) {
        return manager.registerHandlerInterceptor(handlerInterceptor);
    }

    private static ScheduledExecutorService holdingForYears() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1) {
            @Override
            public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
                return super.schedule(task, 3650, TimeUnit.DAYS);
            }
        };
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
