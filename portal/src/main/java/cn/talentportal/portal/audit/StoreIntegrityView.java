package cn.talentportal.portal.audit;

import cn.talentportal.infra.eventstore.chain.ChainAnchor;
import cn.talentportal.infra.eventstore.chain.ChainAnchors;
import cn.talentportal.infra.eventstore.chain.ChainVerificationReport;
import cn.talentportal.infra.eventstore.chain.EventChainVerifier;
import cn.talentportal.infra.eventstore.chain.VerificationProgress;
import cn.talentportal.portal.security.Role;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The whole event store checked in one action, now or as of a signed anchor: every chain relinked, every head
 * compared. It runs in the background with a progress bar (a million events take minutes on the embedded server).
 */
@Route("audit/integrity")
@RolesAllowed(Role.AUDITOR_ROLE)
public class StoreIntegrityView extends VerticalLayout implements HasDynamicTitle {

    private final EventChainVerifier verifier;
    private final ChainAnchors anchors;
    private final AuditValues values;
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private final Div result = new Div();
    private final Button verifyNow = new Button();
    private final Grid<ChainAnchor> anchorGrid = new Grid<>();

    public StoreIntegrityView(EventChainVerifier verifier, ChainAnchors anchors) {
        this.verifier = verifier;
        this.anchors = anchors;
        this.values = new AuditValues(this::getTranslation, getLocale());
        addClassName("portal-page");
        H2 title = new H2(getTranslation("integrity.title"));
        title.addClassName("portal-title");
        verifyNow.setText(getTranslation("integrity.verifyStore"));
        verifyNow.setId("integrity-verify-store");
        verifyNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verifyNow.addClickListener(e -> run(verifier::verifyStore));
        progress.setVisible(false);
        progress.setId("integrity-progress");
        result.setWidthFull();

        anchorGrid.setId("integrity-anchors");
        anchorGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        anchorGrid.addColumn(ChainAnchor::number).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        anchorGrid.addColumn(a -> values.format(a.createdAt())).setHeader(getTranslation("integrity.anchorAt"))
                .setAutoWidth(true);
        anchorGrid.addColumn(ChainAnchor::events).setHeader(getTranslation("integrity.anchorEvents"));
        anchorGrid.addColumn(ChainAnchor::aggregates).setHeader(getTranslation("integrity.anchorStreams"));
        anchorGrid.addColumn(a -> getTranslation(a.storeIntact() ? "integrity.anchorIntact" : "integrity.anchorBroken",
                a.breaks())).setHeader(getTranslation("integrity.anchorFound"));
        anchorGrid.addColumn(a -> signature(a)).setHeader(getTranslation("integrity.anchorSignature"));
        anchorGrid.addComponentColumn(a -> {
            Button verify = new Button(getTranslation("integrity.verifyAsOf"),
                    e -> run(p -> verifier.verifyStoreAsOf(a.number(), p)));
            verify.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return verify;
        }).setAutoWidth(true).setFlexGrow(0);
        anchorGrid.setAllRowsVisible(true);
        anchorGrid.setItems(anchors.anchors().reversed());

        add(title, new Paragraph(getTranslation("integrity.explainStore")), verifyNow, progress, progressText,
                result, new H3(getTranslation("integrity.anchors")),
                new Paragraph(getTranslation("integrity.explainAnchors")), anchorGrid);
    }

    private String signature(ChainAnchor anchor) {
        String problem = anchors.signatureProblem(anchor);
        return problem == null ? getTranslation("integrity.signatureValid", anchor.keyFingerprint())
                : getTranslation("integrity.signatureInvalid");
    }

    /** Runs off the UI thread; the page polls for progress while it runs. */
    private void run(Function<VerificationProgress, ChainVerificationReport> verification) {
        UI ui = UI.getCurrent();
        verifyNow.setEnabled(false);
        result.removeAll();
        progress.setVisible(true);
        progress.setIndeterminate(true);
        progressText.setText(getTranslation("integrity.running"));
        int pollingBefore = ui.getPollInterval(); // the alert bell may poll already: put it back afterwards
        ui.setPollInterval(500);
        AtomicLong lastShown = new AtomicLong();
        VerificationProgress onProgress = (checked, index, last) -> {
            long now = System.nanoTime();
            if (now - lastShown.get() > 300_000_000L) {
                lastShown.set(now);
                ui.access(() -> {
                    progress.setIndeterminate(false);
                    progress.setValue(last == 0 ? 0 : Math.min(1.0, (double) index / last));
                    progressText.setText(getTranslation("integrity.progress", checked, index, last));
                });
            }
        };
        CompletableFuture.supplyAsync(() -> verification.apply(onProgress)).whenComplete((report, failure) ->
                ui.access(() -> {
                    ui.setPollInterval(pollingBefore);
                    verifyNow.setEnabled(true);
                    progress.setVisible(false);
                    progressText.setText("");
                    if (failure != null) {
                        result.add(new Paragraph(getTranslation("integrity.failed")));
                    } else {
                        result.add(new ChainReportView(report, values));
                    }
                }));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("integrity.title") + " · " + getTranslation("app.name");
    }
}
