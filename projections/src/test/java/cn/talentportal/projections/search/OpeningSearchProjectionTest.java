package cn.talentportal.projections.search;

import cn.talentportal.domain.employer.EmployerEvents.EmployerUnitCreated;
import cn.talentportal.domain.employer.EmployerType;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.OpeningEvents.OpeningClosed;
import cn.talentportal.domain.opening.OpeningEvents.OpeningEdited;
import cn.talentportal.domain.opening.OpeningEvents.OpeningFilled;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPaused;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPublished;
import cn.talentportal.domain.opening.OpeningEvents.OpeningResumed;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.Sector;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Result;
import co.elastic.clients.elasticsearch.core.DeleteRequest;
import co.elastic.clients.elasticsearch.core.DeleteResponse;
import co.elastic.clients.elasticsearch.core.GetRequest;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.IndexRequest;
import co.elastic.clients.elasticsearch.core.IndexResponse;
import co.elastic.clients.elasticsearch.indices.ExistsAliasRequest;
import co.elastic.clients.elasticsearch.indices.ExistsRequest;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.DefaultTransportOptions;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.endpoints.BooleanResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which openings the index holds after each opening event; an in-memory transport stands in for the engine. */
class OpeningSearchProjectionTest {

    static final Instant PUBLISHED_AT = Instant.parse("2026-11-01T02:00:00Z");
    static final Instant RESUMED_AT = Instant.parse("2026-11-20T02:00:00Z");
    static final OpeningDetails NURSES = nurses(3);
    static final OpeningPublished PUBLISHED = new OpeningPublished("o1", "u1", "县人民医院", NURSES);

    private final InMemoryEngine engine = new InMemoryEngine();
    private final ElasticsearchClient client = new ElasticsearchClient(engine);
    private final OpeningSearchProjection projection =
            new OpeningSearchProjection(client, new OpeningSearchIndex(client), new KnownEmployerTypes());

    static OpeningDetails nurses(int headcount) {
        return new OpeningDetails("急需护士", "负责住院部护理工作", Sector.HEALTH, "城关镇", Education.JUNIOR_COLLEGE,
                "护理学", 4500, 6500, headcount, Set.of(TalentCategory.URGENTLY_NEEDED), LocalDate.of(2026, 12, 31));
    }

    @Test
    void a_published_opening_edited_is_reindexed_with_its_first_publication_time() throws Exception {
        projection.on(PUBLISHED, PUBLISHED_AT);
        projection.on(new OpeningEdited("o1", "u1", "县人民医院", nurses(5)));

        assertThat(engine.documents).containsOnlyKeys("o1");
        assertThat(engine.documents.get("o1").headcount()).isEqualTo(5);
        assertThat(engine.documents.get("o1").publishedAt()).isEqualTo(PUBLISHED_AT.toString());
    }

    @Test
    void an_edited_draft_stays_out_of_the_index() throws Exception {
        projection.on(new OpeningEdited("o1", "u1", "县人民医院", NURSES));
        assertThat(engine.documents).isEmpty();
    }

    @Test
    void a_paused_opening_leaves_the_index_and_comes_back_with_its_edits_when_resumed() throws Exception {
        projection.on(PUBLISHED, PUBLISHED_AT);
        projection.on(new OpeningPaused("o1", "急需护士", "等待编制审批"));
        assertThat(engine.documents).isEmpty();

        projection.on(new OpeningEdited("o1", "u1", "县人民医院", nurses(4)));
        assertThat(engine.documents).as("a paused opening is not searchable, edited or not").isEmpty();

        projection.on(new OpeningResumed("o1", "u1", "县人民医院", nurses(4)), RESUMED_AT);
        assertThat(engine.documents).containsOnlyKeys("o1");
        assertThat(engine.documents.get("o1").headcount()).isEqualTo(4);
        assertThat(engine.documents.get("o1").publishedAt()).isEqualTo(RESUMED_AT.toString());
    }

