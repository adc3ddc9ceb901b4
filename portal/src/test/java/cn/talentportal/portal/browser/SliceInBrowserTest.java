package cn.talentportal.portal.browser;

import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.security.Role;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The foundation slice walked through the UI in a real Chromium, in Chinese: an administrator creates an employer
 * unit and its recruiter; the recruiter publishes a nursing post; a graduate registers, finds it by full-text search
 * and applies; the recruiter sees the application; the auditor reads the graduate's history, in Chinese and English.
 * Screenshots of every main step land in {@code portal/target/screenshots/}.
 */
class SliceInBrowserTest extends BrowserTestBase {

    static final Path SCREENSHOTS = ChineseBrowser.SCREENSHOTS;
    static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @Autowired UserAccounts accounts;

    // Unique per run: the portal is shared with the other test classes.
    final String suffix = UUID.randomUUID().toString().substring(0, 6);
    final String unitName = "青山镇卫生院" + suffix;
    final String recruiterName = "陈护士长";
    final String recruiterUsername = "chen_" + suffix;
    final String openingTitle = "青山镇卫生院招聘护士";
    final String graduateName = "周雨桐";
    final String graduateUsername = "zhou_" + suffix;

    @BeforeEach
    void openBrowser() throws IOException {
        Files.deleteIfExists(SCREENSHOTS.resolve("failure.png"));
        openDesktop();
    }

    @Test
    void the_foundation_slice_through_the_ui_in_chinese() {
        try {
            walkTheSlice();
        } catch (RuntimeException | AssertionError failure) {
            screenshot("failure");
            throw failure;
        }
    }

    private void walkTheSlice() {
        // 1. Administrators and auditors are not self-service: bootstrap them directly.
        String admin = "admin_" + suffix;
        String auditor = "audit_" + suffix;
        accounts.create(UUID.randomUUID().toString(), admin, PASSWORD, Role.ADMIN, "管理员王", null, null);
        accounts.create(UUID.randomUUID().toString(), auditor, PASSWORD, Role.AUDITOR, "审计员李", null, null);

        // 2. The administrator creates an employer unit and its recruiter.
        signIn(admin, PASSWORD);
        openMenu("用人单位", "#unit-name");
        fillField("unit-name", unitName);
        selectOption("unit-type", "医院");
        pickFromComboBox("unit-county", "青山镇");
        selectOption("unit-sector", "卫生健康");
        page.locator("#unit-create").click();
        expectNotification("已创建用人单位“" + unitName + "”");
        assertThat(gridCell("employer-units", unitName)).isVisible();

        pickFromComboBox("recruiter-unit", unitName);
        fillField("recruiter-name", recruiterName);
        fillField("recruiter-username", recruiterUsername);
        fillField("recruiter-password", PASSWORD);
        fillField("recruiter-email", recruiterUsername + "@example.cn");
        page.locator("#recruiter-create").click();
        expectNotification("已为“" + unitName + "”创建招聘专员 " + recruiterName);
        assertThat(gridRowWith("employer-units", unitName)).contains(recruiterName);
        screenshot("02-admin-employer-unit");
        signOut();

        // 3. The recruiter publishes a nursing post; a post with only a title is refused, naming what is missing.
        signIn(recruiterUsername, PASSWORD);
        openMenu("岗位管理", "#opening-title");
        fillField("opening-title", openingTitle);
        fillField("opening-description", "负责门诊及住院病人的护理工作，参与乡村巡回医疗和健康宣教。");
        selectOption("opening-sector", "卫生健康");
        pickFromComboBox("opening-county", "青山镇");
        selectOption("opening-education", "大专");
        fillField("opening-major", "护理学");
        fillField("opening-headcount", "2");
        fillField("opening-salary-min", "4500");
        fillField("opening-salary-max", "6500");
        assertThat(page.locator("#opening-deadline input")).not().hasValue("");
        page.locator("#opening-publish").click();
        expectNotification("岗位“" + openingTitle + "”已发布");
        assertThat(gridRowWith("recruiter-openings", openingTitle)).contains("青山镇", "已发布");

        String incomplete = "临时护理岗位";
        fillField("opening-title", incomplete);
        page.locator("#opening-publish").click();
        expectNotification("发布前请填写：岗位职责与要求、行业、工作地点（乡镇）、学历要求");
        assertThat(page.locator("#opening-title input")).hasValue(incomplete);
        assertThat(gridRows("recruiter-openings")).as("a refused publication leaves no draft behind")
                .noneMatch(row -> row.contains(incomplete));
        screenshot("03-recruiter-openings");
        signOut();

        // 4. A graduate registers; a wrong phone number is explained next to the field.
        open("/register");
        page.locator("#register-submit").waitFor();
        fillField("register-username", graduateUsername);
        fillField("register-password", PASSWORD);
        fillField("register-full-name", graduateName);
        fillField("register-phone", "1380013");
        assertThat(page.locator("#register-phone")).hasAttribute("invalid", "");
        assertThat(page.locator("#register-phone [slot=error-message]")).hasText("请输入 11 位中国大陆手机号码");
        fillField("register-phone", "139" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000));
        assertThat(page.locator("#register-phone")).not().hasAttribute("invalid", "");
        fillField("register-email", graduateUsername + "@example.cn");
        selectOption("register-education", "大专");
        fillField("register-school", "川北医学院");
        fillField("register-major", "护理学");
        fillField("register-graduation-year", "2026");
        pickFromComboBox("register-hometown", "青山镇");
        selectOption("register-source", "直播带岗");
        fillField("register-source-reference", "青山镇卫生院直播带岗");
        page.locator("#register-consent-data-use").click(); // the privacy notice: data use is required
        assertThat(page.locator("#register-consent-data-use")).hasAttribute("checked", "");
        screenshot("04-register");
        page.locator("#register-submit").click();
        page.waitForURL(Pattern.compile(".*/login$"));
        expectNotification("注册成功，请登录");
        signIn(graduateUsername, PASSWORD);

