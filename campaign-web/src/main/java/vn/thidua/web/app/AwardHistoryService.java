package vn.thidua.web.app;

import org.springframework.stereotype.Service;
import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.commendation.Award;
import vn.thidua.domain.commendation.CommendationProposed;
import vn.thidua.domain.commendation.UnitLineage;
import vn.thidua.eventstore.EventStreams;
import vn.thidua.web.api.CommendationView;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A unit's awards across campaigns and years (and, through its lineage, its predecessors'), newest first, folded
 * from the commendation streams: the award-history page and API, and the eligibility checks that depend on history.
 */
@Service
public class AwardHistoryService {
    private final EventStreams streams;
    private final CampaignTermsLookup campaigns;
    private final UnitLineage lineage = UnitLineage.SELF_ONLY;

    public AwardHistoryService(EventStreams streams, CampaignTermsLookup campaigns) {
        this.streams = streams;
        this.campaigns = campaigns;
    }

    /** One award of the unit's history. */
    public record AwardRecord(String commendationId, String campaignId, String campaignTitle, int year,
                              String unitCode, Award award, String status, String decisionNo,
                              LocalDate decisionDate) {
        public boolean held() {
            return "APPROVED".equals(status) || "CONFERRED".equals(status);
        }
    }

    public List<AwardRecord> awards(String unitCode) {
        List<String> line = lineage.lineOf(unitCode);
        return streams.streamsStartedBy(CommendationProposed.class).stream()
                .map(stream -> CommendationView.of(streams.read(stream)))
                .filter(Objects::nonNull)
                .filter(c -> line.contains(c.unitCode()))
                .map(this::record)
                .sorted(Comparator.comparing(AwardRecord::year).reversed()
                        .thenComparing(r -> r.decisionDate() == null ? LocalDate.MIN : r.decisionDate(),
                                Comparator.reverseOrder()))
                .toList();
    }

    /** Whether the unit (or a predecessor) holds the provincial emulation flag, from any campaign. */
    public boolean holdsProvincialFlag(String unitCode) {
        return awards(unitCode).stream().anyMatch(a -> a.award() == Award.PROVINCIAL_FLAG && a.held());
    }

    private AwardRecord record(CommendationView c) {
        CampaignTerms terms = campaigns.find(c.campaignId()).orElse(null);
        return new AwardRecord(c.commendationId(), c.campaignId(), terms == null ? c.campaignId() : terms.title(),
                terms == null ? 0 : terms.year(), c.unitCode(), c.award(), c.status(), c.decisionNo(),
                c.decisionDate());
    }
}
