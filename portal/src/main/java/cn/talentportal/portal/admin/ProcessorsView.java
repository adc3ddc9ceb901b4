package cn.talentportal.portal.admin;

import cn.talentportal.portal.processing.ProcessorStatus;
import cn.talentportal.portal.processing.ReadModelRebuilds;
import cn.talentportal.portal.processing.RebuildProgress;
import cn.talentportal.portal.processing.RebuildRefusedException;
import cn.talentportal.portal.security.Role;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;

/**
 * Administrators see every event processor with its health and lag behind the head of the store, and rebuild a
 * read model from the store while the portal runs, following its progress (docs/decisions/0019-read-model-rebuilds.md).
 * The page polls once a second while it is open and puts back the poll interval it found (the alert bell polls too).
 */
@Route("admin/processors")
@RolesAllowed(Role.ADMIN_ROLE)
public class ProcessorsView extends VerticalLayout implements HasDynamicTitle {

    static final int POLL_MILLIS = 1000;

    private final ReadModelRebuilds rebuilds;
    private final Grid<ProcessorStatus> grid = new Grid<>();
    private final VerticalLayout rebuildOfAll = new VerticalLayout();
    private Registration polling;
    private int pollingBefore = -1;

    public ProcessorsView(ReadModelRebuilds rebuilds) {
        this.rebuilds = rebuilds;
        addClassName("portal-page");
        H2 title = new H2(getTranslation("processors.title"));
        title.addClassName("portal-title");

        grid.setId("processors");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(p -> label(p.name())).setHeader(getTranslation("processors.name")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.error() ? "processors.error"
                        : p.running() ? "processors.running" : "processors.stopped"))
                .setHeader(getTranslation("processors.status")).setAutoWidth(true)
                .setTooltipGenerator(ProcessorStatus::lastError);
        grid.addColumn(p -> p.position() == null ? "" : String.valueOf(p.position()))
                .setHeader(getTranslation("processors.position")).setAutoWidth(true);
        grid.addColumn(p -> p.lag() == null ? "" : String.valueOf(p.lag()))
                .setHeader(getTranslation("processors.lag")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.replaying() ? "processors.yes" : "processors.no"))
                .setHeader(getTranslation("processors.replaying")).setAutoWidth(true);
        grid.addComponentColumn(this::rebuildCell).setHeader(getTranslation("processors.rebuild")).setFlexGrow(2);
        grid.setAllRowsVisible(true);

        rebuildOfAll.setId("rebuild-all-status");
        rebuildOfAll.setPadding(false);
        rebuildOfAll.setSpacing(false);
        add(title, new Paragraph(getTranslation("processors.explain")), rebuildOfAll, grid);
        refresh();
    }

    /** Rebuilding every read model with one read of the store (decision 0033), with its progress while it runs. */
    private void showRebuildOfAll() {
        rebuildOfAll.removeAll();
        Optional<RebuildProgress> progress = rebuilds.progressOfAll();
        if (progress.isPresent() && progress.get().running()) {
            ProgressBar bar = new ProgressBar();
            bar.setId("rebuild-all-progress");
            rebuildOfAll.add(new Span(getTranslation("processors.rebuildingAll")), bar);
            rebuildOfAll.add(new Span(progressText(progress.get(), bar)));
            return;
        }
        Button rebuildAll = new Button(getTranslation("processors.rebuildAll"), e -> confirmAll());
        rebuildAll.setId("rebuild-all");
        rebuildOfAll.add(rebuildAll);
        progress.ifPresent(p -> rebuildOfAll.add(lastRebuild(p)));
    }

    private void confirmAll() {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("processors.confirmAllTitle"));
        dialog.setText(getTranslation("processors.confirmAllText"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("processors.rebuildAll"));
        dialog.setCloseOnEsc(true);
        dialog.addConfirmListener(e -> {
            try {
                rebuilds.rebuildAll();
                Notification.show(getTranslation("processors.startedAll"), 4000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (RebuildRefusedException refused) {
                Notification.show(getTranslation("processors.refusedAll"), 6000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
        dialog.open();
    }

    /** Sets the bar and tells how far a running rebuild is. */
    private String progressText(RebuildProgress p, ProgressBar bar) {
        if (p.state() == RebuildProgress.State.STARTING) {
            bar.setIndeterminate(true);
            return getTranslation("processors.starting");
        }
        bar.setValue(p.fraction());
        return p.timeLeft() == null
                ? getTranslation("processors.progressNoRate", p.done(), p.total())
                : getTranslation("processors.progress", p.done(), p.total(),
                Math.round(p.eventsPerSecond()), Math.max(0, p.timeLeft().toSeconds()));
    }

    private Span lastRebuild(RebuildProgress p) {
        Span last = new Span(p.finished()
                ? getTranslation("processors.finished", p.total(), Math.round(p.eventsPerSecond()))
                : getTranslation("processors.failed", p.error()));
        last.addClassName("portal-muted");
        return last;
    }

    private Component rebuildCell(ProcessorStatus processor) {
        VerticalLayout cell = new VerticalLayout();
        cell.setPadding(false);
        cell.setSpacing(false);
        if (!processor.rebuildable()) {
            Span not = new Span(getTranslation("processors.notRebuildable"));
            not.addClassName("portal-muted");
            cell.add(not);
            return cell;
        }
        Optional<RebuildProgress> progress = rebuilds.progress(processor.name());
        if (progress.isPresent() && progress.get().running()) {
            ProgressBar bar = new ProgressBar();
            bar.setId("rebuild-progress-" + processor.name());
            cell.add(bar, new Span(progressText(progress.get(), bar)));
            return cell;
        }
        Button rebuild = new Button(getTranslation("processors.rebuild"), e -> confirm(processor.name()));
        rebuild.setId("rebuild-" + processor.name());
        rebuild.addThemeVariants(ButtonVariant.LUMO_SMALL);
        cell.add(rebuild);
        progress.ifPresent(p -> cell.add(lastRebuild(p)));
        return cell;
    }

    private void confirm(String processingGroup) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("processors.confirmTitle", label(processingGroup)));
        dialog.setText(getTranslation("processors.confirmText"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("processors.rebuild"));
        dialog.setCloseOnEsc(true);
        dialog.addConfirmListener(e -> {
            try {
                rebuilds.rebuild(processingGroup);
                Notification.show(getTranslation("processors.started", label(processingGroup)), 4000,
                        Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (RebuildRefusedException refused) {
                Notification.show(getTranslation("processors.refused." + refused.reason().name(), label(processingGroup)),
                        6000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
        dialog.open();
    }

    private void refresh() {
        showRebuildOfAll();
        grid.setItems(rebuilds.processors());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        pollingBefore = ui.getPollInterval();
        ui.setPollInterval(POLL_MILLIS);
        polling = ui.addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        event.getUI().setPollInterval(pollingBefore);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("processors.title") + " · " + getTranslation("app.name");
    }

    /** What a processor keeps, in the reader's language, with its technical name (as logs and health show it). */
    private String label(String processingGroup) {
        String label = getTranslation("processor." + processingGroup);
        return label.startsWith("!") ? processingGroup : label + " (" + processingGroup + ")";
    }
}