        // 5. The graduate finds the post by a Chinese search and applies.
        openMenu("找工作", "#job-search-text");
        Locator card = searchUntilFound("护士", openingTitle);
        assertThat(card.locator("h3 em").first()).isVisible();
        screenshot("05-jobs-desktop");
        page.setViewportSize(390, 844);
        assertThat(card).isVisible();
        screenshot("05-jobs-phone");
        page.setViewportSize(1280, 800);
        card.locator(".apply-button").click();
        expectNotification("已申请“" + openingTitle + "”");
        assertThat(card.locator(".apply-button")).hasText("已申请");

        openMenu("我的申请", "#my-applications");
        List<String> application = eventuallyRow("my-applications", openingTitle);
        assertThat(application).contains(unitName, "已投递");
        screenshot("05-my-applications");
        signOut();

        // 6. The recruiter sees who applied.
        signIn(recruiterUsername, PASSWORD);
        openMenu("收到的申请", "#recruiter-applications");
        assertThat(eventuallyRow("recruiter-applications", graduateName)).contains(openingTitle, "已投递");
        screenshot("06-recruiter-applications");
        signOut();

        // 7. The auditor reads the graduate's whole history, with who did what.
        signIn(auditor, PASSWORD);
        openMenu("审计查询", "#audit-search");
        List<List<String>> history = auditHistoryOf(graduateName);
        assertThat(history).anySatisfy(row -> assertThat(row).contains("求职者注册", "未登录用户"));
        assertThat(history).anySatisfy(row -> assertThat(row).contains("提交岗位申请", graduateName, "求职者"));
        screenshot("07-audit");

