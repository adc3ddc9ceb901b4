package cn.talentportal.portal.admin.reference;

import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.i18n.TranslationProvider;
import cn.talentportal.portal.reference.Towns;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.view.ViewTestBase;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceDataViewTest extends ViewTestBase {

    @Autowired UserAccounts accounts;
    @Autowired Towns towns;

    @Test
    void an_administrator_adds_a_town_with_its_english_name_and_retires_it() {
        signIn(account(accounts, "refadmin", Role.ADMIN, "管理员", null, null));
        UI.getCurrent().navigate(ReferenceDataView.class);
        String town = "柳溪" + (char) (0x4E00 + ThreadLocalRandom.current().nextInt(0x4000)) + "镇";

        _setValue(_get(TextField.class, spec -> spec.withId("town-name")), town);
        _setValue(_get(TextField.class, spec -> spec.withId("town-english")), "柳");
        _click(_get(Button.class, spec -> spec.withId("town-add")));
        expectNotifications("英文名称须以字母开头，最多 60 个字符");
        assertThat(_get(TextField.class, spec -> spec.withId("town-name")).getValue()).isEqualTo(town);
        assertThat(towns.all()).doesNotContain(town);

        _setValue(_get(TextField.class, spec -> spec.withId("town-english")), "Liuxi Town");
        _click(_get(Button.class, spec -> spec.withId("town-add")));
        expectNotifications("已添加“" + town + "”");
        assertThat(towns.all()).contains(town);
        assertThat(towns.label(town, TranslationProvider.ENGLISH)).isEqualTo("Liuxi Town");
        assertThat(towns.label(town, TranslationProvider.CHINESE)).isEqualTo(town);

        List<Towns.Town> listed = towns.register();
        int row = listed.indexOf(listed.stream().filter(t -> t.name().equals(town)).findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        Grid<Towns.Town> grid = _get(Grid.class, spec -> spec.withId("reference-towns"));
        _click(_get(GridKt._getCellComponent(grid, row, "actions"), Button.class,
                spec -> spec.withId("town-toggle-" + listed.get(row).position())));
        assertThat(towns.all()).doesNotContain(town);
        assertThat(towns.register()).anyMatch(t -> t.name().equals(town) && !t.active());
    }

    @Test
    void only_administrators_keep_reference_data() {
        signIn(account(accounts, "refrecruiter", Role.RECRUITER, "招聘专员", "unit", null));
        assertThatThrownBy(() -> UI.getCurrent().navigate(ReferenceDataView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }
}
