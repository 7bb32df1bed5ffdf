package vn.thidua.web.api;

import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import jakarta.validation.Valid;
import vn.thidua.domain.campaign.ScoringMethod;
import vn.thidua.domain.campaign.ScoringRules;
import vn.thidua.domain.query.LeagueTablePreviewQuery;
import vn.thidua.domain.query.LeagueTableQuery;
import vn.thidua.domain.query.UnitProgress;
import vn.thidua.domain.query.UnitProgressQuery;
import vn.thidua.domain.scoring.LeagueTable;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.query.league.LeagueTableQueries;
import vn.thidua.query.league.StoredLeagueTable;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The league table (current, as of an instant, under a rule version, or previewed under a draft) and unit progress. */
@RestController
@RequestMapping("/api/v1/campaigns/{campaignId}")
public class ReadModelController {
    private final QueryGateway queries;
    private final LeagueTableQueries leagueTables;

    public ReadModelController(QueryGateway queries, LeagueTableQueries leagueTables) {
        this.queries = queries;
        this.leagueTables = leagueTables;
    }

    /**
     * The current table comes straight from the league-table cache (one indexed check of the stored table's stamp
     * per request), not through the query bus, with a weak ETag naming the write it comes from: a GET with that
     * tag in {@code If-None-Match} answers 304 until the table changes. As of an instant or under another rule
     * version it is computed through the query bus, without a validator.
     */
    @GetMapping("/league-table")
    public ResponseEntity<LeagueTable> leagueTable(@PathVariable String campaignId,
                                                   @RequestParam(required = false)
                                                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                                                   OffsetDateTime asOf,
                                                   @RequestParam(required = false) Integer rules) {
        if (asOf == null && rules == null) {
            Optional<StoredLeagueTable> stored = leagueTables.stored(campaignId);
            if (stored.isPresent()) {
                // Clients and browsers may keep it, but must ask again (cheaply, with the tag) before reusing it.
                return ResponseEntity.ok().eTag(stored.get().stamp().etag())
                        .cacheControl(CacheControl.noCache().cachePrivate()).body(stored.get().table());
            }
        }
        return ResponseEntity.ok(Queries.ask(queries, new LeagueTableQuery(campaignId,
                asOf == null ? null : asOf.toInstant(), rules), LeagueTable.class));
    }

    /** What-if: the table under a draft rule set given as query parameters; nothing is published. */
    @GetMapping("/league-table/preview")
    public LeagueTable preview(@PathVariable String campaignId,
                               @RequestParam ScoringMethod method,
                               @RequestParam(required = false) BigDecimal cap,
                               @RequestParam(required = false) BigDecimal latePenalty,
                               @RequestParam(required = false) BigDecimal missingPenalty,
                               @RequestParam(required = false) BigDecimal rejectedPenalty,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                               OffsetDateTime asOf) {
        ScoringRules draft = new ScoringRules(0, method, cap, latePenalty, missingPenalty, rejectedPenalty);
        return preview(campaignId, draft, asOf);
    }

    /** What-if with the draft rule set as a JSON body. */
    @PostMapping("/league-table/preview")
    public LeagueTable previewBody(@PathVariable String campaignId, @Valid @RequestBody Bodies.Rules body,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                                   OffsetDateTime asOf) {
        return preview(campaignId, body.toRules(), asOf);
    }

    private LeagueTable preview(String campaignId, ScoringRules draft, OffsetDateTime asOf) {
        if (draft.cap() != null && draft.cap().signum() <= 0) {
            throw new InvalidValue("cap", "must be positive");
        }
        return Queries.ask(queries, new LeagueTablePreviewQuery(campaignId, draft, asOf == null ? null
                : asOf.toInstant()), LeagueTable.class);
    }

    @GetMapping("/progress/{unitCode}")
    public UnitProgress progress(@PathVariable String campaignId, @PathVariable String unitCode) {
        return Queries.ask(queries, new UnitProgressQuery(campaignId, unitCode), UnitProgress.class);
    }
}
