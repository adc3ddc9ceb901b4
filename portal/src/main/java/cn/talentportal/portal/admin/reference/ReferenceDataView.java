package cn.talentportal.portal.admin.reference;

import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.portal.i18n.TranslationProvider;
import cn.talentportal.portal.reference.Towns;
import cn.talentportal.portal.reference.Towns.Town;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Notices;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;

/**
 * Reference data for administrators: the district's towns (added, named in English, retired) and, for reading, the
 * sectors and talent categories, which the rules of the domain name and a release changes.
 */
@Route("admin/reference")
@RolesAllowed(Role.ADMIN_ROLE)
public class ReferenceDataView extends VerticalLayout implements HasDynamicTitle {

    private final Towns towns;
    private final Grid<Town> townGrid = new Grid<>();

    public ReferenceDataView(Towns towns) {
        this.towns = towns;
        addClassName("portal-page");
        H2 title = new H2(getTranslation("reference.title"));
        title.addClassName("portal-title");

        townGrid.setId("reference-towns");
        townGrid.addColumn(Town::name).setKey("name").setHeader(getTranslation("reference.town.nameLabel"));
        townGrid.addColumn(Town::englishName).setKey("english")
                .setHeader(getTranslation("reference.town.englishLabel"));
        townGrid.addColumn(t -> getTranslation(t.active() ? "reference.town.active" : "reference.town.retired"))
                .setKey("state").setHeader(getTranslation("reference.town.state"));
        townGrid.addComponentColumn(this::townActions).setKey("actions").setHeader(getTranslation("grid.actions"))
                .setAutoWidth(true);
        townGrid.setAllRowsVisible(true);
        refreshTowns();

        add(title, new H3(getTranslation("reference.towns")), townForm(), townGrid,
                new H3(getTranslation("reference.sectors")),
                labelled("reference-sectors", Arrays.stream(Sector.values()).map(s -> "sector." + s.name()).toList()),
                new H3(getTranslation("reference.categories")),
                labelled("reference-categories",
                        Arrays.stream(TalentCategory.values()).map(c -> "category." + c.name()).toList()),
                new Paragraph(getTranslation("reference.fixedNote")));
    }

    private HorizontalLayout townForm() {
        TextField name = new TextField(getTranslation("reference.town.nameLabel"));
        name.setId("town-name");
        name.setMaxLength(12);
        name.setHelperText(getTranslation("reference.town.nameHelp"));
        TextField english = new TextField(getTranslation("reference.town.englishLabel"));
        english.setId("town-english");
        english.setMaxLength(60);
        Button add = new Button(getTranslation("reference.town.add"), e -> {
            try {
                towns.add(name.getValue(), english.getValue(), CurrentUser.require().userId());
                Notices.success("reference.town.added", name.getValue().strip());
                name.clear();
                english.clear();
                refreshTowns();
            } catch (DomainRuleViolation refusal) {
                Notices.refused(refusal); // both fields keep what was typed
            }
        });
        add.setId("town-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, english, add);
        form.setWrap(true);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private HorizontalLayout townActions(Town town) {
        TextField english = new TextField();
        english.setValue(town.englishName() == null ? "" : town.englishName());
        english.setId("town-english-" + town.position());
        english.setMaxLength(60);
        english.setWidth("12em");
        Button rename = new Button(getTranslation("reference.town.rename"), e -> {
            try {
                towns.rename(town.name(), english.getValue(), CurrentUser.require().userId());
                Notices.success("reference.town.renamed", town.name());
                refreshTowns();
            } catch (DomainRuleViolation refusal) {
                Notices.refused(refusal);
            }
        });
        rename.setId("town-rename-" + town.position());
        rename.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button toggle = new Button(getTranslation(town.active() ? "reference.town.retire" : "reference.town.restore"),
                e -> {
                    towns.setActive(town.name(), !town.active(), CurrentUser.require().userId());
                    refreshTowns();
                });
        toggle.setId("town-toggle-" + town.position());
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(english, rename, toggle);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        return actions;
    }

    private void refreshTowns() {
        townGrid.setItems(towns.register());
    }

    /** Each value with its Chinese and English label, so administrators see both at once. */
    private Grid<String> labelled(String id, List<String> keys) {
        Grid<String> grid = new Grid<>();
        grid.setId(id);
        grid.addColumn(key -> getTranslation(TranslationProvider.CHINESE, key))
                .setHeader(getTranslation("reference.chinese"));
        grid.addColumn(key -> getTranslation(TranslationProvider.ENGLISH, key))
                .setHeader(getTranslation("reference.english"));
        grid.setItems(keys);
        grid.setAllRowsVisible(true);
        return grid;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reference.title") + " · " + getTranslation("app.name");
    }
}
