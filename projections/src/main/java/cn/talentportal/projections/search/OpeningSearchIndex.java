package cn.talentportal.projections.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * The openings index lives behind the alias {@value #ALIAS}; the physical index carries the mapping version, so
 * a mapping change is a new physical index, a rebuild, and an alias switch.
 */
@Component
public class OpeningSearchIndex {

    public static final String ALIAS = "openings";
    static final String PHYSICAL_INDEX = "openings-v1";
    private static final String MAPPING = "/search/openings-v1.json";

    private final ElasticsearchClient client;
    private volatile boolean ready;

    public OpeningSearchIndex(ElasticsearchClient client) {
        this.client = client;
    }

    /** Creates the index on first use, not at start: the engine may be down when the portal starts. */
    public void ensureExists() throws IOException {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (!ready && !client.indices().existsAlias(a -> a.name(ALIAS)).value()) {
                try (InputStream mapping = getClass().getResourceAsStream(MAPPING)) {
                    if (mapping == null) {
                        throw new UncheckedIOException(new IOException("missing " + MAPPING));
                    }
                    client.indices().create(c -> c.index(PHYSICAL_INDEX).withJson(mapping)
                            .aliases(ALIAS, a -> a.isWriteIndex(true)));
                }
            }
            ready = true;
        }
    }
}
