package vn.thidua.domain.campaign;

import java.util.List;

/** A nội dung thi đua (Thứ nhất … Thứ chín): a group of indicators. */
public record Content(String code, String title, List<Indicator> indicators) {
    public Content {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }
}
