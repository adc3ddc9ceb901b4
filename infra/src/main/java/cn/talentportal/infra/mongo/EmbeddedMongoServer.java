package cn.talentportal.infra.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MongoDB wire-protocol server (mongo-java-server) persisting to an H2 MVStore file, listening on loopback.
 * <p>
 * The wire server writes its MVStore to disk about once a second, so a write it acknowledged can be lost by a
 * kill -9. {@link #commit()} forces everything acknowledged so far into the file; the event store calls it after
 * every append (see {@code EmbeddedServerDurability}).
 * <p>
 * The backend is {@link IndexKeyOrderH2Backend}: unique indexes compare their keys by value; a data file written by
 * the stock backend has its index maps rebuilt once when opened.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    /** Property that sets the port; named in the message when the port is taken. */
    public static final String PORT_PROPERTY = "talent.mongo.embedded.port";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final Path storeFile;
    private final H2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;
    private volatile boolean closed;

    private EmbeddedMongoServer(Path storeFile, H2Backend backend, MongoServer server, InetSocketAddress address) {
        this.storeFile = storeFile;
        this.backend = backend;
        this.server = server;
        this.address = address;
    }

    /**
     * Opens (or creates) {@code <dataDir>/mongo/portal.mv} and listens on {@code port} of the loopback interface,
     * 0 meaning a free port.
     *
     * @throws MongoUnavailableException when the port is in use or the data file cannot be opened
     */
    public static EmbeddedMongoServer start(Path dataDir, int port) {
        return start(dataDir, port, IndexKeyOrderH2Backend.defaultCacheMegabytes());
    }

    /** As {@link #start(Path, int)}, with a page cache of {@code cacheMegabytes} for the store file. */
    public static EmbeddedMongoServer start(Path dataDir, int port, int cacheMegabytes) {
        Path storeFile = dataDir.resolve("mongo").resolve("portal.mv").toAbsolutePath();
        try {
            Files.createDirectories(storeFile.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + storeFile.getParent(), e);
        }
        H2Backend backend = openBackend(storeFile, cacheMegabytes);
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (Exception e) { // Netty rethrows the checked BindException undeclared
            // bind() cleans up only after a RuntimeException: release event loops and the store file here.
            server.shutdownNow();
            if (isBindFailure(e)) {
                throw new MongoUnavailableException(
                        "The embedded MongoDB server cannot listen on port " + port + ": the port is in use.",
                        "Set '" + PORT_PROPERTY + "' to a free port (0 picks one), or stop the process using port "
                                + port + ".", e);
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
        EmbeddedMongoServer started = new EmbeddedMongoServer(storeFile, backend, server, server.getLocalAddress());
        log.info("Embedded MongoDB server on {} storing in {}", started.connectionString(), storeFile);
        return started;
    }

    private static H2Backend openBackend(Path storeFile, int cacheMegabytes) {
        try {
            return IndexKeyOrderH2Backend.open(storeFile, cacheMegabytes);
        } catch (MongoUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MongoUnavailableException(
                    "The embedded MongoDB server cannot open its data file " + storeFile + ": " + e.getMessage(),
                    "Check that no other portal process uses the same data directory ('talent.data-dir') "
                            + "and that the file is readable and writable.", e);
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /** Connection string of the form {@code mongodb://127.0.0.1:port}. */
    public String connectionString() {
        return "mongodb://" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    /** The page cache of the store file, in MB, as MVStore has it. */
    int pageCacheMegabytes() {
        return backend instanceof IndexKeyOrderH2Backend ordered ? ordered.pageCacheMegabytes() : 0;
    }

    public Path storeFile() {
        return storeFile;
    }

    /**
     * Writes every change acknowledged so far to the store file. Concurrent callers share one MVStore commit, and a
     * call with nothing new to write is cheap.
     */
    public void commit() {
        if (!closed) {
            backend.commit();
        }
    }

    /** Stops listening, disconnects clients and closes the store file (which writes what is left). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdownNow();
        log.info("Embedded MongoDB server stopped, store {} closed", storeFile);
    }
}
