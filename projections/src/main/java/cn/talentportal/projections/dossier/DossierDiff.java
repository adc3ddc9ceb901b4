package cn.talentportal.projections.dossier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two dossiers of a candidate, line by line (lines are matched by path), in section order:
 * the later dossier's order, with what disappeared shown where it stood before.
 */
public record DossierDiff(List<Change> changes) {

    public DossierDiff {
        changes = List.copyOf(changes);
    }

    public enum Kind {
        ADDED, REMOVED, CHANGED
    }

    /** {@code before} is null for an added line, {@code after} for a removed one. */
    public record Change(Kind kind, String sectionKey, String sectionTitleKey, String path, String labelKey,
                         Object before, Object after) {
    }

    public static DossierDiff between(CandidateDossier before, CandidateDossier after) {
        Map<String, DossierSection> earlier = byKey(before.sections(), DossierSection::key);
        Map<String, DossierSection> later = byKey(after.sections(), DossierSection::key);
        List<Change> changes = new ArrayList<>();
        for (String key : inOrder(List.copyOf(earlier.keySet()), List.copyOf(later.keySet()))) {
            DossierSection was = earlier.get(key);
            DossierSection is = later.get(key);
            DossierSection section = is != null ? is : was;
            Map<String, DossierLine> wasLines = byKey(was == null ? List.of() : was.lines(), DossierLine::path);
            Map<String, DossierLine> isLines = byKey(is == null ? List.of() : is.lines(), DossierLine::path);
            for (String path : inOrder(List.copyOf(wasLines.keySet()), List.copyOf(isLines.keySet()))) {
                DossierLine old = wasLines.get(path);
                DossierLine now = isLines.get(path);
                if (old == null) {
                    changes.add(new Change(Kind.ADDED, key, section.titleKey(), path, now.labelKey(), null,
                            now.value()));
                } else if (now == null) {
                    changes.add(new Change(Kind.REMOVED, key, section.titleKey(), path, old.labelKey(), old.value(),
                            null));
                } else if (!same(old.value(), now.value())) {
                    changes.add(new Change(Kind.CHANGED, key, section.titleKey(), path, now.labelKey(), old.value(),
                            now.value()));
                }
            }
        }
        return new DossierDiff(changes);
    }

    public List<Change> added() {
        return of(Kind.ADDED);
    }

    public List<Change> removed() {
        return of(Kind.REMOVED);
    }

    public List<Change> changed() {
        return of(Kind.CHANGED);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    private List<Change> of(Kind kind) {
        return changes.stream().filter(change -> change.kind() == kind).toList();
    }

    /** 85.50 and 85.5 are the same score. */
    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(key.apply(item), item));
        return map;
    }

    /** The later keys in their order, each earlier-only key placed right after the key it followed before. */
    static List<String> inOrder(List<String> before, List<String> after) {
        List<String> merged = new ArrayList<>(after);
        for (int i = 0; i < before.size(); i++) {
            String key = before.get(i);
            if (merged.contains(key)) {
                continue;
            }
            int at = 0;
            for (int j = i - 1; j >= 0; j--) {
                int predecessor = merged.indexOf(before.get(j));
                if (predecessor >= 0) {
                    at = predecessor + 1;
                    break;
                }
            }
            merged.add(at, key);
        }
        return merged;
    }
}
