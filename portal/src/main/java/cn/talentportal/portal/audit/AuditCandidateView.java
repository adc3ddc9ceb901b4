package cn.talentportal.portal.audit;

import cn.talentportal.domain.privacy.PersonalDataCategory;
import cn.talentportal.domain.privacy.PrivacyCommands.RecordPersonalDataAccess;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.infra.eventstore.chain.EventChainVerifier;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.candidate.CandidateQueries.FindCandidates;
import cn.talentportal.projections.candidate.CandidateQueries.FindStreamsHistory;
import cn.talentportal.projections.candidate.CandidateSummary;
import cn.talentportal.projections.candidate.HistoryEntry;
import cn.talentportal.projections.dossier.CandidateDossier;
import cn.talentportal.projections.dossier.DossierQueries.FindCandidateAsOf;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * One candidate for an auditor: the stored timeline, the state as of any instant, the integrity of the history, its
 * export and who else opened it. The auditor says why before anything is shown; each opening of the page is then
 * recorded in the candidate's access trail (the reason is asked once per candidate and session). Nothing else here
 * sends a command.
 */
@Route("audit/candidate/:candidateId")
@RolesAllowed(Role.AUDITOR_ROLE)
public class AuditCandidateView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String CANDIDATE_ID = "candidateId";
    private static final String REASONS = AuditCandidateView.class.getName() + ".reasons";

    private final QueryGateway queries;
    private final Commands commands;
    private final AuditExports exports;
    private final EventChainVerifier verifier;
    private final Clock clock;

    public AuditCandidateView(QueryGateway queries, Commands commands, AuditExports exports,
                              EventChainVerifier verifier, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.exports = exports;
        this.verifier = verifier;
        this.clock = clock;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String candidateId = event.getRouteParameters().get(CANDIDATE_ID).orElse("");
        H2 title = new H2(getTranslation("audit.title"));
        title.addClassName("portal-title");
        RouterLink back = new RouterLink(getTranslation("audit.backToSearch"), AuditView.class);
        back.setId("audit-back");
        add(back, title);
        Optional<CandidateSummary> candidate = find(candidateId);
        if (candidate.isEmpty()) {
            add(new Paragraph(getTranslation("audit.candidateNotFound")));
            return;
        }
        String reason = reasons().get(candidateId);
        if (reason != null) {
            open(candidate.get(), reason);
        } else {
            new AccessReasonDialog(candidate.get().fullName(), given -> open(candidate.get(), given),
                    () -> UI.getCurrent().navigate(AuditView.class)).open();
        }
    }

    private Optional<CandidateSummary> find(String candidateId) {
        if (candidateId.isBlank()) {
            return Optional.empty();
        }
        List<CandidateSummary> found = queries.query(new FindCandidates(candidateId, 5),
                ResponseTypes.multipleInstancesOf(CandidateSummary.class)).join();
        return found.stream().filter(c -> c.candidateId().equals(candidateId)).findFirst();
    }

    /** Records the access first: if it cannot be recorded, nothing is shown. */
    private void open(CandidateSummary candidate, String reason) {
        try {
            commands.send(new RecordPersonalDataAccess(candidate.candidateId(), candidate.fullName(),
                    PersonalDataCategory.FULL_HISTORY, reason), reason);
        } catch (DomainRuleViolation refusal) {
            Notices.refused(refusal);
            return;
        }
        reasons().put(candidate.candidateId(), reason);
        show(candidate, reason);
    }

    private void show(CandidateSummary candidate, String reason) {
        AuditValues values = new AuditValues(this::getTranslation, getLocale());
        H3 heading = new H3(getTranslation("audit.historyOf", candidate.fullName()));
        heading.setId("audit-candidate-name");
        Span facts = new Span(String.join(" · ", candidate.candidateId(),
                getTranslation("source." + candidate.source().name()),
                getTranslation("audit.registeredAt") + " " + PortalFormats.dateTime(candidate.registeredAt(),
                        getLocale())));
        facts.addClassName("portal-muted");
        Span purpose = new Span(getTranslation("audit.access.recorded", reason));
        purpose.setId("audit-access-reason");
        purpose.addClassName("portal-muted");

        CandidateDossier now = queries.query(new FindCandidateAsOf(candidate.candidateId(), clock.instant()),
                CandidateDossier.class).join();
        CandidateStreams streams = CandidateStreams.of(candidate.candidateId(), now);
        List<HistoryEntry> history = queries.query(new FindStreamsHistory(streams.own()),
                ResponseTypes.multipleInstancesOf(HistoryEntry.class)).join();

        TabSheet tabs = new TabSheet();
        tabs.setId("audit-tabs");
        tabs.setWidthFull();
        AsOfPanel asOf = new AsOfPanel(queries, values, clock, candidate.candidateId());
        TimelinePanel timeline = new TimelinePanel(values);
        AccessTrailPanel trail = new AccessTrailPanel(queries, values, candidate.candidateId());
        tabs.add(getTranslation("audit.tab.timeline"), timeline);
        Tab asOfTab = tabs.add(getTranslation("audit.tab.asOf"), asOf);
        tabs.add(getTranslation("audit.tab.integrity"), new IntegrityPanel(verifier, values,
                () -> CandidateStreams.of(candidate.candidateId(), queries.query(
                        new FindCandidateAsOf(candidate.candidateId(), clock.instant()), CandidateDossier.class)
                        .join()).all()));
        tabs.add(getTranslation("audit.tab.export"), new ExportPanel(exports, candidate, reason));
        Tab trailTab = tabs.add(getTranslation("audit.tab.access"), trail);
        tabs.addSelectedChangeListener(e -> {
            if (e.getSelectedTab() == trailTab) {
                trail.refresh();
            }
        });
        timeline.onShowState(instant -> {
            tabs.setSelectedTab(asOfTab);
            asOf.showAt(instant);
        });
        timeline.show(history);
        add(heading, facts, purpose, tabs);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> reasons() {
        VaadinSession session = VaadinSession.getCurrent();
        Map<String, String> reasons = (Map<String, String>) session.getAttribute(REASONS);
        if (reasons == null) {
            reasons = new HashMap<>();
            session.setAttribute(REASONS, reasons);
        }
        return reasons;
    }

    /** Without the candidate's name: titles end up in browser history and tab lists, personal data does not. */
    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · " + getTranslation("app.name");
    }
}
