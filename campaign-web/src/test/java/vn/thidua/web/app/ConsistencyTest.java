package vn.thidua.web.app;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code Consistency} header as the API reads it. */
class ConsistencyTest {

    @Test
    void waitWithoutNamesMeansEveryProjection() {
        Consistency c = Consistency.fromHeader("wait");
        assertThat(c.await()).isTrue();
        assertThat(c.allProjections()).isTrue();
        assertThat(Consistency.fromHeader(" Wait ").await()).isTrue();
    }

    @Test
    void namedProjectionsAreWaitedForAlone() {
        Consistency c = Consistency.fromHeader("wait; projections=league-table, audit");
        assertThat(c.await()).isTrue();
        assertThat(c.projections()).containsExactly("league-table", "audit");
    }

    @Test
    void anythingElseAnswersOnceStored() {
        for (String header : new String[]{null, "", "eventual", "no-wait"}) {
            assertThat(Consistency.fromHeader(header).await()).as(header).isFalse();
        }
        assertThat(Consistency.STORED.projections()).isEqualTo(List.of());
    }
}
