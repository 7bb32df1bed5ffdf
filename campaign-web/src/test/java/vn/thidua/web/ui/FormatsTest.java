package vn.thidua.web.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {
    private final Formats fmt = new Formats();

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void negativesTakeTheOneMinusSign() {
        LocaleContextHolder.setLocale(UiConfig.VIETNAMESE);
        assertThat(fmt.number(new BigDecimal("-2.5"))).isEqualTo("\u22122,5");
        assertThat(fmt.number(new BigDecimal("-1234.567"), 2)).isEqualTo("\u22121.234,57");
        assertThat(fmt.number(new BigDecimal("3"))).isEqualTo("3");
        assertThat(fmt.percent(new BigDecimal("-0.125"))).contains("\u221212,5").doesNotContain("-");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.number(new BigDecimal("-2.5"))).isEqualTo("\u22122.5");
    }

    @Test
    void isoDatesInNotesAreWrittenDayMonthYear() {
        assertThat(Formats.datesInText("Quyết định 12/QĐ-UBND ngày 2021-12-30, báo cáo 2021-07-13."))
                .isEqualTo("Quyết định 12/QĐ-UBND ngày 30/12/2021, báo cáo 13/07/2021.");
        assertThat(Formats.datesInText("lúc 2021-12-30T10:00:00Z")).isEqualTo("lúc 2021-12-30T10:00:00Z");
        assertThat(Formats.datesInText("mã 12021-12-301")).isEqualTo("mã 12021-12-301");
        assertThat(Formats.datesInText(null)).isNull();
    }
}
