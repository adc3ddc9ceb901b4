package cn.talentportal.portal.recruiter;

import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.shared.Notices;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * A step of the pipeline asked in a dialog: a refusal is shown in the dialog, which stays open with what was typed;
 * done, it closes and says so.
 */
class PipelineDialog extends Dialog {

    /** Sends the step's command; throws the refusal. */
    @FunctionalInterface
    interface Step {
        void take();
    }

    private final Paragraph refusal = new Paragraph();
    private final Button confirm;

    PipelineDialog(String id, String header, Component form, String confirmText, Step step, Runnable done) {
        setId(id);
        setHeaderTitle(header);
        refusal.setId(id + "-refusal");
        refusal.addClassName("portal-problem");
        refusal.setVisible(false);
        VerticalLayout content = new VerticalLayout(form, refusal);
        content.setPadding(false);
        add(content);
        confirm = new Button(confirmText, e -> {
            try {
                step.take();
                close();
                done.run();
            } catch (DomainRuleViolation refused) {
                refusal.setText(Notices.reason(refused));
                refusal.setVisible(true);
            }
        });
        confirm.setId(id + "-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setId(id + "-cancel");
        getFooter().add(cancel, confirm);
        setWidth("min(32rem, 95vw)");
    }

    Button confirm() {
        return confirm;
    }
}
