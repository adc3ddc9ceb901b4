package cn.talentportal.infra.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code talent.mongo.*}: where MongoDB is. Without {@code uri} the portal starts its own embedded server, storing
 * under {@code talent.data-dir} (default {@code ./data}).
 *
 * @param uri      connection string of an external MongoDB (a replica set in production); empty = embedded server
 * @param database database holding the event store, tokens, sagas and read models
 * @param embedded settings of the embedded server
 */
@ConfigurationProperties(prefix = "talent.mongo")
public record TalentMongoProperties(String uri, String database, Embedded embedded) {

    public TalentMongoProperties {
        uri = uri == null ? "" : uri.trim();
        database = database == null || database.isBlank() ? "talent" : database;
        embedded = embedded == null ? new Embedded(0, null) : embedded;
    }

    public boolean useEmbeddedServer() {
        return uri.isEmpty();
    }

    /**
     * @param port    TCP port on the loopback interface; 0 picks a free one
     * @param cacheMb page cache of the store file in MB; unset: an eighth of the heap, 16 to 1,024 (decision 0036)
     */
    public record Embedded(int port, Integer cacheMb) {

        public int cacheMegabytes() {
            return cacheMb == null ? IndexKeyOrderH2Backend.defaultCacheMegabytes() : Math.max(1, cacheMb);
        }
    }
}
