package cn.talentportal.infra.search;

import java.net.URI;
import java.util.Optional;

/**
 * The search engine the portal talks to: the embedded node it started (and stops on close), or an external
 * cluster given by {@code talent.search.url}.
 */
public final class SearchEngineEndpoint implements AutoCloseable {

    public enum Kind {
        EMBEDDED, EXTERNAL;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Kind kind;
    private final URI url;
    private final EmbeddedSearchNode embeddedNode;

    private SearchEngineEndpoint(Kind kind, URI url, EmbeddedSearchNode embeddedNode) {
        this.kind = kind;
        this.url = url;
        this.embeddedNode = embeddedNode;
    }

    public static SearchEngineEndpoint embedded(EmbeddedSearchNode node) {
        return new SearchEngineEndpoint(Kind.EMBEDDED, node.url(), node);
    }

    public static SearchEngineEndpoint external(URI url) {
        return new SearchEngineEndpoint(Kind.EXTERNAL, url, null);
    }

    public Kind kind() {
        return kind;
    }

    public URI url() {
        return url;
    }

    public Optional<EmbeddedSearchNode> embeddedNode() {
        return Optional.ofNullable(embeddedNode);
    }

    @Override
    public void close() {
        if (embeddedNode != null) {
            embeddedNode.close();
        }
    }

    @Override
    public String toString() {
        return kind.label() + " search engine at " + url;
    }
}
