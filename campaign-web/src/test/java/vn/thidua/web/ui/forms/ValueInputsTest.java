package vn.thidua.web.ui.forms;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11: a number typed in a form is the number meant, or it is refused; never off by a factor of ten. */
class ValueInputsTest {

    @Test
    void aDecimalCommaOrPointIsTheDecimal() {
        assertThat(ValueInputs.number("8,5")).isEqualByComparingTo("8.5");
        assertThat(ValueInputs.number("8.5")).isEqualByComparingTo("8.5");
        assertThat(ValueInputs.number(" 95,25 ")).isEqualByComparingTo("95.25");
        assertThat(ValueInputs.number("-0,125")).isEqualByComparingTo("-0.125");
        assertThat(ValueInputs.number("0.125")).isEqualByComparingTo("0.125");
        assertThat(ValueInputs.number("12,5000")).isEqualByComparingTo("12.5");
        assertThat(ValueInputs.number("1234")).isEqualByComparingTo("1234");
        assertThat(ValueInputs.number("1 234,5")).isEqualByComparingTo("1234.5");
        assertThat(ValueInputs.number("1\u00a0234")).isEqualByComparingTo("1234");
    }

    @Test
    void thousandsSeparatorsAndWhatCouldBeOneAreRefusedNotGuessed() {
        for (String s : new String[]{"1.234,5", "1,234.5", "1.234.567", "1,234,567", "1.234", "1,234", "-12.500"}) {
            assertThat(ValueInputs.number(s)).as(s).isNull();
            assertThat(ValueInputs.ambiguous(s)).as(s).isTrue();
            assertThat(ValueInputs.numberError(s)).as(s).isEqualTo("field.number-grouping");
        }
        assertThat(ValueInputs.number("abc")).isNull();
        assertThat(ValueInputs.numberError("abc")).isEqualTo("field.not-a-number");
        assertThat(ValueInputs.numberError("8,5")).isNotEqualTo("field.number-grouping");
    }

    @Test
    void neverAFactorOfTen() {
        BigDecimal typed = ValueInputs.number("8,5");
        assertThat(typed).isNotEqualByComparingTo("85");
    }
}
