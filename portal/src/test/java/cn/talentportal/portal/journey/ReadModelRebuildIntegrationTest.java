package cn.talentportal.portal.journey;

import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.journey.JourneySteps.Graduate;
import cn.talentportal.portal.journey.JourneySteps.Unit;
import cn.talentportal.portal.processing.ProcessorStatus;
import cn.talentportal.portal.processing.ReadModelRebuilds;
import cn.talentportal.portal.processing.RebuildProgress;
import cn.talentportal.portal.processing.RebuildRefusedException;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.projections.application.ApplicationProjection;
import cn.talentportal.projections.search.OpeningSearchIndex;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import cn.talentportal.infra.axon.CombinedRebuild;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.TreeSet;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.portal.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A read model rebuilt through {@link ReadModelRebuilds} while the portal runs: the progress reaches the head index
 * captured at the start, and the rebuilt collection equals the one kept live, document by document.
 */
class ReadModelRebuildIntegrationTest extends PortalTestBase {

    private static final String GROUP = "application-journeys";

    @Autowired ReadModelRebuilds rebuilds;
    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;
    @Autowired EventStore eventStore;
    @Autowired EventProcessingConfiguration processing;
    @Autowired MongoDatabase database;
    @Autowired TokenStore tokenStore;

    @AfterEach
    void nobody() {
        actAsNobody();
    }

    @Test
    void only_the_marked_read_models_are_offered_for_rebuild() {
        assertThat(rebuilds.rebuildable()).containsExactlyElementsOf(
                new TreeSet<>(ReadModelReplayTest.READ_MODELS.keySet()));
        assertThat(rebuilds.processors()).extracting(ProcessorStatus::name)
                .contains("notifications", "saved-searches", OpeningSearchIndex.PROCESSING_GROUP);
        assertThat(rebuilds.processors()).filteredOn(ProcessorStatus::rebuildable).extracting(ProcessorStatus::name)
                .containsExactlyElementsOf(rebuilds.rebuildable());
        assertThatThrownBy(() -> rebuilds.rebuild("notifications")).isInstanceOf(RebuildRefusedException.class)
                .extracting(e -> ((RebuildRefusedException) e).reason())
                .isEqualTo(RebuildRefusedException.Reason.NOT_REBUILDABLE);
    }

