package vn.thidua.web.api;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.domain.campaign.ScoringMethod;
import vn.thidua.domain.campaign.ScoringRules;
import vn.thidua.domain.query.LeagueTablePreviewQuery;
import vn.thidua.domain.query.LeagueTableQuery;
import vn.thidua.domain.query.UnitProgress;
import vn.thidua.domain.query.UnitProgressQuery;
import vn.thidua.domain.scoring.LeagueTable;
import vn.thidua.domain.shared.AcceptableInput;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.domain.shared.NotFound;
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
    private final LeagueTableJson leagueTableJson;

    public ReadModelController(QueryGateway queries, LeagueTableQueries leagueTables, LeagueTableJson leagueTableJson) {
        this.queries = queries;
        this.leagueTables = leagueTables;
        this.leagueTableJson = leagueTableJson;
    }

    /**
     * The current table comes straight from the league-table cache (one indexed check of the stored table's stamp
     * per request), not through the query bus, as JSON kept per stamp ({@link LeagueTableJson}), with a weak ETag
     * naming the write it comes from: a GET with that tag in {@code If-None-Match} answers 304 until the table
     * changes. As of an instant or under another rule version it is computed through the query bus, without a
     * validator.
     */
    @GetMapping("/league-table")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = LeagueTable.class)))
    public ResponseEntity<?> leagueTable(@PathVariable String campaignId,
                                         @RequestParam(required = false)
                                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime asOf,
                                         @RequestParam(required = false) Integer rules,
                                         @RequestParam(required = false) Basis basis,
                                         @RequestParam(required = false) boolean approved,
                                         @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (approved) {
            // Recorded once in the approval's event: the same table forever, whatever is published or replayed.
            return ResponseEntity.ok(leagueTables.approved(campaignId).map(LeagueTableQueries.Approved::table)
                    .orElseThrow(() -> new NotFound("approved league table", campaignId)));
        }
        if (basis == Basis.reported) {
            return ResponseEntity.ok(leagueTables.selfScore(campaignId, asOf == null ? null : asOf.toInstant()));
        }
        if (asOf == null && rules == null) {
            Optional<StoredLeagueTable> stored = leagueTables.stored(campaignId);
            if (stored.isPresent()) {
                // Clients and browsers may keep it, but must ask again (cheaply, with the tag) before reusing it.
                ResponseEntity.BodyBuilder ok = ResponseEntity.ok().eTag(stored.get().stamp().etag())
                        .cacheControl(CacheControl.noCache().cachePrivate());
                if (acceptsJson(accept)) {
                    return ok.contentType(MediaType.APPLICATION_JSON).body(leagueTableJson.of(stored.get()));
                }
                // Anything else goes through content negotiation as before (406 for what is not JSON).
                return ok.body(stored.get().table());
            }
        }
        return ResponseEntity.ok(Queries.ask(queries, new LeagueTableQuery(campaignId,
                asOf == null ? null : asOf.toInstant(), rules), LeagueTable.class));
    }

    /** What the table scores: the verified values (the default) or each unit's own reported ones (tự chấm). */
    public enum Basis { verified, reported }

    /** Whether plain JSON is acceptable: no Accept header, or one naming application/json or a wildcard over it. */
    static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            for (MediaType type : MediaType.parseMediaTypes(accept)) {
                if (type.getQualityValue() > 0 && type.includes(MediaType.APPLICATION_JSON)) {
                    return true;
                }
            }
            return false;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
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
        AcceptableInput.check(draft);
        if (draft.cap() != null && draft.cap().signum() <= 0) {
            throw new InvalidValue("cap", "positive", "must be positive");
        }
        return Queries.ask(queries, new LeagueTablePreviewQuery(campaignId, draft, asOf == null ? null
                : asOf.toInstant()), LeagueTable.class);
    }

    @GetMapping("/progress/{unitCode}")
    public UnitProgress progress(@PathVariable String campaignId, @PathVariable String unitCode) {
        return Queries.ask(queries, new UnitProgressQuery(campaignId, unitCode), UnitProgress.class);
    }
}
