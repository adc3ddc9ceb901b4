package cn.talentportal.infra.deadline;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A test aggregate that schedules one deadline on creation and records its firing as an event. */
class Reminder {

    static final String DEADLINE = "remind";

    /** Attempts per reminder, across restarts of the Axon configuration (a failing attempt leaves no event). */
    static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    @AggregateIdentifier
    private String reminderId;
    private String scheduleId;

    Reminder() {
    }

    @CommandHandler
    Reminder(Plan command, DeadlineManager deadlines) {
        apply(new Planned(command.reminderId(), command.note()));
        String schedule = deadlines.schedule(command.at(), DEADLINE, new Due(command.note(), command.failures()));
        apply(new Scheduled(command.reminderId(), schedule));
    }

    @CommandHandler
    void handle(Cancel command, DeadlineManager deadlines) {
        deadlines.cancelSchedule(DEADLINE, scheduleId);
        apply(new Cancelled(reminderId));
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    void on(Due due) {
        int attempt = ATTEMPTS.computeIfAbsent(reminderId, id -> new AtomicInteger()).incrementAndGet();
        if (attempt <= due.failures()) {
            throw new IllegalStateException("flaky handler, attempt " + attempt);
        }
        apply(new Fired(reminderId, due.note(), attempt));
    }

    @EventSourcingHandler
    void on(Planned event) {
        reminderId = event.reminderId();
    }

    @EventSourcingHandler
    void on(Scheduled event) {
        scheduleId = event.scheduleId();
    }

    record Plan(String reminderId, String note, Instant at, int failures) {
    }

    record Cancel(@TargetAggregateIdentifier String reminderId) {
    }

    record Due(String note, int failures) {
    }

    record Planned(String reminderId, String note) {
    }

    record Scheduled(String reminderId, String scheduleId) {
    }

    record Cancelled(String reminderId) {
    }

    record Fired(String reminderId, String note, int attempt) {
    }
}
