package cn.talentportal.portal.reference;

import cn.talentportal.domain.shared.DomainRuleViolation;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The towns and townships of the district, as forms offer them and filters list them: reference data the
 * administrators keep (add a town, give its English name, retire one). Events store a town by its Chinese name,
 * which never changes once used; the English name is only how English readers see it.
 */
@Component
public class Towns {

    public record Town(String name, String englishName, boolean active, int position) {
    }

    /** The district's towns on a first start, with their pinyin names. */
    static final List<Town> DISTRICT = List.of(new Town("城关镇", "Chengguan Town", true, 0),
            new Town("青山镇", "Qingshan Town", true, 1), new Town("河口镇", "Hekou Town", true, 2),
            new Town("石桥镇", "Shiqiao Town", true, 3), new Town("龙泉镇", "Longquan Town", true, 4),
            new Town("新华镇", "Xinhua Town", true, 5), new Town("白云乡", "Baiyun Township", true, 6),
            new Town("桃花乡", "Taohua Township", true, 7));
    private static final Pattern CHINESE_NAME = Pattern.compile("\\p{IsHan}{2,12}");
    private static final Pattern ENGLISH_NAME = Pattern.compile("[A-Za-z][A-Za-z' .-]{1,59}");

    private final MongoCollection<Document> towns;
    private final Clock clock;
    private final Map<String, String> englishNames = new ConcurrentHashMap<>();

    public Towns(MongoDatabase database, Clock clock) {
        this.towns = database.getCollection("reference_towns");
        this.clock = clock;
        if (towns.countDocuments() == 0) {
            for (Town town : DISTRICT) {
                towns.replaceOne(Filters.eq("_id", town.name()),
                        document(town.name(), town.englishName(), true, town.position(), "system"),
                        new ReplaceOptions().upsert(true));
            }
        }
        register().forEach(t -> englishNames.put(t.name(), t.englishName()));
    }

    /** The towns forms offer, in the office's order. */
    public List<String> all() {
        return register().stream().filter(Town::active).map(Town::name).toList();
    }

    /** Every town ever listed, retired ones too. */
    public List<Town> register() {
        return towns.find().sort(Sorts.ascending("position")).map(d -> new Town(d.getString("_id"),
                d.getString("englishName"), d.getBoolean("active", true), d.getInteger("position", 0)))
                .into(new ArrayList<>());
    }

    /** How a reader of this language sees the town: its English name in English, else the name as stored. */
    public String label(String name, Locale locale) {
        if (name == null || Locale.CHINESE.getLanguage().equals(locale.getLanguage())) {
            return name;
        }
        return englishNames.getOrDefault(name, name);
    }

    public void add(String name, String englishName, String byUserId) {
        String chinese = checkedChinese(name);
        String english = checkedEnglish(englishName);
        if (towns.find(Filters.eq("_id", chinese)).first() != null) {
            throw new DomainRuleViolation("reference.town.exists", chinese);
        }
        int position = (int) towns.countDocuments();
        towns.insertOne(document(chinese, english, true, position, byUserId));
        englishNames.put(chinese, english);
    }

    public void rename(String name, String englishName, String byUserId) {
        String english = checkedEnglish(englishName);
        towns.updateOne(Filters.eq("_id", name), Updates.combine(Updates.set("englishName", english),
                Updates.set("changedBy", byUserId), Updates.set("changedAt", Date.from(clock.instant()))));
        englishNames.put(name, english);
    }

    /** A retired town leaves the forms; what was recorded with it keeps it. */
    public void setActive(String name, boolean active, String byUserId) {
        towns.updateOne(Filters.eq("_id", name), Updates.combine(Updates.set("active", active),
                Updates.set("changedBy", byUserId), Updates.set("changedAt", Date.from(clock.instant()))));
    }

    private Document document(String name, String englishName, boolean active, int position, String byUserId) {
        return new Document("_id", name).append("englishName", englishName).append("active", active)
                .append("position", position).append("changedBy", byUserId)
                .append("changedAt", Date.from(clock.instant()));
    }

    private static String checkedChinese(String name) {
        String stripped = name == null ? "" : name.strip();
        if (!CHINESE_NAME.matcher(stripped).matches()) {
            throw new DomainRuleViolation("reference.town.name");
        }
        return stripped;
    }

    private static String checkedEnglish(String englishName) {
        String stripped = englishName == null ? "" : englishName.strip();
        if (!ENGLISH_NAME.matcher(stripped).matches()) {
            throw new DomainRuleViolation("reference.town.englishName");
        }
        return stripped;
    }
}
