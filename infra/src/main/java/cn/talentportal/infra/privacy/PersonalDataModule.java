package cn.talentportal.infra.privacy;

import cn.talentportal.domain.shared.PersonalData;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.ser.Serializers;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/**
 * Jackson (2, Axon's) module that encrypts every value whose type is annotated {@link PersonalData} with the key of
 * the {@link PersonalDataSubject} being written: {@code {"pd":1,"k":"<subject>","c":"<base64 nonce+ciphertext>"}}.
 * Reading needs no context (the envelope names its key): an erased key reads as {@code null}, a plaintext value
 * written before this module (legacy) reads as it is, a changed envelope is refused.
 */
public class PersonalDataModule extends SimpleModule {

    static final String MARKER = "pd";
    static final String KEY_ID = "k";
    static final String CIPHERTEXT = "c";

    private final transient PersonalDataKeys keys;
    /** Writes and reads the value object itself (its plaintext JSON), without this module. */
    private final transient ObjectMapper plain = new ObjectMapper();

    public PersonalDataModule(PersonalDataKeys keys) {
        super("personal-data");
        this.keys = keys;
    }

    static boolean isPersonal(Class<?> type) {
        return type.isAnnotationPresent(PersonalData.class);
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addSerializers(new Serializers.Base() {
            @Override
            public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription bean) {
                return isPersonal(type.getRawClass()) ? new EncryptingSerializer() : null;
            }
        });
        context.addDeserializers(new Deserializers.Base() {
            @Override
            public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                                                            BeanDescription bean) {
                return isPersonal(type.getRawClass()) ? new DecryptingDeserializer(type) : null;
            }
        });
    }

    private final class EncryptingSerializer extends JsonSerializer<Object> {

        @Override
        public void serialize(Object value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            String subject = PersonalDataSubject.current();
            if (subject == null) {
                throw new PersonalDataWithoutSubjectException(value.getClass());
            }
            Optional<SecretKey> key = keys.forWriting(subject);
            if (key.isEmpty()) {
                generator.writeNull(); // the subject was erased: nothing personal is stored about them again
                return;
            }
            byte[] sealed = PersonalDataCipher.encrypt(key.get(), plain.writeValueAsBytes(value), subject);
            generator.writeStartObject();
            generator.writeNumberField(MARKER, 1);
            generator.writeStringField(KEY_ID, subject);
            generator.writeStringField(CIPHERTEXT, Base64.getEncoder().encodeToString(sealed));
            generator.writeEndObject();
        }
    }

    private final class DecryptingDeserializer extends JsonDeserializer<Object> {

        private final JavaType type;

        DecryptingDeserializer(JavaType type) {
            this.type = type;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.has(MARKER)) {
                return plain.treeToValue(node, type); // legacy plaintext, written before encryption
            }
            String subject = node.path(KEY_ID).asText(null);
            String ciphertext = node.path(CIPHERTEXT).asText(null);
            if (subject == null || ciphertext == null) {
                throw new TamperedPersonalDataException(String.valueOf(subject));
            }
            Optional<SecretKey> key = keys.forReading(subject);
            if (key.isEmpty()) {
                return null; // erased (crypto-shredded): shown as erased, never an error
            }
            byte[] sealed;
            try {
                sealed = Base64.getDecoder().decode(ciphertext);
            } catch (IllegalArgumentException e) {
                throw new TamperedPersonalDataException(subject);
            }
            return plain.readValue(PersonalDataCipher.decrypt(key.get(), sealed, subject), type);
        }
    }
}
