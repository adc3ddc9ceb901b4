package cn.talentportal.portal.outreach;

import cn.talentportal.projections.outreach.TargetGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A campaign's target group in figures: natives on the register, those who may be contacted, those excluded. */
class TargetGroupSummary extends Div {

    private final Span entries = figure("campaign-target-entries");
    private final Span consenting = figure("campaign-target-consenting");
    private final Span excluded = figure("campaign-target-excluded");

    TargetGroupSummary() {
        addClassName("portal-figures");
        add(card(entries, "campaigns.target.entries"), card(consenting, "campaigns.target.consenting"),
                card(excluded, "campaigns.target.excluded"));
    }

    void show(TargetGroup group) {
        entries.setText(String.valueOf(group.entries()));
        consenting.setText(String.valueOf(group.consenting()));
        excluded.setText(String.valueOf(group.excludedForLackOfConsent()));
        setTitle(getTranslation("campaigns.target.sentence", group.entries(), group.consenting(),
                group.excludedForLackOfConsent()));
    }

    private static Span figure(String id) {
        Span value = new Span();
        value.setId(id);
        value.addClassName("portal-figure-value");
        return value;
    }

    private Div card(Span value, String labelKey) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("portal-muted");
        Div card = new Div(value, label);
        card.addClassName("portal-figure");
        return card;
    }
}
