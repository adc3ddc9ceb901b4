package cn.talentportal.projections.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.CreateIndexRequest;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import co.elastic.clients.elasticsearch.indices.IndexSettingsAnalysis;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The openings index lives behind the alias {@value #ALIAS}; each mapping version is a physical index of its own
 * ({@value #PHYSICAL_INDEX}), filled by a tracking processor of its own ({@value #PROCESSING_GROUP}) from the
 * start of the event store. Searches read the alias; the processor writes the physical index. While a new version
 * fills, the alias keeps pointing at the previous one; once the processor has caught up the alias is switched in one
 * atomic request and the previous index is deleted (decision 0010).
 */
@Component
public class OpeningSearchIndex {

    private static final Logger log = LoggerFactory.getLogger(OpeningSearchIndex.class);

    public static final String ALIAS = "openings";
    static final String INDEX_PREFIX = "openings-v";
    public static final String PHYSICAL_INDEX = INDEX_PREFIX + "3";
    /** A new mapping version takes a new group name: a new token, so a replay of all opening events into it. */
    public static final String PROCESSING_GROUP = "opening-search-v3";
    /**
     * v3: v2 with the character offsets of the highlighted fields in the postings, so the highlighter reads them
     * instead of analysing every hit's title and description again (decision 0034).
     */
    private static final String MAPPING = "/search/openings-v3.json";
    static final String SYNONYMS = "/search/synonyms-v1.txt";
    static final String SYNONYM_FILTER = "job_synonyms";

    private final ElasticsearchClient client;
    private final String physicalIndex;
    private volatile boolean exists;

    @Autowired
    public OpeningSearchIndex(ElasticsearchClient client) {
        this(client, PHYSICAL_INDEX);
    }

    /** For tests that build a second version next to the first. */
    OpeningSearchIndex(ElasticsearchClient client, String physicalIndex) {
        this.client = client;
        this.physicalIndex = physicalIndex;
    }

    /** The physical index of this build's mapping, where the projection writes. */
    public String physicalIndex() {
        return physicalIndex;
    }

    /**
     * Creates this version's physical index on first use, not at start: the engine may be down when the portal
     * starts. On an empty engine it takes the alias at once (nothing else could answer); next to an older version it
     * waits for {@link #switchAliasToThisVersion()}.
     */
    public void ensureExists() throws IOException {
        if (exists) {
            return;
        }
        synchronized (this) {
            if (exists) {
                return;
            }
            if (!client.indices().exists(e -> e.index(physicalIndex)).value()) {
                boolean aliasTaken = client.indices().existsAlias(a -> a.name(ALIAS)).value();
                client.indices().create(createRequest(physicalIndex, !aliasTaken));
                log.info("Created search index {}{}", physicalIndex,
                        aliasTaken ? "; alias " + ALIAS + " stays on " + aliasTargets() + " until it is filled"
                                : " behind alias " + ALIAS);
            }
            exists = true;
        }
    }

    /** The physical indexes the alias points at now (one, or none before the first start). */
    public Set<String> aliasTargets() throws IOException {
        if (!client.indices().existsAlias(a -> a.name(ALIAS)).value()) {
            return Set.of();
        }
        return new TreeSet<>(client.indices().getAlias(a -> a.name(ALIAS)).aliases().keySet());
    }

    public boolean aliasIsOnThisVersion() throws IOException {
        return aliasTargets().equals(Set.of(physicalIndex));
    }

    /**
     * Points the alias at this version in one request (remove the old targets, add this one), so every search sees
     * either the old index or the new one, never none; then deletes the old ones. Safe to repeat and to race with
     * another portal node doing the same: the loser's request finds the old alias gone and changes nothing.
     */
    public void switchAliasToThisVersion() throws IOException {
        ensureExists();
        Set<String> previous = aliasTargets();
        if (previous.equals(Set.of(physicalIndex))) {
            return;
        }
        try {
            client.indices().updateAliases(u -> {
                previous.stream().filter(index -> !index.equals(physicalIndex))
                        .forEach(index -> u.actions(a -> a.remove(r -> r.index(index).alias(ALIAS))));
                return u.actions(a -> a.add(x -> x.index(physicalIndex).alias(ALIAS).isWriteIndex(true)));
            });
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException raced) {
            if (!aliasIsOnThisVersion()) {
                throw raced;
            }
        }
        log.info("Search alias {} switched from {} to {}", ALIAS, previous, physicalIndex);
        for (String old : previous) {
            if (!old.equals(physicalIndex) && old.startsWith(INDEX_PREFIX)) {
                client.indices().delete(d -> d.index(old).ignoreUnavailable(true));
                log.info("Deleted the previous search index {}", old);
            }
        }
    }

    /**
     * The mapping resource, with the synonym list of {@value #SYNONYMS} added as the {@value #SYNONYM_FILTER}
     * filter: the list is part of the index settings, so a real cluster needs no file on its nodes.
     */
    static CreateIndexRequest createRequest(String index, boolean withAlias) throws IOException {
        CreateIndexRequest fromResource;
        try (InputStream mapping = resource(MAPPING)) {
            fromResource = CreateIndexRequest.of(c -> c.index(index).withJson(mapping));
        }
        List<String> synonyms = synonyms();
        IndexSettings settings = fromResource.settings();
        IndexSettingsAnalysis analysis = settings.analysis().rebuild()
                .filter(SYNONYM_FILTER, f -> f.definition(d -> d.synonymGraph(s -> s.synonyms(synonyms))))
                .build();
        return CreateIndexRequest.of(c -> {
            c.index(index).mappings(fromResource.mappings()).settings(settings.rebuild().analysis(analysis).build());
            if (withAlias) {
                c.aliases(ALIAS, a -> a.isWriteIndex(true));
            }
            return c;
        });
    }

    /** The synonym groups, one per line, without comments and blank lines (Solr format, as the engine reads it). */
    static List<String> synonyms() throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource(SYNONYMS),
                StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        }
    }

    private static InputStream resource(String name) {
        InputStream stream = OpeningSearchIndex.class.getResourceAsStream(name);
        if (stream == null) {
            throw new UncheckedIOException(new IOException("missing " + name));
        }
        return stream;
    }
}
