package cn.talentportal.projections.application;

import cn.talentportal.domain.candidate.CandidateEvents.ApplicationScreenedOut;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationSubmitted;
import cn.talentportal.projections.application.ApplicationQueries.ApplicationChanged;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsOfCandidate;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsOfOpening;
import cn.talentportal.projections.application.ApplicationQueries.FindOpeningPipeline;
import cn.talentportal.projections.interview.InterviewProjection;
import cn.talentportal.projections.testing.InMemoryMongo;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What open views learn from the application journeys: updates for their own opening or candidate, and pages. */
class ApplicationUpdatesTest {

    static final Instant T0 = Instant.parse("2026-11-02T02:00:00Z");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
    private final ApplicationProjection applications = new ApplicationProjection(mongo.database, emitter);
    private final ApplicationJourneyQueries queries = new ApplicationJourneyQueries(mongo.database,
            new InterviewProjection(mongo.database));

    @AfterEach
    void close() {
        mongo.close();
    }

    private void submit(String applicationId, String candidateId, String openingId, Instant at) {
        applications.on(new ApplicationSubmitted(candidateId, applicationId, "王芳", openingId, "初中语文教师", "u1",
                "县第一中学"), at);
    }

    private List<ApplicationChanged> subscribe(Object query, Class<?> initialResult) {
        List<ApplicationChanged> received = new CopyOnWriteArrayList<>();
        emitter.registerUpdateHandler(new GenericSubscriptionQueryMessage<>(query,
                        ResponseTypes.instanceOf(initialResult), ResponseTypes.instanceOf(ApplicationChanged.class)), 16)
                .getUpdates().subscribe(update -> received.add((ApplicationChanged) update.getPayload()));
        return received;
    }

    @Test
    void a_pipeline_hears_of_its_own_openings_applications_and_a_candidate_of_their_own() {
        List<ApplicationChanged> pipelineO1 = subscribe(new FindOpeningPipeline("o1"), OpeningPipeline.class);
        List<ApplicationChanged> candidateC2 = subscribe(new FindApplicationsOfCandidate("c2"), List.class);

        submit("a1", "c1", "o1", T0);
        submit("a2", "c2", "o2", T0);
        applications.on(new ApplicationScreenedOut("c1", "王芳", "a1", "o1", "初中语文教师", "u1", "县第一中学", "专业不符"),
                T0.plusSeconds(60));

        assertThat(pipelineO1).containsExactly(new ApplicationChanged("a1", "c1", "o1"),
                new ApplicationChanged("a1", "c1", "o1"));
        assertThat(candidateC2).containsExactly(new ApplicationChanged("a2", "c2", "o2"));
    }

    @Test
    void an_openings_applications_come_in_pages_newest_first_without_repeats_or_gaps() {
        IntStream.range(0, 5).forEach(i -> submit("p" + i, "c" + i, "o3", T0.plusSeconds(i / 2)));
        submit("other", "c9", "o4", T0);

        List<String> paged = Stream.of(0, 2, 4)
                .flatMap(offset -> queries.handle(new FindApplicationsOfOpening("o3", offset, 2)).stream())
                .map(ApplicationView::applicationId).toList();

        assertThat(paged).containsExactly("p4", "p2", "p3", "p0", "p1");
        assertThat(queries.handle(new FindApplicationsOfOpening("o3", 4, 2))).hasSize(1);
    }
}
