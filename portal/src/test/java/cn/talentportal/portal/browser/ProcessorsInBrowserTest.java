package cn.talentportal.portal.browser;

import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.security.Role;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Paths;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An administrator opens the processors page from the menu and rebuilds a read model, in Chinese. */
class ProcessorsInBrowserTest extends PortalTestBase {

    @Autowired UserAccounts accounts;
    @LocalServerPort int port;

    Playwright playwright;
    Page page;

    @BeforeEach
    void openBrowser() {
        playwright = Playwright.create();
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        page = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900).setLocale("zh-CN").setTimezoneId("Asia/Shanghai")).newPage();
        page.setDefaultTimeout(20_000);
        page.setDefaultNavigationTimeout(60_000);
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @AfterEach
    void closeBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void an_administrator_rebuilds_a_read_model_and_sees_it_finish() {
        String admin = "admin_" + UUID.randomUUID().toString().substring(0, 6);
        accounts.create(UUID.randomUUID().toString(), admin, PASSWORD, Role.ADMIN, "管理员赵", null, null);
        page.navigate("http://localhost:" + port + "/login");
        settle();
        Locator form = page.locator("vaadin-login-form");
        form.locator("input[name=username]").fill(admin);
        form.locator("input[name=password]").fill(PASSWORD);
        form.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("登录")).click();
        assertThat(page.locator("#logout")).isVisible();

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
    }

    private Locator cell(String text) {
        return page.locator("#processors vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(text));
    }

    private void settle() {
        page.waitForFunction("""
                () => {
                  const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                  const all = clients ? Object.values(clients).filter(c => typeof c.isActive === 'function') : [];
                  return all.length > 0 && all.every(c => !c.isActive());
                }""");
    }
}
