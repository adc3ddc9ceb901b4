package cn.talentportal.projections.alert;

import cn.talentportal.projections.search.OpeningSearchIndex;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.GetIndexRequest;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.endpoints.SimpleEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The percolator index of saved searches, behind the alias {@value #ALIAS}. Its mapping is the openings index's
 * mapping and analysis, copied from the live {@code openings} index, plus the stored queries ({@value #QUERY}) and
 * who saved them ({@value #ENTRY}). The physical index is named after a hash of that definition: when the openings
 * mapping changes (a new physical openings index behind its alias), a new percolator index is created, every
 * saved search is copied into it with its query built again from its criteria, and the alias switches.
 */
@Component
public class SavedSearchIndex {

    public static final String ALIAS = "saved-searches";
    static final String QUERY = "query";
    static final String ENTRY = "savedSearch";
    private static final String PHYSICAL_PREFIX = ALIAS + "-";
    private static final int COPY_PAGE = 500;
    private static final Logger LOG = LoggerFactory.getLogger(SavedSearchIndex.class);

    /** GET /{index} answered as plain JSON: copied as it is, not through the client's typed model. */
    @SuppressWarnings("unchecked")
    private static final Endpoint<GetIndexRequest, JsonData, ErrorResponse> RAW_GET_INDEX =
            ((SimpleEndpoint<GetIndexRequest, ?>) GetIndexRequest._ENDPOINT)
                    .withResponseDeserializer(JsonData._DESERIALIZER);

    private final ElasticsearchClient client;
    private final OpeningSearchIndex openings;
    private final ObjectMapper json = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    /** How often the openings alias is looked up again: a rebuild of the openings index is followed this late. */
    static final long FOLLOW_EVERY_NANOS = 5_000_000_000L;

    /** The physical openings index the current percolator index was derived from. */
    private volatile String followedOpeningsIndex;
    private volatile long followedAt;

    public SavedSearchIndex(ElasticsearchClient client, OpeningSearchIndex openings) {
        this.client = client;
        this.openings = openings;
    }

    /**
     * Makes sure the alias points at a percolator index derived from the openings index as it is now. Called
     * before every write and every percolation; free when the openings alias was looked up in the last 5 s, one
     * alias lookup when nothing changed.
     */
    public void ensureCurrent() throws IOException {
        if (followedOpeningsIndex != null && System.nanoTime() - followedAt < FOLLOW_EVERY_NANOS) {
            return;
        }
        openings.ensureExists();
        String openingsIndex = physicalOpeningsIndex();
        synchronized (this) {
            if (!openingsIndex.equals(followedOpeningsIndex)) {
                follow(openingsIndex);
                followedOpeningsIndex = openingsIndex;
            }
            followedAt = System.nanoTime();
        }
    }

    private void follow(String openingsIndex) throws IOException {
        ObjectNode definition = definitionFrom(openingsIndex);
        String physical = PHYSICAL_PREFIX + hash(definition);
        String current = client.indices().existsAlias(a -> a.name(ALIAS)).value() ? aliasTarget(ALIAS) : null;
        if (physical.equals(current)) {
            return;
        }
        if (!client.indices().exists(e -> e.index(physical)).value()) {
            client.indices().create(c -> c.index(physical).withJson(new StringReader(definition.toString())));
        }
        if (current == null) {
            client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(physical).alias(ALIAS)
                    .isWriteIndex(true))));
            LOG.info("Saved searches are percolated in {}, derived from {}", physical, openingsIndex);
            return;
        }
        long copied = copy(current, physical);
        client.indices().updateAliases(u -> u
                .actions(a -> a.remove(r -> r.index(current).alias(ALIAS)))
                .actions(a -> a.add(add -> add.index(physical).alias(ALIAS).isWriteIndex(true))));
        client.indices().delete(d -> d.index(current));
        LOG.info("The openings mapping changed ({}): {} saved searches moved from {} to {}", openingsIndex, copied,
                current, physical);
    }

    /** The openings index's shards, replicas, analysis and mapping, with the saved search fields added. */
    ObjectNode definitionFrom(String openingsIndex) throws IOException {
        JsonData raw = client._transport().performRequest(GetIndexRequest.of(g -> g.index(openingsIndex)),
                RAW_GET_INDEX, client._transportOptions());
        JsonNode index = json.readTree(raw.toJson(client._jsonpMapper()).toString()).path(openingsIndex);
        JsonNode settings = index.path("settings").path("index");
        ObjectNode mappings = index.path("mappings").deepCopy();
        ObjectNode properties = mappings.with("properties");
        for (String added : List.of(QUERY, ENTRY)) {
            if (properties.has(added)) {
                throw new IllegalStateException("The openings mapping has a field '" + added
                        + "', which the saved searches index needs for itself");
            }
        }
        properties.putObject(QUERY).put("type", "percolator");
        ObjectNode entry = properties.putObject(ENTRY).putObject("properties");
        entry.putObject("candidateId").put("type", "keyword");
        entry.putObject("savedSearchId").put("type", "keyword");
        for (String stored : List.of("name", "text", "sector", "county")) {
            entry.putObject(stored).put("type", "keyword").put("index", false);
        }
        ObjectNode definition = json.createObjectNode();
        ObjectNode newSettings = definition.putObject("settings");
        for (String copied : List.of("number_of_shards", "number_of_replicas", "analysis")) {
            if (settings.has(copied)) {
                newSettings.set(copied, settings.get(copied));
            }
        }
        definition.set("mappings", mappings);
        return definition;
    }

    /** Copies every saved search, its query built anew for the new mapping, in pages ordered by id. */
    private long copy(String from, String to) throws IOException {
        long copied = 0;
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<StoredEntry> page = client.search(s -> {
                s.index(from).size(COPY_PAGE).source(src -> src.filter(f -> f.includes(ENTRY)))
                        .sort(o -> o.field(f -> f.field(ENTRY + ".savedSearchId").order(SortOrder.Asc)));
                if (searchAfter != null) {
                    s.searchAfter(searchAfter);
                }
                return s;
            }, StoredEntry.class);
            List<Hit<StoredEntry>> hits = page.hits().hits();
            if (hits.isEmpty()) {
                return copied;
            }
            BulkRequest.Builder bulk = new BulkRequest.Builder().index(to);
            for (Hit<StoredEntry> hit : hits) {
                SavedSearchEntry entry = hit.source().savedSearch();
                bulk.operations(o -> o.index(i -> i.id(entry.savedSearchId()).document(document(entry))));
            }
            if (client.bulk(bulk.build()).errors()) {
                throw new IOException("copying saved searches from " + from + " to " + to + " failed");
            }
            copied += hits.size();
            after = hits.getLast().sort();
        }
    }

    /** What the index stores for a saved search: its query and who saved it with which criteria. */
    JsonData document(SavedSearchEntry entry) {
        ObjectNode document = json.createObjectNode();
        try {
            document.set(QUERY, json.readTree(JsonpUtils.toJsonString(entry.query(), client._jsonpMapper())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        document.set(ENTRY, json.valueToTree(entry));
        return JsonData.fromJson(document.toString());
    }

    private String physicalOpeningsIndex() throws IOException {
        return aliasTarget(OpeningSearchIndex.ALIAS);
    }

    /** The index an alias writes to: its write index, or its only index. */
    private String aliasTarget(String alias) throws IOException {
        Map<String, IndexAliases> indices = client.indices().getAlias(g -> g.name(alias)).aliases();
        return indices.entrySet().stream()
                .filter(e -> Boolean.TRUE.equals(e.getValue().aliases().get(alias).isWriteIndex()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseGet(() -> indices.keySet().stream().sorted().reduce((a, b) -> b).orElseThrow());
    }

    private String hash(JsonNode definition) throws IOException {
        try {
            byte[] canonical = json.writeValueAsString(json.treeToValue(definition, Object.class))
                    .getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical), 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored source, as read back for copying and percolating. */
    record StoredEntry(SavedSearchEntry savedSearch) {
    }
}