    @Test
    void a_read_model_rebuilt_while_the_portal_runs_equals_the_one_kept_live() {
        JourneySteps steps = new JourneySteps(commands, accounts, clock);
        Unit school = steps.schoolWithRecruiters("县实验小学");
        String openingId = steps.publishOpening(school, "小学语文教师", 3);
        for (String name : List.of("陈小雪", "刘小川", "黄小梅")) {
            Graduate graduate = steps.selfRegistered(name);
            String applicationId = steps.apply(graduate, openingId);
            steps.screenIn(school, graduate, applicationId);
        }
        actAsNobody();
        long head = eventStore.createHeadToken().position().orElseThrow();
        StreamingEventProcessor processor = processing.eventProcessor(GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        eventually(() -> processor.processingStatus().values(), segments -> !segments.isEmpty()
                && segments.stream().allMatch(s -> s.getCurrentPosition().orElse(-1) >= head), GROUP + " caught up");
        List<Document> before = snapshot();
        assertThat(before).hasSizeGreaterThanOrEqualTo(3);

        RebuildProgress started = rebuilds.rebuild(GROUP);
        assertThat(started.running()).isTrue();
        assertThat(started.total()).isGreaterThanOrEqualTo(head); // plus anything the portal stored meanwhile
        assertThatThrownBy(() -> rebuilds.rebuild(GROUP)).isInstanceOf(RebuildRefusedException.class)
                .extracting(e -> ((RebuildRefusedException) e).reason())
                .isEqualTo(RebuildRefusedException.Reason.ALREADY_RUNNING);

        RebuildProgress finished = eventually(() -> rebuilds.progress(GROUP).orElseThrow(),
                RebuildProgress::finished, GROUP + " rebuilt");
        assertThat(finished.done()).isEqualTo(finished.total()).isGreaterThanOrEqualTo(head);
        assertThat(finished.timeLeft()).isZero();
        assertThat(finished.error()).isNull();
        assertThat(rebuilds.processors()).filteredOn(p -> p.name().equals(GROUP)).singleElement()
                .satisfies(p -> {
                    assertThat(p.running()).isTrue();
                    assertThat(p.error()).isFalse();
                    assertThat(p.position()).isGreaterThanOrEqualTo(head);
                });

        List<Document> after = snapshot();
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i)).as("document %s", before.get(i).get("_id")).isEqualTo(before.get(i));
        }

        // once finished, it may be rebuilt again
        assertThat(rebuilds.rebuild(GROUP).running()).isTrue();
        eventually(() -> rebuilds.progress(GROUP).orElseThrow(), RebuildProgress::finished, GROUP + " rebuilt again");
        assertThat(snapshot()).hasSameSizeAs(before);
    }

    @Test
    void all_read_models_rebuilt_with_one_read_equal_the_ones_kept_live_and_keep_following_live_events() {
        JourneySteps steps = new JourneySteps(commands, accounts, clock);
        Unit school = steps.schoolWithRecruiters("县第三小学");
        String openingId = steps.publishOpening(school, "小学数学教师", 2);
        Graduate first = steps.selfRegistered("周小林");
        steps.screenIn(school, first, steps.apply(first, openingId));
        actAsNobody();
        awaitAllCaughtUp(eventStore.createHeadToken().position().orElseThrow());
        Map<String, List<Document>> before = snapshotOfAll();

        RebuildProgress started = rebuilds.rebuildAll();
        assertThat(started.running()).isTrue();
        assertThatThrownBy(() -> rebuilds.rebuild(GROUP)).as("no group on its own meanwhile")
                .isInstanceOf(RebuildRefusedException.class);
        assertThatThrownBy(() -> rebuilds.rebuildAll()).isInstanceOf(RebuildRefusedException.class)
                .extracting(e -> ((RebuildRefusedException) e).reason())
                .isEqualTo(RebuildRefusedException.Reason.ALREADY_RUNNING);
        RebuildProgress finished = eventually(() -> rebuilds.progressOfAll().orElseThrow(),
                RebuildProgress::finished, "all read models rebuilt");
        assertThat(finished.done()).isEqualTo(finished.total()).isPositive();
        assertThat(finished.timeLeft()).isZero();
        assertThat(tokenStore.fetchSegments(CombinedRebuild.NAME)).as("the combined token is gone").isEmpty();
        assertThat(rebuilds.processors()).filteredOn(ProcessorStatus::rebuildable)
                .allSatisfy(p -> assertThat(p.running()).as(p.name()).isTrue());
        awaitAllCaughtUp(finished.total());
        assertSameDocuments(before, snapshotOfAll());

        // live events during a rebuild of all: handled once, by the combined processor or by the groups after it
        assertThat(rebuilds.rebuildAll().running()).isTrue();
        Graduate second = steps.selfRegistered("吴小兰");
        String secondApplication = steps.apply(second, openingId);
        actAsNobody();
        eventually(() -> rebuilds.progressOfAll().orElseThrow(), RebuildProgress::finished, "rebuilt again");
        long head = eventStore.createHeadToken().position().orElseThrow();
        awaitAllCaughtUp(head);
        assertThat(database.getCollection(ApplicationProjection.COLLECTION)
                .countDocuments(new Document("_id", secondApplication))).isEqualTo(1);
        Map<String, List<Document>> afterLive = snapshotOfAll();
        before.forEach((collection, documents) -> assertThat(afterLive.get(collection))
                .as("%s kept every document", collection).hasSizeGreaterThanOrEqualTo(documents.size()));
        assertThat(rebuilds.rebuild(GROUP).running()).as("groups may be rebuilt on their own again").isTrue();
        eventually(() -> rebuilds.progress(GROUP).orElseThrow(), RebuildProgress::finished, GROUP + " rebuilt");
    }

    private void awaitAllCaughtUp(long head) {
        for (String group : rebuilds.rebuildable()) {
            StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
                    .orElseThrow();
            eventually(() -> processor.processingStatus().values(), segments -> processor.isRunning()
                    && !segments.isEmpty() && segments.stream().allMatch(s -> s.getCurrentPosition().orElse(-1) >= head),
                    group + " caught up");
        }
    }

    private Map<String, List<Document>> snapshotOfAll() {
        Map<String, List<Document>> snapshot = new LinkedHashMap<>();
        ReadModelReplayTest.READ_MODELS.values().forEach(collections -> collections.forEach(collection ->
                snapshot.put(collection, database.getCollection(collection).find().sort(Sorts.ascending("_id"))
                        .into(new ArrayList<>()))));
        return snapshot;
    }

    private static void assertSameDocuments(Map<String, List<Document>> before, Map<String, List<Document>> after) {
        before.forEach((collection, documents) -> {
            assertThat(after.get(collection)).as("%s rebuilt", collection).hasSameSizeAs(documents);
            for (int i = 0; i < documents.size(); i++) {
                assertThat(after.get(collection).get(i)).as("%s document %s", collection, documents.get(i).get("_id"))
                        .isEqualTo(documents.get(i));
            }
        });
    }

    private List<Document> snapshot() {
        return database.getCollection(ApplicationProjection.COLLECTION).find().sort(Sorts.ascending("_id"))
                .into(new ArrayList<>());
    }
}
