package cn.talentportal.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * The SMTP port the shared test portal mails to. Nothing listens there unless a mail test starts GreenMail on it,
 * so other tests' messages fail and are retried in the background, as with a mail server that is down.
 */
public final class TestMailServer {

    public static final int PORT = freePort();

    private TestMailServer() {
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
