package cn.talentportal.portal.charts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * ECharts options for the portal's few kinds of charts, built with Jackson so labels (translated by the caller)
 * are escaped properly. Legends and axes sit where a 390-pixel phone still shows them; no animation, so a chart is
 * complete as soon as it is drawn.
 */
public final class ChartOptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChartOptions() {
    }

    /** A named series of values, one per category. */
    public record Series(String name, List<? extends Number> values) {
    }

    /** Vertical bars, one group per category, one bar per series; {@code stacked} piles the series up. */
    public static ObjectNode bars(String title, List<String> categories, List<Series> series, boolean stacked) {
        ObjectNode option = base(title);
        categoryAxis(option.putObject("xAxis"), categories);
        option.putObject("yAxis").put("type", "value").put("minInterval", 1);
        ArrayNode list = option.putArray("series");
        for (Series s : series) {
            ObjectNode node = list.addObject().put("type", "bar").put("name", s.name());
            if (stacked) {
                node.put("stack", "total");
            }
            values(node.putArray("data"), s.values());
        }
        return option;
    }

    /** Lines over categories (e.g. years); a null value leaves a gap (not yet known). */
    public static ObjectNode lines(String title, List<String> categories, List<Series> series, String valueSuffix) {
        ObjectNode option = base(title);
        categoryAxis(option.putObject("xAxis"), categories);
        ObjectNode yAxis = option.putObject("yAxis").put("type", "value");
        if ("%".equals(valueSuffix)) {
            yAxis.put("min", 0).put("max", 100);
        }
        yAxis.putObject("axisLabel").put("formatter", "{value}" + valueSuffix);
        ArrayNode list = option.putArray("series");
        for (Series s : series) {
            ObjectNode node = list.addObject().put("type", "line").put("name", s.name())
                    .put("connectNulls", false);
            values(node.putArray("data"), s.values());
        }
        return option;
    }

    private static ObjectNode base(String title) {
        ObjectNode option = JSON.createObjectNode();
        option.put("animation", false);
        option.putObject("title").put("text", title).put("left", "center")
                .putObject("textStyle").put("fontSize", 14);
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("bottom", 0).put("type", "scroll");
        option.putObject("grid").put("left", 8).put("right", 8).put("top", 40).put("bottom", 40)
                .put("containLabel", true);
        return option;
    }

    private static void categoryAxis(ObjectNode axis, List<String> categories) {
        axis.put("type", "category");
        categories.forEach(axis.putArray("data")::add);
        // long Chinese labels on a phone: wrap them under the bars instead of dropping every other one
        axis.putObject("axisLabel").put("interval", 0).put("width", 96).put("overflow", "break");
    }

    private static void values(ArrayNode data, List<? extends Number> values) {
        for (Number value : values) {
            if (value == null) {
                data.addNull();
            } else if (value instanceof Integer || value instanceof Long) {
                data.add(value.longValue());
            } else {
                data.add(value.doubleValue());
            }
        }
    }
}
