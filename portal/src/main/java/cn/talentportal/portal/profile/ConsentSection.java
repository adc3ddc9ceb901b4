package cn.talentportal.portal.profile;

import cn.talentportal.domain.candidate.CandidateCommands.GiveConsent;
import cn.talentportal.domain.candidate.CandidateCommands.WithdrawConsent;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateEvents.ConsentGiven;
import cn.talentportal.domain.candidate.CandidateEvents.ConsentWithdrawn;
import cn.talentportal.domain.candidate.ConsentPurpose;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.infra.eventstore.upcasting.CandidateRegisteredRevision3Upcaster;
import cn.talentportal.portal.register.PrivacyNotice;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.candidate.CandidateQueries.FindCandidateHistory;
import cn.talentportal.projections.candidate.HistoryEntry;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * "My consents": each purpose with its state, since when and under which notice, and a button to give or withdraw
 * it. The state is read from the candidate's own stream, so it shows a change at once. Data use is required and
 * has no withdraw button: stopping it is an erasure request (decision 0029).
 */
class ConsentSection extends VerticalLayout {

    private final QueryGateway queries;
    private final Commands commands;
    private final String candidateId;
    private final VerticalLayout rows = new VerticalLayout();

    ConsentSection(QueryGateway queries, Commands commands, String candidateId) {
        this.queries = queries;
        this.commands = commands;
        this.candidateId = candidateId;
        setPadding(false);
        setId("profile-consents");
        addClassName("portal-consents");
        rows.setPadding(false);
        add(new H3(getTranslation("consent.mine.title")),
                new Paragraph(getTranslation("consent.notice.summary", PrivacyNotice.VERSION)), rows);
        refresh();
    }

    private void refresh() {
        Map<ConsentPurpose, ConsentState> states = statesFrom(queries.query(new FindCandidateHistory(candidateId),
                ResponseTypes.multipleInstancesOf(HistoryEntry.class)).join());
        rows.removeAll();
        for (ConsentPurpose purpose : PrivacyNotice.PURPOSES) {
            rows.add(row(purpose, states.get(purpose)));
        }
    }

    /** The latest step per purpose; a purpose never answered has none. */
    static Map<ConsentPurpose, ConsentState> statesFrom(List<HistoryEntry> history) {
        Map<ConsentPurpose, ConsentState> states = new EnumMap<>(ConsentPurpose.class);
        for (HistoryEntry entry : history) {
            switch (entry.payload()) {
                case CandidateRegistered registered -> registered.consent().purposes().forEach(purpose -> states.put(
                        purpose, new ConsentState(true, registered.consent().noticeVersion(), entry.timestamp())));
                case ConsentGiven given -> states.put(given.purpose(),
                        new ConsentState(true, given.noticeVersion(), given.givenAt()));
                case ConsentWithdrawn withdrawn -> states.put(withdrawn.purpose(),
                        new ConsentState(false, withdrawn.noticeVersion(), withdrawn.withdrawnAt()));
                default -> { }
            }
        }
        return states;
    }

    private Div row(ConsentPurpose purpose, ConsentState state) {
        String id = "profile-consent-" + purpose.name().toLowerCase().replace('_', '-');
        Span name = new Span(getTranslation("consent.purpose." + purpose.name()));
        name.addClassName("portal-consent-name");
        Span status = new Span(state == null ? getTranslation("consent.state.none")
                : getTranslation(state.given() ? "consent.state.given" : "consent.state.withdrawn",
                        PortalFormats.dateTime(state.at(), getLocale()), noticeLabel(state.noticeVersion())));
        status.setId(id + "-state");
        FlexLayout line = new FlexLayout(name, status);
        line.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        line.addClassName("portal-consent-row");
        boolean given = state != null && state.given();
        if (!purpose.required()) {
            Button change = given
                    ? new Button(getTranslation("consent.withdraw"), e -> send(new WithdrawConsent(candidateId, purpose),
                            "consent.withdrawn"))
                    : new Button(getTranslation("consent.give"), e -> send(new GiveConsent(candidateId, purpose,
                            PrivacyNotice.VERSION), "consent.given"));
            change.setId(id + (given ? "-withdraw" : "-give"));
            change.addThemeVariants(given ? ButtonVariant.LUMO_TERTIARY : ButtonVariant.LUMO_PRIMARY,
                    ButtonVariant.LUMO_SMALL);
            line.add(change);
        } else if (given && !PrivacyNotice.VERSION.equals(state.noticeVersion())) {
            // agreed under an earlier notice (or implied by an old registration): agree to today's text
            Button renew = new Button(getTranslation("consent.renew"), e -> send(new GiveConsent(candidateId, purpose,
                    PrivacyNotice.VERSION), "consent.given"));
            renew.setId(id + "-give");
            renew.addThemeVariants(ButtonVariant.LUMO_SMALL);
            line.add(renew);
        }
        Div row = new Div(line);
        if (purpose.required()) {
            Paragraph note = new Paragraph(getTranslation("consent.dataUse.note"));
            note.addClassName("portal-consent-note");
            row.add(note);
        }
        return row;
    }

    /** A consent read from a registration made before consents were recorded names no notice text. */
    private String noticeLabel(String version) {
        return CandidateRegisteredRevision3Upcaster.IMPLIED_NOTICE.equals(version)
                ? getTranslation("consent.notice.implied") : version;
    }

    private void send(Object command, String successKey) {
        try {
            commands.send(command);
            Notices.success(successKey);
        } catch (DomainRuleViolation refusal) {
            Notices.refused(refusal);
        }
        refresh();
    }

    /** One purpose as it stands: given or withdrawn, under which notice, since when. */
    record ConsentState(boolean given, String noticeVersion, Instant at) {
    }
}
