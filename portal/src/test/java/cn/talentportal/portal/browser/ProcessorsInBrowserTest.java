package cn.talentportal.portal.browser;

import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.security.Role;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An administrator opens the processors page from the menu and rebuilds a read model, in Chinese. */
class ProcessorsInBrowserTest extends BrowserTestBase {

    @Autowired UserAccounts accounts;

    @BeforeEach
    void openBrowser() {
        openDesktop();
    }

    @Test
    void an_administrator_rebuilds_a_read_model_and_sees_it_finish() {
        String admin = "admin_" + UUID.randomUUID().toString().substring(0, 6);
        accounts.create(UUID.randomUUID().toString(), admin, PASSWORD, Role.ADMIN, "管理员赵", null, null);
        browser.signIn(admin, PASSWORD);

        page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("事件处理器")).click();
        page.locator("#processors").waitFor();
        assertThat(cell("openings").first()).isVisible();
        assertThat(cell("不可重建").first()).isVisible(); // the mail and search processes are shown, not offered

        page.locator("#rebuild-openings").click();
        page.locator("[slot='confirm-button']:visible").filter(new Locator.FilterOptions().setHasText("重建"))
                .click();
        assertThat(page.locator("vaadin-notification-card")
                .filter(new Locator.FilterOptions().setHasText("已开始重建 岗位 (openings)")).first()).isVisible();
        // the page polls: the finished rebuild replaces the progress bar
        assertThat(cell("上次重建已完成").first()).isVisible();
        browser.screenshot("admin-01-rebuilt");

        openPhone();
        browser.signIn(admin, PASSWORD);
        browser.open("/admin/processors");
        assertThat(cell("openings").first()).isVisible();
        browser.screenshot("admin-02-processors-phone");
    }

    @Test
    void an_administrator_rebuilds_all_read_models_with_one_read_and_sees_it_finish() {
        String admin = "admin_" + UUID.randomUUID().toString().substring(0, 6);
        accounts.create(UUID.randomUUID().toString(), admin, PASSWORD, Role.ADMIN, "管理员钱", null, null);
        browser.signIn(admin, PASSWORD);
        browser.open("/admin/processors");

        page.locator("#rebuild-all").click();
        page.locator("[slot='confirm-button']:visible").filter(new Locator.FilterOptions().setHasText("重建全部读模型"))
                .click();
        assertThat(page.locator("vaadin-notification-card")
                .filter(new Locator.FilterOptions().setHasText("已开始重建全部读模型")).first()).isVisible();
        // the page polls: progress while it runs, then the finished rebuild next to the button again
        assertThat(page.locator("#rebuild-all-status").filter(new Locator.FilterOptions().setHasText("上次重建已完成")))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(120_000));
        assertThat(page.locator("#rebuild-all")).isVisible();
        browser.screenshot("admin-03-rebuilt-all");
    }

    private Locator cell(String text) {
        return page.locator("#processors vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(text));
    }
}
