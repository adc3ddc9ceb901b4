package cn.talentportal.portal.audit;

import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.candidate.CandidateQueries.FindCandidateHistory;
import cn.talentportal.projections.candidate.CandidateQueries.FindCandidates;
import cn.talentportal.projections.candidate.CandidateSummary;
import cn.talentportal.projections.candidate.HistoryEntry;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * One candidate for an auditor: the stored timeline, the state as of any instant, the integrity of the history and
 * its export. Read-only: nothing here sends a command except the records of the auditor's own access and exports.
 */
@Route("audit/candidate/:candidateId")
@RolesAllowed(Role.AUDITOR_ROLE)
public class AuditCandidateView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String CANDIDATE_ID = "candidateId";

    private final QueryGateway queries;
    private final AuditExports exports;

    public AuditCandidateView(QueryGateway queries, AuditExports exports) {
        this.queries = queries;
        this.exports = exports;
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
        find(candidateId).ifPresentOrElse(this::show,
                () -> add(new Paragraph(getTranslation("audit.candidateNotFound"))));
    }

    private Optional<CandidateSummary> find(String candidateId) {
        if (candidateId.isBlank()) {
            return Optional.empty();
        }
        List<CandidateSummary> found = queries.query(new FindCandidates(candidateId, 5),
                ResponseTypes.multipleInstancesOf(CandidateSummary.class)).join();
        return found.stream().filter(c -> c.candidateId().equals(candidateId)).findFirst();
    }

    private void show(CandidateSummary candidate) {
        AuditValues values = new AuditValues(this::getTranslation, getLocale());
        H3 heading = new H3(getTranslation("audit.historyOf", candidate.fullName()));
        heading.setId("audit-candidate-name");
        Span facts = new Span(String.join(" · ", candidate.candidateId(),
                getTranslation("source." + candidate.source().name()),
                getTranslation("audit.registeredAt") + " " + PortalFormats.dateTime(candidate.registeredAt(),
                        getLocale())));
        facts.addClassName("portal-muted");

        List<HistoryEntry> history = queries.query(new FindCandidateHistory(candidate.candidateId()),
                ResponseTypes.multipleInstancesOf(HistoryEntry.class)).join();
        TimelinePanel timeline = new TimelinePanel(values);
        timeline.show(history);
        ExportPanel export = new ExportPanel(exports, candidate);

        TabSheet tabs = new TabSheet();
        tabs.setId("audit-tabs");
        tabs.setWidthFull();
        tabs.add(getTranslation("audit.tab.timeline"), timeline);
        tabs.add(getTranslation("audit.tab.export"), export);
        add(heading, facts, tabs);
    }

    /** Without the candidate's name: titles end up in browser history and tab lists, personal data does not. */
    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · " + getTranslation("app.name");
    }
}