    @Test
    void a_filled_or_closed_opening_leaves_the_index() throws Exception {
        projection.on(PUBLISHED, PUBLISHED_AT);
        projection.on(new OpeningPublished("o2", "u1", "县人民医院", NURSES), PUBLISHED_AT);

        projection.on(new OpeningFilled("o1", "急需护士", 3));
        projection.on(new OpeningClosed("o2", "急需护士", "岗位已撤销"));
        projection.on(new OpeningClosed("o2", "急需护士", "岗位已撤销"));

        assertThat(engine.documents).isEmpty();
    }

    @Test
    void an_opening_carries_the_type_of_its_employer_unit() throws Exception {
        projection.on(new EmployerUnitCreated("u1", "县人民医院", EmployerType.HOSPITAL, "城关镇", Sector.HEALTH));
        projection.on(PUBLISHED, PUBLISHED_AT);
        assertThat(engine.documents.get("o1").employerType()).isEqualTo("HOSPITAL");
        assertThat(engine.documents.get("o1").suggest()).contains("急需护士", "护士", "县人民医院");
    }

    /** The employer-type lookup without MongoDB (the in-infra search tests use the real collection). */
    private static final class KnownEmployerTypes extends SearchEmployerTypes {

        private final Map<String, EmployerType> types = new HashMap<>();

        KnownEmployerTypes() {
            super(org.mockito.Mockito.mock(com.mongodb.client.MongoDatabase.class));
        }

        @Override
        void record(String employerUnitId, EmployerType type) {
            types.put(employerUnitId, type);
        }

        @Override
        EmployerType typeOf(String employerUnitId) {
            return types.get(employerUnitId);
        }
    }

    /** Answers the requests the projection makes (alias check, index, get, delete) from a map of documents. */
    private static final class InMemoryEngine implements ElasticsearchTransport {

        final Map<String, OpeningDocument> documents = new HashMap<>();
        private final JsonpMapper mapper = new JacksonJsonpMapper();

        @Override
        @SuppressWarnings("unchecked")
        public <RequestT, ResponseT, ErrorT> ResponseT performRequest(RequestT request,
                Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
            Object response = switch (request) {
                case ExistsAliasRequest ignored -> new BooleanResponse(true);
                case ExistsRequest ignored -> new BooleanResponse(true);
                case IndexRequest<?> index -> {
                    documents.put(index.id(), (OpeningDocument) index.document());
                    yield IndexResponse.of(r -> written(r, index.id(), Result.Created));
                }
                case DeleteRequest delete -> {
                    Result result = documents.remove(delete.id()) == null ? Result.NotFound : Result.Deleted;
                    yield DeleteResponse.of(r -> written(r, delete.id(), result));
                }
                case GetRequest get -> GetResponse.<OpeningDocument>of(r -> r.index(OpeningSearchIndex.PHYSICAL_INDEX)
                        .id(get.id()).found(documents.containsKey(get.id())).source(documents.get(get.id())));
                default -> throw new UnsupportedOperationException(request.getClass().getName());
            };
            return (ResponseT) response;
        }

        private static <B extends co.elastic.clients.elasticsearch._types.WriteResponseBase.AbstractBuilder<B>> B
                written(B response, String id, Result result) {
            return response.index(OpeningSearchIndex.PHYSICAL_INDEX).id(id).result(result).version(1).seqNo(0L)
                    .primaryTerm(1L).shards(s -> s.total(1).successful(1).failed(0));
        }

        @Override
        public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(RequestT request,
                Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
            return CompletableFuture.completedFuture(performRequest(request, endpoint, options));
        }

        @Override
        public JsonpMapper jsonpMapper() {
            return mapper;
        }

        @Override
        public TransportOptions options() {
            return DefaultTransportOptions.EMPTY;
        }

        @Override
        public void close() {
        }
    }
}
