package cn.talentportal.portal.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Debian's Chromium on one page of the test portal, as a person in China uses it: zh-CN, Shanghai time. The steps
 * every browser test takes (open, wait for Vaadin, sign in, screenshot) in one place.
 */
public final class ChineseBrowser implements AutoCloseable {

    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final Playwright playwright;
    private final Page page;
    private final int port;

    private ChineseBrowser(int port, int width, int height) {
        this.port = port;
        this.playwright = Playwright.create();
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        this.page = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height).setLocale("zh-CN").setTimezoneId("Asia/Shanghai")
                .setAcceptDownloads(true)).newPage();
        page.setDefaultTimeout(30_000);
        page.setDefaultNavigationTimeout(60_000);
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    /** A desktop-sized window on the portal at {@code port}. */
    public static ChineseBrowser on(int port) {
        return new ChineseBrowser(port, 1280, 900);
    }

    /** A phone-sized window (390 × 844, touch) on the portal at {@code port}: how most graduates see it. */
    public static ChineseBrowser phone(int port) {
        return new ChineseBrowser(port, 390, 844);
    }

    public Page page() {
        return page;
    }

    public void open(String path) {
        page.navigate("http://localhost:" + port + path);
        settle();
    }

    /**
     * Waits until Vaadin has started and has no server round trip open. Typing before that is lost (the login form
     * would even post without its CSRF token).
     */
    public void settle() {
        page.waitForFunction("""
                () => {
                  const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                  const all = clients ? Object.values(clients).filter(c => typeof c.isActive === 'function') : [];
                  return all.length > 0 && all.every(c => !c.isActive());
                }""");
    }

    /**
     * Signs in through the login form. A submit that neither lands nor is refused within the wait is tried once
     * more, and said so on the output; the failure names the page it ended on, so a CI log shows why.
     */
    public void signIn(String username, String password) {
        for (int attempt = 1; ; attempt++) {
            submitLogin(username, password);
            try {
                page.locator("#logout").waitFor(new Locator.WaitForOptions().setTimeout(30_000));
                return;
            } catch (TimeoutError notSignedIn) {
                String where = page.url() + " showing: " + visibleText();
                if (attempt == 2) {
                    screenshot("sign-in-failure-" + username);
                    throw new AssertionError("Sign-in of " + username + " did not finish, at " + where, notSignedIn);
                }
                System.out.println("Sign-in of " + username + " did not finish, trying again; was at " + where);
            }
        }
    }

    /** Opens the login page and submits these credentials, whatever the outcome. */
    public void submitLogin(String username, String password) {
        open("/login");
        Locator form = page.locator("vaadin-login-form");
        form.locator("input[name=username]").fill(username);
        form.locator("input[name=password]").fill(password);
        form.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("登录")).click();
    }

    private String visibleText() {
        try {
            String text = page.locator("body").innerText(new Locator.InnerTextOptions().setTimeout(5_000));
            return text.length() > 500 ? text.substring(0, 500) + "…" : text;
        } catch (RuntimeException e) {
            return "(no page text: " + e.getMessage() + ")";
        }
    }

    /**
     * A screenshot of the whole page under {@code portal/target/screenshots/}: a help for people, never why a test
     * fails. The app layout scrolls inside its content area, so Playwright's full-page mode stops at the fold: the
     * viewport is stretched to the content's height for the shot instead.
     */
    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            var viewport = page.viewportSize();
            int height = ((Number) page.evaluate("""
                    () => Math.ceil(Math.max(document.documentElement.scrollHeight,
                        ...[...document.querySelectorAll('.portal-page')]
                            .map(p => p.getBoundingClientRect().top + p.scrollHeight + 16)))""")).intValue();
            if (height > viewport.height) {
                page.setViewportSize(viewport.width, height);
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
            page.setViewportSize(viewport.width, viewport.height);
        } catch (IOException | RuntimeException e) {
            // nothing to do: the test's own assertions say what went wrong
        }
    }

    @Override
    public void close() {
        playwright.close();
    }
}
