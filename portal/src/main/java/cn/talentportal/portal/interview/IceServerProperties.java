package cn.talentportal.portal.interview;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * STUN/TURN servers handed to the browsers ({@code talent.interview.ice-servers[0].urls=turn:turn.example.cn:3478},
 * {@code .username}, {@code .credential}). Empty by default: on one local network browsers connect directly.
 */
@ConfigurationProperties("talent.interview")
public record IceServerProperties(List<IceServer> iceServers) {

    public IceServerProperties {
        iceServers = iceServers == null ? List.of() : List.copyOf(iceServers);
    }

    /** As RTCPeerConnection takes it: {@code urls} may list several, comma-separated. */
    public record IceServer(List<String> urls, String username, String credential) {
    }
}
