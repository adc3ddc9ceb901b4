package cn.talentportal.portal;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * One shell for every view: Lumo, the portal's stylesheet, a viewport that fits phones, and server push (over a
 * websocket), so a view changes when another user's action reaches its read model.
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/portal.css")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1, viewport-fit=cover")
@PWA(name = "人才服务平台", shortName = "人才平台")
public class AppShell implements AppShellConfigurator {
}
