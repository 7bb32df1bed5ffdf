package vn.thidua.web.ui.pages;

import vn.thidua.domain.shared.Deadlines;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import vn.thidua.command.support.ClusterDirectory;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.cluster.ClusterRegistered;
import vn.thidua.domain.query.LeagueTableQuery;
import vn.thidua.domain.query.UnitProgress;
import vn.thidua.domain.query.UnitProgressQuery;
import vn.thidua.domain.scoring.LeagueTable;
import vn.thidua.web.api.Campaigns;
import vn.thidua.web.api.Queries;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/** What the pages read: campaigns, league tables and unit progress, through the same components as the REST API. */
@Component
public class PageQueries {
    public static final ZoneId VN = Deadlines.ZONE;

    private final QueryGateway queries;
    private final Campaigns campaigns;
    private final ClusterDirectory clusters;

    public PageQueries(QueryGateway queries, Campaigns campaigns, ClusterDirectory clusters) {
        this.queries = queries;
        this.campaigns = campaigns;
        this.clusters = clusters;
    }

    /** Every campaign, newest year first. */
    public List<CampaignTerms> campaigns() {
        return campaigns.all().stream()
                .sorted(Comparator.comparingInt(CampaignTerms::year).reversed()
                        .thenComparing(CampaignTerms::campaignId))
                .toList();
    }

    public CampaignTerms campaign(String campaignId) {
        return campaigns.require(campaignId);
    }

    public String clusterName(String clusterCode) {
        return clusters.findCluster(clusterCode).map(ClusterRegistered::name).orElse(clusterCode);
    }

    public LeagueTable leagueTable(String campaignId, Instant asOf) {
        return ask(new LeagueTableQuery(campaignId, asOf, null), LeagueTable.class);
    }

    public UnitProgress progress(String campaignId, String unitCode) {
        return ask(new UnitProgressQuery(campaignId, unitCode), UnitProgress.class);
    }

    /** The end of a day in Asia/Ho_Chi_Minh: the last millisecond before the next day begins. */
    public static Instant endOfDay(LocalDate day) {
        return Deadlines.endOf(day).minusMillis(1);
    }

    public static Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(VN).toInstant();
    }

    public static LocalDate today() {
        return LocalDate.now(VN);
    }

    private <R> R ask(Object query, Class<R> type) {
        return Queries.ask(queries, query, type);
    }
}
