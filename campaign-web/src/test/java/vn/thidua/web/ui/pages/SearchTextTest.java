package vn.thidua.web.ui.pages;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

    @Test
    void foldsAccentsToneMarksAndDd() {
        assertThat(SearchText.fold("Yên Định")).isEqualTo("yen dinh");
        assertThat(SearchText.fold("Cụm thi đua số II – tỉnh Thanh Hóa")).isEqualTo("cum thi dua so ii tinh thanh hoa");
        // Decomposed input (NFD) folds the same as composed.
        assertThat(SearchText.fold("Thie\u0302\u0301u Ho\u0301a")).isEqualTo("thieu hoa");
        assertThat(SearchText.fold(null)).isEmpty();
    }

    @Test
    void everyWordTypedMustOccur() {
        assertThat(SearchText.matches(SearchText.words("yen dinh"), "Yên Định")).isTrue();
        assertThat(SearchText.matches(SearchText.words("ĐỊNH yên"), "Yên Định")).isTrue();
        assertThat(SearchText.matches(SearchText.words("yen dinh"), "Yên Thành")).isFalse();
        assertThat(SearchText.matches(SearchText.words("cờ"), "Bằng khen", "Cờ thi đua")).isTrue();
        assertThat(SearchText.matches(List.of(), "Yên Định")).isFalse();
        assertThat(SearchText.words("   ")).isEmpty();
    }
}
