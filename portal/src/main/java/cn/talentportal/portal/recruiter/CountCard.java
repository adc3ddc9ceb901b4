package cn.talentportal.portal.recruiter;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.text.NumberFormat;
import java.util.Locale;

/** A number with what it counts, linking to the list of what it counts: the recruiter's home and pipeline. */
final class CountCard extends RouterLink {

    private final Span count = new Span();

    CountCard(String id, String label, Class<? extends Component> list, QueryParameters filter) {
        super(list);
        setQueryParameters(filter);
        setId(id);
        addClassName("portal-count-card");
        count.setId(id + "-count");
        count.addClassName("portal-count");
        Span caption = new Span(label);
        caption.addClassName("portal-muted");
        add(count, caption);
    }

    CountCard show(long value, Locale locale) {
        count.setText(NumberFormat.getIntegerInstance(locale).format(value));
        return this;
    }
}
