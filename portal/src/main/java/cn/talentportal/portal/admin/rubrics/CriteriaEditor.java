package cn.talentportal.portal.admin.rubrics;

import cn.talentportal.domain.interview.Criterion;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.util.ArrayList;
import java.util.List;

/**
 * The criteria of a rubric as rows (key, label, weight, top score), each checked as typed with the rules the
 * rubric applies; the rubric itself has the last word (duplicate keys, how many).
 */
final class CriteriaEditor extends Div {

    static final int HIGHEST_MAX_SCORE = 100;
    static final int MOST_CRITERIA = 10;

    private final List<Row> rows = new ArrayList<>();
    private final Div rowsHolder = new Div();
    private final Button add;

    CriteriaEditor() {
        setId("criteria-editor");
        add = new Button(getTranslation("rubrics.criterion.add"), VaadinIcon.PLUS.create(), click -> addRow(null));
        add.setId("criterion-add");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(rowsHolder, add);
    }

    void show(List<Criterion> criteria) {
        rows.clear();
        rowsHolder.removeAll();
        criteria.forEach(this::addRow);
        if (criteria.isEmpty()) {
            addRow(null);
        }
    }

    /** Every row valid (errors shown next to the fields otherwise). */
    boolean validate() {
        boolean valid = true;
        for (Row row : rows) {
            valid &= row.binder.validate().isOk();
        }
        return valid && !rows.isEmpty();
    }

    List<Criterion> criteria() {
        return rows.stream().map(row -> new Criterion(row.key.getValue().trim(), row.label.getValue().trim(),
                row.weight.getValue(), row.maxScore.getValue())).toList();
    }

    private void addRow(Criterion criterion) {
        int index = rows.size();
        Row row = new Row(index);
        if (criterion != null) {
            row.key.setValue(criterion.key());
            row.label.setValue(criterion.label());
            row.weight.setValue(criterion.weight());
            row.maxScore.setValue(criterion.maxScore());
        }
        rows.add(row);
        rowsHolder.add(row.layout);
        add.setEnabled(rows.size() < MOST_CRITERIA);
    }

    private void remove(Row row) {
        rows.remove(row);
        rowsHolder.remove(row.layout);
        add.setEnabled(rows.size() < MOST_CRITERIA);
    }

    private final class Row {
        final TextField key = new TextField(getTranslation("rubric.criterion.key"));
        final TextField label = new TextField(getTranslation("rubric.criterion.label"));
        final IntegerField weight = new IntegerField(getTranslation("rubrics.criterion.weight"));
        final IntegerField maxScore = new IntegerField(getTranslation("rubrics.criterion.maxScore"));
        final Binder<Row> binder = new Binder<>();
        final FormLayout layout = new FormLayout();

        Row(int index) {
            key.setId("criterion-key-" + index);
            key.setMaxLength(40);
            label.setId("criterion-label-" + index);
            label.setMaxLength(80);
            weight.setId("criterion-weight-" + index);
            weight.setMin(1);
            String weightPositive = getTranslation("rubrics.criterion.weightPositive");
            weight.setI18n(new IntegerField.IntegerFieldI18n().setMinErrorMessage(weightPositive)
                    .setBadInputErrorMessage(weightPositive)
                    .setRequiredErrorMessage(getTranslation("rubrics.criterion.weightRequired")));
            maxScore.setId("criterion-max-" + index);
            maxScore.setMin(1);
            maxScore.setMax(HIGHEST_MAX_SCORE);
            String maxRange = getTranslation("rubrics.criterion.maxRange", 1, HIGHEST_MAX_SCORE);
            maxScore.setI18n(new IntegerField.IntegerFieldI18n().setMinErrorMessage(maxRange)
                    .setMaxErrorMessage(maxRange)
                    .setBadInputErrorMessage(maxRange)
                    .setRequiredErrorMessage(getTranslation("rubrics.criterion.maxRequired")));
            binder.forField(key).asRequired(getTranslation("rubrics.criterion.keyRequired"))
                    .withValidator(text -> text.trim().matches("[A-Za-z0-9_-]+"),
                            getTranslation("rubrics.criterion.keyPattern"))
                    .bind(r -> key.getValue(), (r, v) -> { });
            binder.forField(label).asRequired(getTranslation("rubrics.criterion.labelRequired"))
                    .bind(r -> label.getValue(), (r, v) -> { });
            binder.forField(weight).asRequired(getTranslation("rubrics.criterion.weightRequired"))
                    .withValidator(value -> value > 0, weightPositive)
                    .bind(r -> weight.getValue(), (r, v) -> { });
            binder.forField(maxScore).asRequired(getTranslation("rubrics.criterion.maxRequired"))
                    .withValidator(value -> value >= 1 && value <= HIGHEST_MAX_SCORE, maxRange)
                    .bind(r -> maxScore.getValue(), (r, v) -> { });
            Button removeRow = new Button(VaadinIcon.TRASH.create(), click -> remove(this));
            removeRow.setId("criterion-remove-" + index);
            removeRow.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            removeRow.setAriaLabel(getTranslation("rubrics.criterion.remove"));
            layout.add(key, label, weight, maxScore, removeRow);
            layout.setResponsiveSteps(new ResponsiveStep("0", 2), new ResponsiveStep("700px", 5));
            layout.addClassName("portal-criterion-row");
        }
    }
}
