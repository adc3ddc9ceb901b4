package cn.talentportal.portal.recruiter;

import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.portal.reference.Towns;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.LocalDate;

/** The fields of an opening; builds {@link OpeningDetails}, whose own checks give the refusals. */
class OpeningForm extends FormLayout {

    final TextField title = new TextField();
    final TextArea description = new TextArea();
    final Select<Sector> sector = new Select<>();
    final ComboBox<String> county = new ComboBox<>();
    final Select<Education> education = new Select<>();
    final TextField major = new TextField();
    final IntegerField salaryMin = new IntegerField();
    final IntegerField salaryMax = new IntegerField();
    final IntegerField headcount = new IntegerField();
    final CheckboxGroup<TalentCategory> categories = new CheckboxGroup<>();
    final DatePicker deadline = new DatePicker();

    OpeningForm(Towns towns) {
        title.setLabel(getTranslation("opening.title"));
        title.setId("opening-title");
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(80);
        title.setValueChangeMode(ValueChangeMode.EAGER);
        title.addValueChangeListener(e -> {
            title.setInvalid(e.getValue().isBlank());
            title.setErrorMessage(getTranslation("validation.required", getTranslation("opening.title")));
        });
        description.setLabel(getTranslation("opening.description"));
        description.setId("opening-description");
        description.setMaxLength(5000);
        sector.setLabel(getTranslation("opening.sector"));
        sector.setId("opening-sector");
        sector.setItems(Sector.values());
        sector.setItemLabelGenerator(s -> getTranslation("sector." + s.name()));
        county.setLabel(getTranslation("opening.county"));
        county.setId("opening-county");
        county.setItems(towns.all());
        county.setItemLabelGenerator(t -> towns.label(t, getLocale()));
        education.setLabel(getTranslation("opening.education"));
        education.setId("opening-education");
        education.setItems(Education.values());
        education.setItemLabelGenerator(e -> getTranslation("education." + e.name()));
        major.setLabel(getTranslation("opening.major"));
        major.setId("opening-major");
        salaryMin.setLabel(getTranslation("opening.salaryMin"));
        salaryMin.setId("opening-salary-min");
        salaryMin.setMin(0);
        salaryMax.setLabel(getTranslation("opening.salaryMax"));
        salaryMax.setId("opening-salary-max");
        salaryMax.setMin(0);
        headcount.setLabel(getTranslation("opening.headcount"));
        headcount.setId("opening-headcount");
        headcount.setMin(1);
        headcount.setMax(1000);
        headcount.setStepButtonsVisible(true);
        headcount.setValue(1);
        categories.setLabel(getTranslation("opening.categories"));
        categories.setId("opening-categories");
        categories.setItems(TalentCategory.values());
        categories.setItemLabelGenerator(c -> getTranslation("category." + c.name()));
        deadline.setLabel(getTranslation("opening.deadline"));
        deadline.setId("opening-deadline");
        deadline.setMin(LocalDate.now());
        deadline.setValue(LocalDate.now().plusMonths(1));
        add(title, sector, county, education, major, headcount, salaryMin, salaryMax, deadline, categories);
        add(description, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("600px", 2));
    }

    OpeningDetails details() {
        return new OpeningDetails(title.getValue(), description.getValue(), sector.getValue(), county.getValue(),
                education.getValue(), major.getValue(), salaryMin.getValue(), salaryMax.getValue(),
                headcount.getValue() == null ? 0 : headcount.getValue(), categories.getValue(), deadline.getValue());
    }
}
