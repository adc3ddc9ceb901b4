package cn.talentportal.portal.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.function.Consumer;

/**
 * Asks why someone opens another person's data before showing it (PIPL: access to personal information needs a
 * purpose). The caller records the answer with the access (and may reuse it in the same session).
 */
public class AccessReasonDialog extends Dialog {

    static final List<String> PURPOSES = List.of("routineAudit", "complaint", "subjectRequest", "legalRequest",
            "other");
    static final int LONGEST_DETAILS = 200;

    public AccessReasonDialog(String subjectName, Consumer<String> onReason, Runnable onCancel) {
        setHeaderTitle(getTranslation("audit.access.title"));
        setCloseOnOutsideClick(false);
        setCloseOnEsc(false);
        setId("access-reason-dialog");
        RadioButtonGroup<String> purpose = new RadioButtonGroup<>(getTranslation("audit.access.purpose"));
        purpose.setId("access-purpose");
        purpose.setItems(PURPOSES);
        purpose.setItemLabelGenerator(p -> getTranslation("audit.access.purpose." + p));
        purpose.setValue(PURPOSES.getFirst());
        TextArea details = new TextArea(getTranslation("audit.access.details"));
        details.setId("access-details");
        details.setMaxLength(LONGEST_DETAILS);
        details.setValueChangeMode(ValueChangeMode.EAGER);
        details.setWidthFull();
        Button open = new Button(getTranslation("audit.access.open"));
        open.setId("access-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Runnable validate = () -> {
            boolean needsDetails = "other".equals(purpose.getValue());
            boolean missing = needsDetails && details.getValue().isBlank();
            details.setRequiredIndicatorVisible(needsDetails);
            details.setInvalid(missing);
            details.setErrorMessage(missing ? getTranslation("audit.access.detailsRequired") : null);
            open.setEnabled(purpose.getValue() != null && !missing);
        };
        purpose.addValueChangeListener(e -> validate.run());
        details.addValueChangeListener(e -> validate.run());
        open.addClickListener(e -> {
            String label = getTranslation("audit.access.purpose." + purpose.getValue());
            String text = details.getValue().strip();
            close();
            onReason.accept(text.isEmpty() ? label : label + "：" + text);
        });
        Button cancel = new Button(getTranslation("audit.access.cancel"), e -> {
            close();
            onCancel.run();
        });
        cancel.setId("access-cancel");
        add(new Paragraph(getTranslation("audit.access.explain", subjectName)), purpose, details);
        getFooter().add(cancel, open);
        validate.run();
    }
}
