package vn.thidua.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import vn.thidua.domain.participation.ReportVerified;
import vn.thidua.domain.scoring.UnitSubmissions;

/**
 * The one JSON form of stored events. Configured here, not by the framework, so the bytes in the event store
 * never change with an upgrade: ISO dates and instants, plain decimals, unknown fields ignored on read (an older
 * reader can read a newer event).
 */
public final class EventJson {
    private EventJson() {
    }

    public static ObjectMapper mapper() {
        // Events stored before the product's numeric range could hold numbers of thousands of digits in plain
        // form: they must stay readable (StoredJsonRepair then rounds them); no request reaches this mapper.
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(Integer.MAX_VALUE).build())
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .addMixIn(UnitSubmissions.class, UnitSubmissionsJson.class)
                .addMixIn(ReportVerified.class, ReportVerifiedJson.class)
                .build();
    }

    /**
     * A verification that changed no value is written exactly as before cross-inspection: its (empty) reasons are
     * left out; one that changed values carries them, and an older reader ignores the field.
     */
    private abstract static class ReportVerifiedJson {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract java.util.Map<String, String> reasons();
    }

    /**
     * The participation fold is plain domain Java, without Jackson's annotations; an aggregate snapshot holds it, so
     * its fields are its JSON form.
     */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE)
    private abstract static class UnitSubmissionsJson {
        @JsonCreator
        UnitSubmissionsJson(@JsonProperty("unitCode") String unitCode) {
        }
    }
}
