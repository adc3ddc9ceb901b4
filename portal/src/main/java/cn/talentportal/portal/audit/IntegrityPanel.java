package cn.talentportal.portal.audit;

import cn.talentportal.infra.eventstore.chain.ChainVerificationReport;
import cn.talentportal.infra.eventstore.chain.EventChainVerifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * Checks, in one action, that every stored event of the candidate's story (their own stream and those of the
 * openings, interviews, drives and retention cases that concern them) still links into its hash chain.
 */
class IntegrityPanel extends VerticalLayout {

    private final Div result = new Div();

    IntegrityPanel(EventChainVerifier verifier, AuditValues values, Supplier<Collection<String>> streams) {
        setPadding(false);
        Button verify = new Button(getTranslation("integrity.verifyCandidate"), e -> {
            result.removeAll();
            ChainVerificationReport report = verifier.verifyAggregates(streams.get());
            result.add(new ChainReportView(report, values));
        });
        verify.setId("integrity-verify");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.setDisableOnClick(true);
        verify.addClickListener(e -> verify.setEnabled(true));
        result.setWidthFull();
        add(new Paragraph(getTranslation("integrity.explainCandidate")), verify, result);
    }
}
