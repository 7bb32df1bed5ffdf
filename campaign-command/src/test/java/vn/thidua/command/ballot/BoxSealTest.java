package vn.thidua.command.ballot;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoxSealTest {
    private static final String BALLOT = "{\"U1:PROVINCIAL_FLAG\":\"AGAINST\"}";
    private final byte[] key = new byte[32];

    {
        Arrays.fill(key, (byte) 7);
    }

    @Test
    void aSealedBallotShowsNoChoiceAndOpensWithTheKey() {
        BoxSeal seal = new BoxSeal(key);
        String sealed = seal.seal("b1", BALLOT);
        assertThat(sealed).startsWith(BoxSeal.PREFIX).doesNotContain("AGAINST").doesNotContain("U1");
        assertThat(seal.seal("b1", BALLOT)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(seal.open("b1", sealed)).isEqualTo(BALLOT);
    }

    @Test
    void aSealedBallotOpensOnlyForItsOwnBallotAndKey() {
        String sealed = new BoxSeal(key).seal("b1", BALLOT);
        assertThatThrownBy(() -> new BoxSeal(key).open("b2", sealed)).isInstanceOf(IllegalStateException.class);
        byte[] other = key.clone();
        other[0] = 1;
        assertThatThrownBy(() -> new BoxSeal(other).open("b1", sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new BoxSeal(null).open("b1", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAKeyBallotsAreKeptAsTheyAre() {
        BoxSeal none = BoxSeal.fromBase64(" ");
        assertThat(none.sealing()).isFalse();
        assertThat(none.seal("b1", BALLOT)).isEqualTo(BALLOT);
        assertThat(new BoxSeal(key).open("b1", BALLOT)).as("a ballot dropped before a key was set").isEqualTo(BALLOT);
    }

    @Test
    void aKeyIsOfAnAesLength() {
        assertThatThrownBy(() -> new BoxSeal(new byte[10])).isInstanceOf(IllegalArgumentException.class);
    }
}
