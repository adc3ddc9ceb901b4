package cn.talentportal.infra.eventstore;

import cn.talentportal.infra.mongo.EmbeddedMongoServer;

/**
 * Forces the embedded server to write its store file after each append. Appends that finish together share one
 * MVStore commit, so concurrent command handling gets a group commit for free.
 */
public final class EmbeddedServerDurability implements AppendDurability {

    private final EmbeddedMongoServer server;

    public EmbeddedServerDurability(EmbeddedMongoServer server) {
        this.server = server;
    }

    @Override
    public void afterAppend() {
        server.commit();
    }
}
