package cn.talentportal.portal.browser;

import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.TestClock;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A test that drives the shared portal through Chromium, in Chinese: one browser at a time, opened desktop- or
 * phone-sized, closed after the test, which also puts the test clock back to now and acts as nobody again.
 */
public abstract class BrowserTestBase extends PortalTestBase {

    @LocalServerPort
    protected int port;
    protected ChineseBrowser browser;
    protected Page page;
    @Autowired
    private TestClock testClock;

    /** A desktop window on the portal, in place of any browser this test had open. */
    protected Page openDesktop() {
        return use(ChineseBrowser.on(port));
    }

    /** A 390-pixel phone on the portal, in place of any browser this test had open. */
    protected Page openPhone() {
        return use(ChineseBrowser.phone(port));
    }

    private Page use(ChineseBrowser opened) {
        if (browser != null) {
            browser.close();
        }
        browser = opened;
        page = opened.page();
        return page;
    }

    @AfterEach
    void closeBrowserAndPutTheClockBack() {
        testClock.reset();
        actAsNobody();
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
