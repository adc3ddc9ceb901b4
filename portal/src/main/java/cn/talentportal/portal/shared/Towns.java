package cn.talentportal.portal.shared;

import java.util.List;

/** The towns of the office's district, offered in forms; reference data administrators will manage later. */
public final class Towns {

    public static final List<String> ALL = List.of("城关镇", "青山镇", "河口镇", "石桥镇", "龙泉镇", "新华镇", "白云乡", "桃花乡");

    private Towns() {
    }
}
