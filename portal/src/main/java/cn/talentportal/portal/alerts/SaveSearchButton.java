package cn.talentportal.portal.alerts;

import cn.talentportal.domain.alert.JobAlertCommands.SaveSearch;
import cn.talentportal.domain.alert.SearchCriteria;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * "Save this search" on the job search page, for signed-in candidates: the page's current criteria under a name the
 * candidate may change; alerts follow for every matching opening published from then on.
 */
public class SaveSearchButton extends Button {

    private final Commands commands;
    private final Supplier<SearchCriteria> criteria;

    /** {@code criteria} reads the page's filters when clicked; empty filters are refused with their reason. */
    public SaveSearchButton(Commands commands, Supplier<SearchCriteria> criteria) {
        this.commands = commands;
        this.criteria = criteria;
        setText(getTranslation("alerts.save"));
        setIcon(VaadinIcon.BELL_O.create());
        setId("save-search");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        setVisible(CurrentUser.hasRole(Role.CANDIDATE));
        addClickListener(e -> askForName());
    }

    private void askForName() {
        SearchCriteria current;
        try {
            current = criteria.get();
        } catch (DomainRuleViolation refusal) {
            Notices.refused(refusal);
            return;
        }
        TextField name = new TextField(getTranslation("alerts.search.name"));
        name.setId("save-search-name");
        name.setMaxLength(40);
        name.setWidthFull();
        name.setValue(suggestedName(current));
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("alerts.save"));
        dialog.add(name);
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("alerts.save.confirm"));
        dialog.setCloseOnEsc(true);
        dialog.addConfirmListener(e -> {
            try {
                commands.send(new SaveSearch(CurrentUser.require().candidateId(), UUID.randomUUID().toString(),
                        name.getValue(), current));
                Notices.success("alerts.save.done", name.getValue().strip());
            } catch (DomainRuleViolation refusal) {
                Notices.refused(refusal);
            }
        });
        dialog.open();
    }

    /** 护士 · 卫生 · 城关镇: what the search looks for, cut to the longest name allowed. */
    private String suggestedName(SearchCriteria criteria) {
        String name = Stream.of(criteria.text(),
                        criteria.sector() == null ? null : getTranslation("sector." + criteria.sector().name()),
                        criteria.county())
                .filter(Objects::nonNull)
                .collect(Collectors.joining(" · "));
        return name.length() <= 40 ? name : name.substring(0, 40);
    }
}
