package cn.talentportal.portal.processing;

import cn.talentportal.portal.processing.RebuildProgress.State;
import cn.talentportal.projections.shared.RebuildableReadModel;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;

import static cn.talentportal.portal.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Progress arithmetic and a failed rebuild, on a stand-in processor (the real one: ReadModelRebuildIntegrationTest). */
class ReadModelRebuildsTest {

    @RebuildableReadModel
    @ProcessingGroup("marked")
    static class MarkedProjection {
    }

    @ProcessingGroup("unmarked")
    static class UnmarkedProjection {
    }

    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    private final EventTrackerStatus segment = mock(EventTrackerStatus.class);
    private final AtomicLong position = new AtomicLong();
    private ReadModelRebuilds rebuilds;

    @BeforeEach
    void standIns() {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessor("marked", StreamingEventProcessor.class)).thenReturn(Optional.of(processor));
        when(processing.eventProcessor("unmarked", StreamingEventProcessor.class))
                .thenReturn(Optional.of(mock(StreamingEventProcessor.class)));
        EventStore eventStore = mock(EventStore.class);
        when(eventStore.createHeadToken()).thenReturn(GapAwareTrackingToken.newInstance(1000, Collections.emptySet()));
        ApplicationContext context = mock(ApplicationContext.class);
        when(context.getBeanNamesForAnnotation(RebuildableReadModel.class)).thenReturn(new String[] {"marked"});
        doReturn(MarkedProjection.class).when(context).getType("marked");
        when(segment.getCurrentPosition()).thenAnswer(i -> OptionalLong.of(position.get()));
        when(processor.processingStatus()).thenReturn(Map.of(0, segment));
        rebuilds = new ReadModelRebuilds(processing, eventStore, context, 5000);
    }

    @Test
    void progress_counts_up_to_the_head_captured_at_the_start_with_rate_and_time_left() throws Exception {
        assertThat(rebuilds.rebuildable()).containsExactly("marked");
        when(processor.isRunning()).thenReturn(true);

        RebuildProgress started = rebuilds.rebuild("marked");
        assertThat(started.total()).isEqualTo(1000);
        eventually(() -> rebuilds.progress("marked").orElseThrow(), p -> p.state() == State.REPLAYING, "replaying");
        verify(processor).shutDown();
        verify(processor).resetTokens();
        verify(processor).start();

        position.set(100);
        rebuilds.progress("marked");
        Thread.sleep(500);
        position.set(300);
        RebuildProgress halfway = rebuilds.progress("marked").orElseThrow();
        assertThat(halfway.done()).isEqualTo(300);
        assertThat(halfway.fraction()).isEqualTo(0.3);
        assertThat(halfway.eventsPerSecond()).isPositive();
        assertThat(halfway.timeLeft()).isPositive();
        assertThat(halfway.running()).isTrue();

        position.set(1000);
        RebuildProgress finished = rebuilds.progress("marked").orElseThrow();
        assertThat(finished.finished()).isTrue();
        assertThat(finished.done()).isEqualTo(finished.total()).isEqualTo(1000);
        assertThat(finished.timeLeft()).isZero();
    }

    @Test
    void a_failed_reset_leaves_the_processor_started_and_the_error_shown_and_a_new_rebuild_may_start() {
        doThrow(new IllegalStateException("token store unreachable")).when(processor).resetTokens();
        when(processor.isRunning()).thenReturn(false);

        rebuilds.rebuild("marked");
        RebuildProgress failed = eventually(() -> rebuilds.progress("marked").orElseThrow(),
                p -> p.state() == State.FAILED, "failed");
        assertThat(failed.error()).contains("token store unreachable");
        verify(processor).start();

        assertThat(rebuilds.rebuild("marked").running()).isTrue();
    }

    @Test
    void an_error_in_replay_keeps_the_rebuild_running_until_the_processor_recovers() {
        when(processor.isRunning()).thenReturn(true);
        when(segment.isErrorState()).thenReturn(true);
        rebuilds.rebuild("marked");
        eventually(() -> rebuilds.progress("marked").orElseThrow(), p -> p.state() == State.REPLAYING, "replaying");
        position.set(1000);
        assertThat(rebuilds.progress("marked").orElseThrow().running()).isTrue();

        when(segment.isErrorState()).thenReturn(false);
        assertThat(rebuilds.progress("marked").orElseThrow().finished()).isTrue();
    }
}
