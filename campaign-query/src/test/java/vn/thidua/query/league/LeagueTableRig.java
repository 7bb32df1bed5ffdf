package vn.thidua.query.league;

import vn.thidua.eventstore.EventTable;
import vn.thidua.query.projection.ProjectionStates;
import vn.thidua.query.testsupport.TestEventStore;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The league-table projection's parts over a fresh test event store, at a fixed clock (1 August 2025). */
final class LeagueTableRig {
    final TestEventStore store = new TestEventStore();
    final Clock clock = Clock.fixed(Instant.parse("2025-08-01T00:00:00Z"), ZoneOffset.UTC);
    final EventTable events = new EventTable(store.jdbc, store.transactions);
    final ProjectionStates states = new ProjectionStates(store.jdbc, clock);
    final LeagueTableStore tables = new LeagueTableStore(store.jdbc);
    final CampaignHistories histories = new CampaignHistories(events);

    /** A projection over these parts; a second one is the projection after a restart, with nothing in memory. */
    LeagueTableProjection projection() {
        return new LeagueTableProjection(histories, tables, states, clock);
    }

    LeagueTableQueries queries() {
        return new LeagueTableQueries(tables, histories, events, clock);
    }
}
