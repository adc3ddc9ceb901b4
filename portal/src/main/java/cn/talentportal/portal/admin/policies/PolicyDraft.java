package cn.talentportal.portal.admin.policies;

import cn.talentportal.domain.retention.AllowanceType;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/** A policy version as the administrator types it: caps left empty are types the version does not cover. */
class PolicyDraft {

    String name;
    LocalDate effectiveFrom;
    final Map<AllowanceType, Integer> caps = new EnumMap<>(AllowanceType.class);
    String reason;
}
