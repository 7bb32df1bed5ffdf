package vn.thidua.web.excel;

import org.junit.jupiter.api.Test;
import vn.thidua.web.ui.pages.PageQueries;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** "As of 30 June" means the same instant on the dashboard and in the Excel export: the last of that day in Vietnam. */
class AsOfDateTest {
    @Test
    void theDashboardAndTheExportCutADayAtTheSameInstant() {
        Instant export = ExportController.asOf("2021-06-30");
        assertThat(export).isEqualTo(PageQueries.endOfDay(LocalDate.of(2021, 6, 30)))
                .isEqualTo(Instant.parse("2021-06-30T16:59:59.999Z"));
        assertThat(ExportController.asOf("2021-06-30T10:00:00+07:00")).isEqualTo(Instant.parse("2021-06-30T03:00:00Z"));
    }
}
