package vn.thidua.domain.participation;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A period's report as the unit filed it, first or corrected: the values it reports and whether it came after the
 * period's due date.
 */
public interface ReportFiled extends ReportEvent {
    Map<String, BigDecimal> values();

    boolean late();
}
