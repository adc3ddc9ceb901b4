package cn.talentportal.infra.eventstore;

import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import javax.annotation.Nonnull;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's {@link JacksonSerializer} with two costs of every read taken out (decision 0036); what it reads is the same.
 * <ul>
 *   <li>Axon resolves the class of a serialized type by name at each read (Jackson's {@code Class.forName}, a class
 *       loader lookup): here a type found once is remembered. Unknown types are left to Axon, which remembers them.</li>
 *   <li>The store keeps payloads and metadata as JSON strings; Axon converts each to UTF-8 bytes first, through its
 *       converter chain, and parses the bytes. Here a string is parsed as it is.</li>
 * </ul>
 * In a replay both were a fifth of the processor thread (docs/benchmarks.md, "Read ahead").
 */
public class PortalJacksonSerializer extends JacksonSerializer {

    /** By type name: the class does not depend on the revision, nor on which SerializedType class carries the name. */
    private final Map<String, Class<?>> knownTypes = new ConcurrentHashMap<>();

    PortalJacksonSerializer(JacksonSerializer.Builder builder) {
        super(builder);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(@Nonnull SerializedType type) {
        Class<?> known = knownTypes.get(type.getName());
        if (known != null) {
            return known;
        }
        Class<?> resolved = super.classForType(type);
        if (resolved != UnknownSerializedType.class) {
            knownTypes.putIfAbsent(type.getName(), resolved);
        }
        return resolved;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(@Nonnull SerializedObject<S> serializedObject) {
        if (!(serializedObject.getData() instanceof String json)
                || SerializedType.emptyType().equals(serializedObject.getType())) {
            return super.deserialize(serializedObject);
        }
        Class<?> type = classForType(serializedObject.getType());
        if (UnknownSerializedType.class.isAssignableFrom(type)) {
            return super.deserialize(serializedObject);
        }
        try {
            return (T) getReader(type).readValue(json);
        } catch (IOException e) {
            throw new SerializationException("Error while deserializing object", e);
        }
    }
}
