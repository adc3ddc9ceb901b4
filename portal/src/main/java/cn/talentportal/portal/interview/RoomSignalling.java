package cn.talentportal.portal.interview;

import cn.talentportal.domain.interview.InterviewRoomCommands.AdmitCandidate;
import cn.talentportal.domain.interview.InterviewRoomCommands.EndInterview;
import cn.talentportal.domain.interview.InterviewRoomCommands.JoinInterviewRoom;
import cn.talentportal.domain.interview.InterviewRoomCommands.LeaveInterviewRoom;
import cn.talentportal.domain.interview.InterviewRoomCommands.ReportConnectionFailure;
import cn.talentportal.domain.interview.RoomPass;
import cn.talentportal.domain.interview.RoomRole;
import cn.talentportal.domain.shared.AuditMetaData;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.i18n.TranslationProvider;
import cn.talentportal.portal.security.PortalUser;
import cn.talentportal.portal.shared.Commands;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Signalling for the interview room: relays WebRTC offers, answers and ICE candidates between the invited people of
 * one interview, and turns what happens into commands (joined, admitted, left, failed, ended) sent as the signed-in
 * user. Media flows browser to browser; nothing of it passes here or is recorded. A candidate in the waiting room
 * gets no media signals until a panel member admits them. Rooms live in this node's memory (see decision 0013).
 */
