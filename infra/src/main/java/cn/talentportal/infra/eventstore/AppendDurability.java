package cn.talentportal.infra.eventstore;

/**
 * What the event store does after an append was acknowledged, so that the append survives a crash.
 * <p>
 * A MongoDB replica set needs nothing here (its collections are written with majority write concern and journal);
 * the embedded server must be told to write its store file ({@link EmbeddedServerDurability}).
 */
@FunctionalInterface
public interface AppendDurability {

    /** Durability is the server's business (write concern). */
    AppendDurability NONE = () -> {
    };

    /** Called after every successful append, before the append returns to Axon. */
    void afterAppend();
}
