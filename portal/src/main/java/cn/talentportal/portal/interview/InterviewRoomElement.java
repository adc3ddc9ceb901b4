package cn.talentportal.portal.interview;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;

/**
 * The room's video part, the {@code <interview-room>} custom element of {@code /scripts/interview-room.js}
 * (a plain module served from resources: no npm). It signals over the portal's websocket and shows the tiles.
 */
@Tag("interview-room")
class InterviewRoomElement extends Component {

    static final String SCRIPT = "/scripts/interview-room.js";
    static final String STYLES = "/styles/interview-room.css";

    InterviewRoomElement(String interviewId, boolean panelMember, String language, String labelsJson) {
        setId("interview-room");
        getElement().setAttribute("interview-id", interviewId);
        getElement().setAttribute("role", panelMember ? "PANEL" : "CANDIDATE");
        getElement().setAttribute("lang", language);
        getElement().setAttribute("signal-path", RoomSignallingConfiguration.PATH);
        getElement().setAttribute("labels", labelsJson);
    }
}
