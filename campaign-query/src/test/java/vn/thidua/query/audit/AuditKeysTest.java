package vn.thidua.query.audit;

import org.junit.jupiter.api.Test;
import vn.thidua.query.support.StoredEventFormTest;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit row's keys come from the interfaces the events share; they are exactly what the record components named
 * campaignId, unitCode and periodCode held (how the keys were read before, by reflection), for every event.
 */
class AuditKeysTest {

    @Test
    void everyEventsKeysAreItsCampaignUnitAndPeriodComponents() throws Exception {
        for (Map.Entry<String, Object> e : StoredEventFormTest.events().entrySet()) {
            assertThat(AuditProjection.keys(e.getValue())).as(e.getKey()).containsExactly(components(e.getValue()));
        }
        assertThat(AuditProjection.keys(null)).containsOnlyNulls();
    }

    private static String[] components(Object event) throws ReflectiveOperationException {
        String[] keys = new String[3];
        List<String> names = List.of("campaignId", "unitCode", "periodCode");
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            int i = names.indexOf(component.getName());
            if (i >= 0 && component.getType() == String.class) {
                keys[i] = (String) component.getAccessor().invoke(event);
            }
        }
        return keys;
    }
}
