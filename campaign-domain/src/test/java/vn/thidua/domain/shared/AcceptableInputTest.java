package vn.thidua.domain.shared;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.campaign.Content;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.IndicatorKind;
import vn.thidua.domain.campaign.LaunchCampaign;
import vn.thidua.domain.campaign.Period;
import vn.thidua.domain.participation.SubmitReport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AcceptableInputTest {

    @Test
    void theProbesNumbersAreRefusedNamingTheirProblem() {
        assertRefusedAs("1e-1000", "number.too-many-decimals");
        assertRefusedAs("1e25", "number.too-large");
        assertRefusedAs("1e999999999", "number.too-large");
        assertRefusedAs("-1e999999999", "number.too-large");
        assertRefusedAs("1e-400000", "number.too-many-decimals");
        assertRefusedAs("1.23456789012345678", "number.too-many-decimals");
        assertRefusedAs("123456789012.3456", "number.too-precise");
    }

    private static void assertRefusedAs(String number, String code) {
        assertThat(Numbers.problem("v", new BigDecimal(number))).as(number).get()
                .extracting(InvalidValue::code).isEqualTo(code);
    }

    @Test
    void numbersWithinTheRangeAreAccepted() {
        for (String ok : List.of("0", "0E-1000", "-0", "1", "110.00", "999999999999", "-999999999999.999",
                "0.000001", "1.000000000000", "12345678.9", "1E+3", "100E-2")) {
            assertThat(Numbers.problem("v", new BigDecimal(ok))).as(ok).isEmpty();
        }
        assertThat(Numbers.problem("v", new BigDecimal("1000000000000"))).isPresent();
        assertThat(Numbers.problem("v", new BigDecimal("0.0000001"))).isPresent();
    }

    @Property
    void everyAcceptedNumberFitsTheReadModelsColumnsInPlainForm(
            @ForAll @BigRange(min = "-999999999999", max = "999999999999") @Scale(6) BigDecimal n) {
        BigDecimal accepted = n.round(new java.math.MathContext(Numbers.MAX_DIGITS));
        if (Numbers.acceptable(accepted)) {
            String plain = accepted.stripTrailingZeros().toPlainString();
            assertThat(plain.replace("-", "").replace(".", "").length()).isLessThanOrEqualTo(30);
            assertThat(accepted.stripTrailingZeros().scale()).isLessThanOrEqualTo(8);
            assertThat(accepted.abs()).isLessThan(new BigDecimal("1e22"));
        }
    }

    @Test
    void controlAndInvisibleCharactersAreRefusedInNamesAndFreeText() {
        for (String bad : List.of("Yên\u0000Định", "a\u0007b", "x\u007Fy", "x\u0085y", "\u202Eabc", "a\u2066b",
                "a\u200Bb", "a\u200Db", "\uFEFFabc", "a\u061Cb", "lone\uD800", "a\uFFFEb")) {
            assertThat(Text.lineProblem("name", bad)).as(bad).get()
                    .extracting(InvalidValue::code).isEqualTo("text.forbidden-character");
            assertThat(Text.freeTextProblem("reason", bad)).as(bad).isPresent();
        }
        assertThat(Text.lineProblem("name", "Yên Định\nx")).isPresent();
        assertThat(Text.freeTextProblem("reason", "Dòng một\r\nDòng hai\tcột")).isEmpty();
        assertThat(Text.lineProblem("name", "Thiệu Hóa 😀 𝔸")).isEmpty();
        assertThat(Text.lineProblem("name", "x".repeat(Text.MAX_LINE + 1))).get()
                .extracting(InvalidValue::code).isEqualTo("text.too-long");
    }

    @Test
    void aMessageIsWalkedAndTheFieldNamedAsTheContractNamesIt() {
        Indicator good = new Indicator("I1", "Tăng trưởng", "%", IndicatorKind.QUANTITATIVE, null, null,
                BigDecimal.TEN, null, null, null);
        Indicator bad = new Indicator("I2", "Thu ngân sách", "tỷ", IndicatorKind.QUANTITATIVE, null, null,
                new BigDecimal("1e-1000"), null, null, null);
        LaunchCampaign launch = new LaunchCampaign("c", "CUM", 2026, "Phong trào", "TS", LocalDate.of(2026, 3, 1),
                List.of(new Period("Q1", "Quý I", LocalDate.of(2026, 3, 31))),
                List.of(new Content("N1", "Thứ nhất", List.of(good, bad))), null);
        assertThatThrownBy(() -> AcceptableInput.check(launch)).isInstanceOf(InvalidValue.class)
                .extracting("field").isEqualTo("contents[0].indicators[1].weight");

        LaunchCampaign nul = new LaunchCampaign("c", "CUM", 2026, "Phong\u0000trào", "TS", LocalDate.of(2026, 3, 1),
                List.of(), List.of(), null);
        assertThatThrownBy(() -> AcceptableInput.check(nul)).isInstanceOf(InvalidValue.class)
                .extracting("field").isEqualTo("title");

        assertThatThrownBy(() -> AcceptableInput.check(new SubmitReport("c", "U", "Q1",
                Map.of("I1", new BigDecimal("1e25")), null)))
                .isInstanceOf(InvalidValue.class).extracting("field").isEqualTo("values.I1");
        assertThatCode(() -> AcceptableInput.check(new SubmitReport("c", "U", "Q1",
                Map.of("I1", new BigDecimal("12.5")), "Sửa số liệu:\ntheo biên bản"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> AcceptableInput.check(new SubmitReport("c", "U", "Q1",
                Map.of("I1\u200B", BigDecimal.ONE), null)))
                .isInstanceOf(InvalidValue.class).extracting("field").isEqualTo("values");
    }
}