        // 8. The same page in English, and back.
        page.locator("#language-switch").click();
        assertThat(page.locator("#language-switch")).hasText("中文");
        assertThat(page.locator("h2.portal-title")).hasText("Audit");
        String menu = page.locator("vaadin-side-nav").innerText();
        assertThat(menu).contains("Audit").doesNotContainPattern(HAN);
        assertThat(page.locator("h2.portal-title").innerText()).doesNotContainPattern(HAN);
        assertThat(page.title()).startsWith("Audit").doesNotContainPattern(HAN);
        assertThat(page.locator("#logout")).hasText("Sign out");
        screenshot("08-audit-english");
        page.locator("#language-switch").click();
        assertThat(page.locator("#language-switch")).hasText("English");
        assertThat(page.locator("h2.portal-title")).hasText("审计查询");
        signOut();
    }

    // ---- the journey's vocabulary ----------------------------------------------------------------------------

    private void open(String path) {
        browser.open(path);
    }

    private void reload() {
        page.reload();
        browser.settle();
    }

    private void signIn(String username, String password) {
        browser.signIn(username, password);
    }

    private void signOut() {
        page.locator("#logout").click();
        assertThat(page.locator("#login")).isVisible();
    }

    /** Follows a link of the side menu, then waits for an element the view is known to have. */
    private void openMenu(String label, String readySelector) {
        page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText(label)).click();
        page.locator(readySelector).waitFor();
    }

    /** Types into a Vaadin text field (the light-DOM input inside the element with the id) and leaves it. */
    private void fillField(String id, String value) {
        Locator input = page.locator("#" + id + " :is(input, textarea)");
        input.fill(value);
        input.press("Tab");
    }

    private void selectOption(String id, String label) {
        page.locator("#" + id).click();
        option(label).click();
        assertThat(page.locator("#" + id)).containsText(label);
    }

    private void pickFromComboBox(String id, String label) {
        page.locator("#" + id + " input").fill(label);
        option(label).click();
        assertThat(page.locator("#" + id + " input")).hasValue(label);
    }

    /** An item of the open select or combo box overlay. */
    private Locator option(String label) {
        return page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(label).setExact(true));
    }

    /** Exactly this text. The pattern runs in the browser as a JavaScript regex: no {@code Pattern.quote} there. */
    private static Locator.FilterOptions exactly(String text) {
        String escaped = text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
        return new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*" + escaped + "\\s*$"));
    }

    private void expectNotification(String text) {
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText(text))
                .first()).isVisible();
    }

    private Locator gridCell(String gridId, String text) {
        return page.locator("#" + gridId + " vaadin-grid-cell-content:visible").filter(exactly(text)).first();
    }

    /**
     * The texts of the visible rows of a Vaadin grid, read through its shadow DOM: the grid reuses row elements, so
     * cells are read through the slots of rows that are shown now.
     */
    @SuppressWarnings("unchecked")
    private List<List<String>> gridRows(String gridId) {
        return (List<List<String>>) page.evaluate("""
                id => {
                  const grid = document.getElementById(id);
                  if (!grid || !grid.shadowRoot) return [];
                  return [...grid.shadowRoot.querySelectorAll('#items tr')]
                    .filter(tr => !tr.hidden && tr.offsetParent !== null)
                    .map(tr => [...tr.querySelectorAll('slot')]
                      .map(slot => slot.assignedElements().map(e => e.innerText.trim()).join(' ').trim()))
                    .filter(cells => cells.some(c => c.length > 0));
                }""", gridId);
    }

    private List<String> gridRowWith(String gridId, String cellText) {
        return waitFor(() -> gridRows(gridId).stream().filter(r -> r.contains(cellText)).findFirst().orElse(null),
                Duration.ofSeconds(10), () -> { }, "a row with " + cellText + " in #" + gridId);
    }

    /** Views read their grid once when opened; read models follow the store a moment later, so reload until shown. */
    private List<String> eventuallyRow(String gridId, String cellText) {
        return waitFor(() -> gridRows(gridId).stream().filter(r -> r.contains(cellText)).findFirst().orElse(null),
                Duration.ofSeconds(15), () -> {
                    reload();
                    page.locator("#" + gridId).waitFor();
                }, "a row with " + cellText + " in #" + gridId);
    }

    /** Search is eventually consistent: type the words, and retype on a fresh page until the post shows up. */
    private Locator searchUntilFound(String words, String title) {
        Locator card = page.locator("#job-search-results .portal-card")
                .filter(new Locator.FilterOptions().setHas(page.locator("h3", new Page.LocatorOptions().setHasText(title))));
        fillField("job-search-text", words);
        waitFor(() -> card.count() > 0 && card.first().locator("h3 em").count() > 0 ? card : null,
                Duration.ofSeconds(15), () -> {
                    reload();
                    page.locator("#job-search-text").waitFor();
                    fillField("job-search-text", words);
                }, "a card for " + title + " with a highlight");
        return card.first();
    }

    /** Finds the candidate, opens their history and reads it; reloads the history until the application shows. */
    private List<List<String>> auditHistoryOf(String name) {
        fillField("audit-search", name);
        gridCell("audit-candidates", name).click();
        page.locator("#access-open").click(); // the default purpose: a routine audit
        page.locator("#audit-history").waitFor();
        return waitFor(() -> {
            List<List<String>> rows = gridRows("audit-history");
            return rows.stream().anyMatch(r -> r.contains("提交岗位申请")) ? rows : null;
        }, Duration.ofSeconds(15), () -> {
            reload();
            page.locator("#audit-history").waitFor();
        }, "the application in " + name + "'s history");
    }

    /**
     * Polls a page condition every few hundred milliseconds; when it has not held for a few seconds, runs
     * {@code retry} (reload, retype) and polls again. Never a bare sleep.
     */
    private <T> T waitFor(java.util.function.Supplier<T> attempt, Duration within, Runnable retry, String what) {
        Instant deadline = Instant.now().plus(within);
        Instant nextRetry = Instant.now().plusSeconds(3);
        while (true) {
            T found = attempt.get();
            if (found != null) {
                return found;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            page.waitForTimeout(300);
            if (Instant.now().isAfter(nextRetry)) {
                retry.run();
                nextRetry = Instant.now().plusSeconds(3);
            }
        }
    }

    private void screenshot(String name) {
        browser.screenshot(name);
    }
}
