package cn.talentportal.portal.interview;

import cn.talentportal.domain.interview.Criterion;
import cn.talentportal.domain.interview.InterviewCommands.SubmitScorecard;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.PortalFormats;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The online interview room of one interview: the candidate waits until a panel member admits them, then everyone
 * sees and hears everyone (up to five panel members and the candidate). Panel members score against the
 * interview's rubric next to the video. Only the candidate and the panel of this interview get in: checked here on
 * the server, and again by the signalling websocket and the aggregate.
 */
@Route("interview/:interviewId")
@RolesAllowed({Role.CANDIDATE_ROLE, Role.RECRUITER_ROLE})
public class InterviewRoomView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final List<String> SCRIPT_LABELS = List.of("room.camera.off", "room.camera.on",
            "room.microphone.off", "room.microphone.on", "room.leave", "room.end", "room.admit", "room.waiting",
            "room.waitingFor", "room.connecting", "room.inRoom", "room.left", "room.ended", "room.replaced",
            "room.noCamera", "room.you", "room.disconnected", "room.role.CANDIDATE", "room.role.PANEL");

    private final InterviewHistory history;
    private final Commands commands;

    public InterviewRoomView(InterviewHistory history, Commands commands) {
        this.history = history;
        this.commands = commands;
        addClassNames("portal-page", "room-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        UserAccount account = CurrentUser.require();
        String interviewId = event.getRouteParameters().get("interviewId").orElse("");
        String participantId = RoomParticipant.idOf(account);
        InterviewFacts facts = history.current(interviewId).filter(f -> f.invites(participantId)).orElse(null);
        if (facts == null) {
            // the same answer for an unknown interview and another's: no hint that it exists
            Paragraph refused = new Paragraph(getTranslation("room.notInvited"));
            refused.setId("room-refused");
            refused.addClassName("room-refused");
            add(title(getTranslation("room.title")), refused);
            return;
        }
        boolean panelMember = facts.isPanelMember(account.userId());
        add(title(getTranslation("room.titleFor", facts.candidateName(), facts.openingTitle())));
        Paragraph when = new Paragraph(getTranslation("room.slot",
                PortalFormats.dateTime(facts.slot().start(), getLocale()),
                PortalFormats.dateTime(facts.slot().end(), getLocale())));
        when.addClassName("portal-muted");
        add(when);
        event.getUI().getPage().addStyleSheet(InterviewRoomElement.STYLES);
        event.getUI().getPage().addJsModule(InterviewRoomElement.SCRIPT);
        Div sideBySide = new Div();
        sideBySide.addClassName("room-layout");
        sideBySide.add(new InterviewRoomElement(interviewId, panelMember, getLocale().getLanguage(), labels()));
        if (panelMember) {
            sideBySide.add(scorecard(facts, account));
        }
        add(sideBySide);
    }

    private H2 title(String text) {
        H2 title = new H2(text);
        title.addClassName("portal-title");
        return title;
    }

    /** One field per criterion of the rubric version the interview was scheduled with. */
    private Div scorecard(InterviewFacts facts, UserAccount member) {
        Div card = new Div();
        card.setId("room-scorecard");
        card.addClassNames("portal-card", "room-scorecard");
        card.add(new H3(getTranslation("room.scorecard", facts.rubricName())));
        Map<String, IntegerField> fields = new LinkedHashMap<>();
        for (Criterion criterion : facts.criteria()) {
            IntegerField field = new IntegerField(getTranslation("room.scorecard.criterion", criterion.label(),
                    criterion.maxScore()));
            field.setId("score-" + criterion.key());
            field.setMin(0);
            field.setMax(criterion.maxScore());
            field.setStepButtonsVisible(true);
            field.setWidthFull();
            fields.put(criterion.key(), field);
            card.add(field);
        }
        TextArea comment = new TextArea(getTranslation("room.scorecard.comment"));
        comment.setId("score-comment");
        comment.setWidthFull();
        comment.setMaxLength(2000);
        Button submit = new Button(getTranslation("room.scorecard.submit"));
        submit.setId("score-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(click -> {
            Map<String, Integer> scores = new LinkedHashMap<>();
            fields.forEach((key, field) -> {
                if (field.getValue() != null) {
                    scores.put(key, field.getValue());
                }
            });
            try {
                commands.send(new SubmitScorecard(facts.interviewId(), member.userId(), scores, comment.getValue()));
                Notices.success("room.scorecard.submitted", facts.candidateName());
                submit.setEnabled(false);
            } catch (DomainRuleViolation refusal) {
                Notices.refused(refusal);
            }
        });
        card.add(comment, submit);
        return card;
    }

    private String labels() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode labels = json.createObjectNode();
        SCRIPT_LABELS.forEach(key -> labels.put(key, getTranslation(key)));
        return labels.toString();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("room.title") + " · " + getTranslation("app.name");
    }
}
