package vn.thidua.query.league;

import vn.thidua.domain.campaign.LeagueTableApproved;
import vn.thidua.domain.scoring.SelfScore;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.eventstore.EventTable;
import vn.thidua.eventstore.StoredEvent;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import vn.thidua.domain.campaign.ScoringRules;
import vn.thidua.domain.query.LeagueTablePreviewQuery;
import vn.thidua.domain.query.LeagueTableQuery;
import vn.thidua.domain.scoring.CampaignHistory;
import vn.thidua.domain.scoring.LeagueTable;
import vn.thidua.domain.scoring.LeagueTableCalculator;
import vn.thidua.domain.shared.NotFound;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * League tables: the current one from the projection's table (kept in memory, checked against the database on every
 * read: {@link LeagueTableCache}); any past instant, any published rule version, or a draft rule set computed from
 * the event store with the same scoring component.
 */
@Component
public class LeagueTableQueries {
    private final CampaignHistories histories;
    private final EventTable events;
    private final LeagueTableCalculator calculator = new LeagueTableCalculator();
    private final Clock clock;
    private final LeagueTableCache cache;

    public LeagueTableQueries(LeagueTableStore store, CampaignHistories histories, EventTable events, Clock clock) {
        this.histories = histories;
        this.events = events;
        this.clock = clock;
        this.cache = new LeagueTableCache(store, LeagueTableCache.DEFAULT_SIZE);
    }

    /**
     * The campaign's current table as the projection stored it, with the stamp of that write (for HTTP validators);
     * empty while the projection has stored none for it. Served from memory after one indexed check per call.
     */
    public Optional<StoredLeagueTable> stored(String campaignId) {
        return cache.current(campaignId);
    }

    @QueryHandler
    public LeagueTable handle(LeagueTableQuery query) {
        if (query.asOf() == null && query.rulesVersion() == null) {
            Optional<StoredLeagueTable> stored = cache.current(query.campaignId());
            if (stored.isPresent()) {
                return stored.get().table();
            }
        }
        Instant asOf = query.asOf() != null ? query.asOf() : clock.instant();
        CampaignHistory history = at(query.campaignId(), query.asOf());
        ScoringRules rules = history.terms().rules();
        if (query.rulesVersion() != null) {
            // A version published after the instant still applies: recomputing the past under new rules is the point.
            // Without an instant the history just folded is the current one: it is not read a second time.
            CampaignHistory current = query.asOf() == null ? history : histories.current(query.campaignId()).history();
            rules = current.terms().rulesVersion(query.rulesVersion())
                    .orElseThrow(() -> new NotFound("rule version", query.rulesVersion() + " of campaign "
                            + query.campaignId()));
        }
        return calculator.score(history.terms(), rules, history.units(), asOf);
    }

    @QueryHandler
    public LeagueTable handle(LeagueTablePreviewQuery query) {
        Instant asOf = query.asOf() != null ? query.asOf() : clock.instant();
        CampaignHistory history = at(query.campaignId(), query.asOf());
        return calculator.score(history.terms(), query.draft(), history.units(), asOf);
    }

    /** The self-score table (tự chấm): every unit on its own reported values, as of an instant or now. */
    public LeagueTable selfScore(String campaignId, Instant asOf) {
        CampaignHistory history = at(campaignId, asOf);
        return calculator.score(history.terms(), history.terms().rules(), SelfScore.of(history.units()),
                asOf != null ? asOf : clock.instant());
    }

    /** The table as it stands, computed from the events, with the position of the last event it folds. */
    public record Draft(LeagueTable table, long position) {
    }

    public Draft approvalDraft(String campaignId) {
        CampaignHistories.Folded folded = histories.current(campaignId);
        CampaignHistory history = folded.history();
        return new Draft(calculator.score(history.terms(), history.terms().rules(), history.units(), clock.instant()),
                folded.lastPosition());
    }

    /** The table the cluster meeting approved, exactly as recorded in its approval, or empty while none is. */
    public record Approved(String approvalId, LocalDate meetingDate, String note, long position, Instant approvedAt,
                           LeagueTable table) {
    }

    public Optional<Approved> approved(String campaignId) {
        histories.requireLaunched(campaignId);
        for (StoredEvent e : events.streams(List.of(StreamIds.campaign(campaignId)))) {
            if (e.payload() instanceof LeagueTableApproved a) {
                return Optional.of(new Approved(a.approvalId(), a.meetingDate(), a.note(), a.position(), e.at(),
                        new LeagueTable(a.campaignId(), a.rulesVersion(), e.at(), a.rows())));
            }
        }
        return Optional.empty();
    }

    private CampaignHistory at(String campaignId, Instant asOf) {
        if (asOf == null) {
            return histories.current(campaignId).history();
        }
        return histories.upTo(campaignId, asOf).map(CampaignHistories.Folded::history)
                .orElseThrow(() -> new NotFound("league table", campaignId + " as of " + asOf
                        + " (the campaign was not launched yet)"));
    }
}
