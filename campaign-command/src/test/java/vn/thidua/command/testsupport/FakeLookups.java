package vn.thidua.command.testsupport;

import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.command.support.ClusterDirectory;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.cluster.ClusterRegistered;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory stand-ins for the campaign and cluster lookups the handlers take as injected parameters. A test
 * puts the terms it needs (open, closed, with newer rules) before dispatching its command.
 */
public final class FakeLookups implements CampaignTermsLookup, ClusterDirectory {
    private final Map<String, CampaignTerms> campaigns = new HashMap<>();
    private final Map<String, ClusterRegistered> clusters = new HashMap<>();

    public FakeLookups with(CampaignTerms terms) {
        campaigns.put(terms.campaignId(), terms);
        return this;
    }

    public FakeLookups with(ClusterRegistered cluster) {
        clusters.put(cluster.clusterCode(), cluster);
        return this;
    }

    @Override
    public Optional<CampaignTerms> find(String campaignId) {
        return Optional.ofNullable(campaigns.get(campaignId));
    }

    @Override
    public Optional<ClusterRegistered> findCluster(String clusterCode) {
        return Optional.ofNullable(clusters.get(clusterCode));
    }
}
