package cn.talentportal.portal.security;

import cn.talentportal.projections.application.ApplicationJourneyQueries;
import cn.talentportal.projections.drive.DriveRegistrationsProjection;
import cn.talentportal.projections.interview.InterviewProjection;
import cn.talentportal.projections.opening.OpeningProjection;
import cn.talentportal.projections.opening.OpeningQueries.FindOpening;
import cn.talentportal.projections.opening.OpeningView;
import cn.talentportal.projections.retention.RetentionCaseloadProjection;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** How long Ownership looks for an object the read model does not show (yet). */
class OwnershipTest {

    private final OpeningProjection openings = mock(OpeningProjection.class);
    private final EventStore eventStore = mock(EventStore.class);
    private final Ownership ownership = new Ownership(openings, mock(ApplicationJourneyQueries.class),
            mock(InterviewProjection.class), mock(DriveRegistrationsProjection.class),
            mock(RetentionCaseloadProjection.class), eventStore);

    @Test
    void a_guessed_id_of_nothing_in_the_store_is_refused_without_waiting_for_the_read_model() {
        when(openings.handle(any(FindOpening.class))).thenReturn(Optional.empty());
        when(eventStore.lastSequenceNumberFor("guessed")).thenReturn(Optional.empty());

        assertThat(ownership.unitOwnsOpening("u1", "guessed")).isFalse();

        verify(openings, times(1)).handle(any(FindOpening.class));
    }

    @Test
    void an_object_in_the_store_that_the_read_model_does_not_show_yet_is_waited_for() {
        OpeningView ours = new OpeningView("o1", "u1", "县第一中学", null, null, null);
        when(openings.handle(any(FindOpening.class))).thenReturn(Optional.empty(), Optional.empty(),
                Optional.of(ours));
        when(eventStore.lastSequenceNumberFor("o1")).thenReturn(Optional.of(0L));

        assertThat(ownership.unitOwnsOpening("u1", "o1")).isTrue();

        verify(openings, times(3)).handle(any(FindOpening.class));
    }
}