@Component
public class RoomSignalling extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(RoomSignalling.class);
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int BUFFER_LIMIT = 512 * 1024;

    private final Commands commands;
    private final TranslationProvider translations;
    private final IceServerProperties iceServers;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();

    public RoomSignalling(Commands commands, TranslationProvider translations, IceServerProperties iceServers) {
        this.commands = commands;
        this.translations = translations;
        this.iceServers = iceServers;
    }

    /** One connected browser of one invited person. */
    private record Seat(WebSocketSession session, UserAccount account, RoomPass pass, Locale locale) {

        Seat admitted() {
            return new Seat(session, account, new RoomPass(pass.interviewId(), pass.participantId(), pass.name(),
                    pass.role(), false), locale);
        }
    }

    /** The people of one interview connected to this node, by participant id. */
    private static final class Room {
        final Map<String, Seat> seats = new LinkedHashMap<>();
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession rawSession) throws IOException {
        WebSocketSession session = new ConcurrentWebSocketSessionDecorator(rawSession, SEND_TIME_LIMIT_MS,
                BUFFER_LIMIT);
        Map<String, String> query = UriComponentsBuilder.fromUri(rawSession.getUri()).build().getQueryParams()
                .toSingleValueMap();
        Locale locale = "en".equals(query.get("lang")) ? TranslationProvider.ENGLISH : TranslationProvider.CHINESE;
        UserAccount account = accountOf(rawSession);
        String interviewId = query.get("interview");
        if (account == null || interviewId == null) {
            rawSession.close(CloseStatus.POLICY_VIOLATION);
            return;
        }
        String participantId = RoomParticipant.idOf(account);
        RoomPass pass;
        try {
            pass = commands.send(new JoinInterviewRoom(interviewId, participantId), actor(account, rawSession));
        } catch (DomainRuleViolation refusal) {
            send(session, message("refused").put("message", translate(refusal, locale)));
            rawSession.close(CloseStatus.POLICY_VIOLATION);
            return;
        }
        rawSession.getAttributes().put("interviewId", interviewId);
        rawSession.getAttributes().put("participantId", participantId);
        Seat seat = new Seat(session, account, pass, locale);
        Room room = rooms.computeIfAbsent(interviewId, id -> new Room());
        synchronized (room) {
            Seat earlier = room.seats.put(participantId, seat);
            if (earlier != null) {
                // the same person in a second tab: the newer one takes the seat
                send(earlier.session(), message("replaced"));
                earlier.session().close(CloseStatus.NORMAL);
            }
            ObjectNode welcome = message("welcome");
            welcome.set("self", peer(pass));
            welcome.set("peers", peers(room, participantId));
            welcome.set("iceServers", json.valueToTree(iceServers.iceServers()));
            send(session, welcome);
            broadcast(room, participantId, message("joined").set("peer", peer(pass)));
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession rawSession, TextMessage text) throws IOException {
        Room room = rooms.get((String) rawSession.getAttributes().get("interviewId"));
        String participantId = (String) rawSession.getAttributes().get("participantId");
        if (room == null || participantId == null) {
            return;
        }
        JsonNode message = json.readTree(text.getPayload());
        Seat self;
        synchronized (room) {
            self = room.seats.get(participantId);
        }
        if (self == null || !self.session().getId().equals(rawSession.getId())) {
            return;
        }
        switch (message.path("type").asText()) {
            case "signal" -> relay(room, self, message.path("to").asText(), message.get("data"));
            case "admit" -> admit(room, self);
            case "failed" -> report(self, message.path("peer").asText(null), message.path("reason").asText(""));
            case "end" -> end(room, self);
            default -> log.debug("Ignored room message of type {}", message.path("type").asText());
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession rawSession, CloseStatus status) {
        String interviewId = (String) rawSession.getAttributes().get("interviewId");
        String participantId = (String) rawSession.getAttributes().get("participantId");
        Room room = interviewId == null ? null : rooms.get(interviewId);
        if (room == null) {
            return;
        }
        Seat seat;
        synchronized (room) {
            seat = room.seats.get(participantId);
            if (seat == null || !seat.session().getId().equals(rawSession.getId())) {
                return; // replaced by a newer tab: that one still sits in the room
            }
            room.seats.remove(participantId);
            broadcast(room, participantId, message("left").put("id", participantId));
            if (room.seats.isEmpty()) {
                rooms.remove(interviewId, room);
            }
        }
        try {
            commands.send(new LeaveInterviewRoom(interviewId, participantId), actor(seat.account(), rawSession));
        } catch (DomainRuleViolation refusal) {
            log.debug("Leaving interview {} refused: {}", interviewId, refusal.getMessage());
        }
    }

    /** Offers, answers and ICE candidates, only between two people who are both in (not waiting). */
    private void relay(Room room, Seat from, String to, JsonNode data) {
        synchronized (room) {
            Seat target = room.seats.get(to);
            if (target == null || from.pass().waiting() || target.pass().waiting() || data == null) {
                return;
            }
            ObjectNode signal = message("signal").put("from", from.pass().participantId());
            signal.set("data", data);
            send(target.session(), signal);
        }
    }

    private void admit(Room room, Seat panelMember) {
        String interviewId = panelMember.pass().interviewId();
        try {
            commands.send(new AdmitCandidate(interviewId, panelMember.pass().participantId()),
                    actor(panelMember.account(), panelMember.session()));
        } catch (DomainRuleViolation refusal) {
            send(panelMember.session(), message("error").put("message", translate(refusal, panelMember.locale())));
            return;
        }
        synchronized (room) {
            room.seats.replaceAll((id, seat) -> seat.pass().role() == RoomRole.CANDIDATE ? seat.admitted() : seat);
            room.seats.values().stream().filter(seat -> seat.pass().role() == RoomRole.CANDIDATE).findFirst()
                    .ifPresent(candidate -> {
                        // the newcomer calls everyone already in; they answer
                        send(candidate.session(), message("admitted")
                                .set("peers", peers(room, candidate.pass().participantId())));
                        broadcast(room, candidate.pass().participantId(), message("peer-admitted")
                                .set("peer", peer(candidate.pass())));
                    });
        }
    }

    private void report(Seat self, String peerId, String reason) {
        try {
            commands.send(new ReportConnectionFailure(self.pass().interviewId(), self.pass().participantId(),
                    peerId, reason.length() > 500 ? reason.substring(0, 500) : reason),
                    actor(self.account(), self.session()));
        } catch (DomainRuleViolation refusal) {
            log.debug("Connection failure report refused: {}", refusal.getMessage());
        }
    }

    private void end(Room room, Seat panelMember) {
        try {
            commands.send(new EndInterview(panelMember.pass().interviewId(), panelMember.pass().participantId()),
                    actor(panelMember.account(), panelMember.session()));
        } catch (DomainRuleViolation refusal) {
            send(panelMember.session(), message("error").put("message", translate(refusal, panelMember.locale())));
            return;
        }
        synchronized (room) {
            broadcast(room, null, message("ended"));
        }
    }

    private ArrayNode peers(Room room, String except) {
        ArrayNode peers = json.createArrayNode();
        room.seats.forEach((id, seat) -> {
            if (!id.equals(except)) {
                peers.add(peer(seat.pass()));
            }
        });
        return peers;
    }

    private ObjectNode peer(RoomPass pass) {
        return json.createObjectNode().put("id", pass.participantId()).put("name", pass.name())
                .put("role", pass.role().name()).put("waiting", pass.waiting());
    }

    private ObjectNode message(String type) {
        return json.createObjectNode().put("type", type);
    }

    private void broadcast(Room room, String except, JsonNode message) {
        room.seats.forEach((id, seat) -> {
            if (!id.equals(except)) {
                send(seat.session(), message);
            }
        });
    }

    private void send(WebSocketSession session, JsonNode message) {
        try {
            if (session.isOpen()) {
                session.sendMessage(new TextMessage(json.writeValueAsString(message)));
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("Could not reach a room participant: {}", e.getMessage());
        }
    }

    private String translate(DomainRuleViolation refusal, Locale locale) {
        Object[] args = refusal.arguments().toArray();
        return translations.getTranslation(refusal.messageKey(), locale, args);
    }

    /** Who acts: the websocket's thread has no security context, so the actor is named explicitly. */
    private static MetaData actor(UserAccount account, WebSocketSession session) {
        InetSocketAddress remote = session.getRemoteAddress();
        MetaData actor = MetaData.with(AuditMetaData.USER_ID, account.userId())
                .and(AuditMetaData.USER_NAME, account.displayName())
                .and(AuditMetaData.ROLE, account.role().name());
        return remote == null ? actor
                : actor.and(AuditMetaData.CLIENT_ADDRESS, remote.getAddress().getHostAddress());
    }

    private static UserAccount accountOf(WebSocketSession session) {
        if (session.getPrincipal() instanceof Authentication authentication
                && authentication.getPrincipal() instanceof PortalUser user) {
            return user.account();
        }
        return null;
    }
}
