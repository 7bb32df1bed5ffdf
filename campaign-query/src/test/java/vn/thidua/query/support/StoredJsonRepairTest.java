package vn.thidua.query.support;

import vn.thidua.eventstore.EventJson;
import vn.thidua.eventstore.StoredJsonRepair;
import vn.thidua.eventstore.StoredValueUpcaster;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.cluster.ClusterRegistered;
import vn.thidua.domain.participation.PledgeSubmitted;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.eventstore.EventTable;
import vn.thidua.eventstore.StoredEvent;
import vn.thidua.query.testsupport.TestEventStore;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Events stored before the numeric range and the text rule, as the old code wrote them (plain-form numbers of a
 * thousand digits, 1e25, a NUL in a name), read back through both readers: the direct event-table reader and Axon's
 * upcaster chain. Both see the same repaired event; clean events read unchanged.
 */
class StoredJsonRepairTest {
    private static final String REPORT = ReportSubmitted.class.getName();
    /** 1e-1000 as the old writer stored it (plain form: 1,002 characters, more than Jackson's default 1,000). */
    private static final String TINY = "0." + "0".repeat(999) + "1";
    /** 1e25 in plain form: storable in no DECIMAL(30, 8) column. */
    private static final String HUGE = "1" + "0".repeat(25);

    private static byte[] report(String revValue) {
        return ("{\"participationId\":\"participation:c1:U2\",\"campaignId\":\"c1\",\"unitCode\":\"U2\","
                + "\"periodCode\":\"H1\",\"values\":{\"REV\":" + revValue + ",\"POOR\":3.5},\"late\":false}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theDefaultJacksonReaderRefusesWhatTheOldWriterStored() {
        // The failure this repair exists for: a thousand-digit number is refused by a mapper with default limits.
        assertThatThrownBy(() -> new com.fasterxml.jackson.databind.ObjectMapper().readTree(report(TINY)))
                .hasMessageContaining("Number value length");
    }

    @Test
    void theEventTableReadsRepairedValues() {
        TestEventStore store = new TestEventStore();
        EventTable table = new EventTable(store.jdbc, store.transactions);
        Instant at = Instant.parse("2021-06-01T03:00:00Z");
        store.appendRaw("participation:c1:U2", "Participation", REPORT, report(TINY), at);
        store.appendRaw("participation:c1:U3", "Participation", REPORT, report(HUGE), at);
        store.appendRaw("participation:c1:U4", "Participation", REPORT, report("120.5"), at);
        List<StoredEvent> events = new ArrayList<>();
        table.forEach(0, Long.MAX_VALUE, events::add);

        ReportSubmitted tiny = (ReportSubmitted) events.get(0).payload();
        assertThat(tiny.values().get("REV")).isEqualByComparingTo("0");
        assertThat(tiny.values().get("POOR")).isEqualByComparingTo("3.5");
        ReportSubmitted huge = (ReportSubmitted) events.get(1).payload();
        assertThat(huge.values()).containsOnlyKeys("POOR");
        ReportSubmitted clean = (ReportSubmitted) events.get(2).payload();
        assertThat(clean.values()).containsEntry("REV", new BigDecimal("120.5"));
    }

    @Test
    void axonsUpcasterChainReadsTheSameRepairedEvents() {
        Serializer serializer = JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
        assertThat(readThroughAxon(serializer, REPORT, report(TINY)))
                .isEqualTo(new ReportSubmitted("participation:c1:U2", "c1", "U2", "H1",
                        Map.of("REV", new BigDecimal("0"), "POOR", new BigDecimal("3.5")), false));
        ReportSubmitted huge = (ReportSubmitted) readThroughAxon(serializer, REPORT, report(HUGE));
        assertThat(huge.values()).containsOnlyKeys("POOR");

        byte[] cluster = ("{\"clusterCode\":\"CII\",\"name\":\"Cụm\\u0000 số II\",\"members\":[{\"code\":\"U1\","
                + "\"name\":\"Yên\u200B Định\",\"kind\":\"DISTRICT\"}],\"headUnit\":\"U1\"}")
                .getBytes(StandardCharsets.UTF_8);
        ClusterRegistered registered = (ClusterRegistered) readThroughAxon(serializer,
                ClusterRegistered.class.getName(), cluster);
        assertThat(registered.name()).isEqualTo("Cụm số II");
        assertThat(registered.members().get(0).name()).isEqualTo("Yên Định");
    }

    @Test
    void theRemovedValueIsKeptAsTextForTheAudit() throws Exception {
        var tree = EventJson.mapper().readTree(report(HUGE));
        assertThat(StoredJsonRepair.repair(tree)).isTrue();
        assertThat(tree.path("values").has("REV")).isFalse();
        assertThat(tree.path(StoredJsonRepair.UNREADABLE_VALUES).path("values.REV").asText()).isEqualTo(HUGE);
        var clean = EventJson.mapper().readTree(report("120.5"));
        assertThat(StoredJsonRepair.repair(clean)).isFalse();
    }

    @Test
    void thePrefilterLetsCleanVietnameseEventsThroughUntouched() throws Exception {
        byte[] pledge = EventJson.mapper().writeValueAsBytes(new PledgeSubmitted("participation:c1:U2", "c1", "U2",
                Map.of("TANG_TRUONG", new BigDecimal("8.5"), "THU_NGAN_SACH", new BigDecimal("100"))));
        assertThat(StoredJsonRepair.mayNeedRepair(pledge)).isFalse();
        byte[] names = ("{\"name\":\"Huyện Thiệu Hóa – Đông Sơn “Cụm II” … Ngọc Lặc\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(StoredJsonRepair.mayNeedRepair(names)).isFalse();
        assertThat(StoredJsonRepair.mayNeedRepair("{\"n\":\"a\u202Eb\"}".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(StoredJsonRepair.mayNeedRepair("{\"n\":\"a\\u0000b\"}".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(StoredJsonRepair.mayNeedRepair(report(TINY))).isTrue();
    }

    private static Object readThroughAxon(Serializer serializer, String type, byte[] payload) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Participation", "s-1", 0,
                UUID.randomUUID().toString(), Instant.parse("2021-06-01T03:00:00Z"), type, null, payload,
                "{}".getBytes(StandardCharsets.UTF_8));
        EventUpcasterChain chain = new EventUpcasterChain(new StoredValueUpcaster());
        IntermediateEventRepresentation upcast = chain.upcast(
                java.util.stream.Stream.of(new InitialEventRepresentation(entry, serializer))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        SerializedObject<Object> data = (SerializedObject<Object>) upcast.getData();
        return serializer.deserialize(data);
    }
}
