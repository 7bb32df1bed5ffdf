package vn.thidua.web.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.text.Normalizer;

/**
 * Vietnamese text arrives composed or decomposed depending on the keyboard (Unikey, macOS, phones). Every string
 * read from a request is normalised to NFC, so "Hóa" typed two ways is one name and one code.
 */
@Configuration
public class NfcJsonConfig {

    public static String nfc(String s) {
        return s == null || Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    @Bean
    public Jackson2ObjectMapperBuilderCustomizer nfcStrings() {
        SimpleModule module = new SimpleModule("nfc-strings");
        module.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return nfc(super.deserialize(p, ctxt));
            }
        });
        return builder -> builder.modulesToInstall(module);
    }
}
