package cn.talentportal.portal.charts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;

/**
 * An Apache ECharts chart: the option is built in Java (see {@link ChartOptions}) and handed to ECharts in the
 * browser, which draws it on a canvas and redraws it when the element's size changes (a phone turned sideways, a
 * drawer opened). The script comes from the {@code org.webjars:echarts} jar, loaded once per page on first use:
 * no npm, no frontend build.
 * <p>
 * The chart is an image to a screen reader: every view that shows one also shows its figures as a table.
 */
@Tag("div")
public class EChart extends Component implements HasSize {

    /** Must match {@code echarts.version} in the parent pom: the path inside the webjar carries the version. */
    static final String SCRIPT = "webjars/echarts/5.5.0/echarts.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ObjectNode option = JSON.createObjectNode();

    public EChart() {
        addClassName("portal-chart");
        getElement().setAttribute("role", "img");
    }

    public void setOption(ObjectNode option) {
        this.option = option;
        if (isAttached()) {
            render();
        }
    }

    /** The option as sent to ECharts; tests read it to check a chart's figures. */
    public String optionJson() {
        return option.toString();
    }

    /** What a screen reader announces for the chart, e.g. its title. */
    public void setAccessibleName(String name) {
        getElement().setAttribute("aria-label", name);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        render();
    }

    /*
     * The script is relative to the page's base (the portal's root). Loaded by a shared promise so several charts on
     * a page load it once; a ResizeObserver keeps the chart the size of its element.
     */
    private void render() {
        getElement().executeJs("""
                const el = this;
                const option = JSON.parse($0);
                window.portalEcharts = window.portalEcharts || new Promise((resolve, reject) => {
                  if (window.echarts) { resolve(window.echarts); return; }
                  const script = document.createElement('script');
                  script.src = $1;
                  script.onload = () => resolve(window.echarts);
                  script.onerror = reject;
                  document.head.appendChild(script);
                });
                window.portalEcharts.then(echarts => {
                  const chart = echarts.getInstanceByDom(el) || echarts.init(el, null, { renderer: 'canvas' });
                  chart.setOption(option, true);
                  if (!el.portalResize) {
                    el.portalResize = new ResizeObserver(() => chart.resize());
                    el.portalResize.observe(el);
                  }
                });
                """, optionJson(), SCRIPT);
    }
}
