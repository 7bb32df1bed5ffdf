package vn.thidua.web.ui.pages;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.scoring.LeagueTable;
import vn.thidua.query.league.LeagueTableQueries;
import vn.thidua.query.league.StoredLeagueTable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The watcher compares the stored table's stamp: any new write or generation changes what it sees. */
class LeagueTableWatcherTest {
    private final LeagueTableQueries queries = mock(LeagueTableQueries.class);
    private final LeagueTableWatcher watcher = new LeagueTableWatcher(queries);

    @AfterEach
    void stop() {
        watcher.stop();
    }

    private static Optional<StoredLeagueTable> stored(int generation, long position, String at) {
        return Optional.of(new StoredLeagueTable(new StoredLeagueTable.Stamp(generation, position, at),
                new LeagueTable("c", 1, Instant.EPOCH, List.of())));
    }

    @Test
    void theFingerprintIsTheStoredStamp() {
        when(queries.stored("c")).thenReturn(Optional.empty());
        assertThat(watcher.fingerprint("c")).isEqualTo(LeagueTableWatcher.NONE);

        when(queries.stored("c")).thenReturn(stored(0, 10, "2025-08-01T00:00:00Z"));
        String first = watcher.fingerprint("c");
        assertThat(first).isEqualTo(stored(0, 10, "2025-08-01T00:00:00Z").orElseThrow().stamp().etag());
        assertThat(watcher.fingerprint("c")).isEqualTo(first);

        when(queries.stored("c")).thenReturn(stored(0, 10, "2025-08-01T00:00:01Z"));
        assertThat(watcher.fingerprint("c")).as("a rewrite at the same position").isNotEqualTo(first);
        when(queries.stored("c")).thenReturn(stored(1, 10, "2025-08-01T00:00:00Z"));
        assertThat(watcher.fingerprint("c")).as("a generation switch").isNotEqualTo(first);
    }
}
