package cn.talentportal.portal.interview;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The room's signalling endpoint: a plain websocket on the portal's own origin. Spring Security lets only signed-in
 * users open it ({@code SecurityConfig}); the handler lets only the interview's invited people in.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(IceServerProperties.class)
public class RoomSignallingConfiguration implements WebSocketConfigurer {

    public static final String PATH = "/interview-room/signal";

    private final RoomSignalling signalling;

    public RoomSignallingConfiguration(RoomSignalling signalling) {
        this.signalling = signalling;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // same origin only (the default): another site cannot ride on a signed-in user's session cookie
        registry.addHandler(signalling, PATH);
    }
}
