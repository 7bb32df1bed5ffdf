package vn.thidua.domain.campaign;

import vn.thidua.domain.shared.Deadlines;
import vn.thidua.domain.shared.UnitRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the other streams need to know of a campaign: its definition, the rule version in force, whether
 * it is closed, its inspection teams and whether its table was approved. Folded from the campaign's own events ({@link #launched}, {@link #with(ScoringRulesPublished)},
 * {@link #closedNow()}), so the write side and the read side read one and the same thing.
 */
public record CampaignTerms(String campaignId, String clusterCode, int year, String title, String headUnit,
                            List<UnitRef> members, LocalDate pledgeDeadline, List<Period> periods,
                            List<Content> contents, ScoringRules rules, List<ScoringRules> ruleHistory,
                            boolean closed, List<Inspection> inspections, boolean tableApproved) {

    /** Terms with no inspection team and no approved table. */
    public CampaignTerms(String campaignId, String clusterCode, int year, String title, String headUnit,
                         List<UnitRef> members, LocalDate pledgeDeadline, List<Period> periods,
                         List<Content> contents, ScoringRules rules, List<ScoringRules> ruleHistory, boolean closed) {
        this(campaignId, clusterCode, year, title, headUnit, members, pledgeDeadline, periods, contents, rules,
                ruleHistory, closed, List.of(), false);
    }

    public static CampaignTerms launched(CampaignLaunched e) {
        return new CampaignTerms(e.campaignId(), e.clusterCode(), e.year(), e.title(), e.headUnit(),
                List.copyOf(e.members()), e.pledgeDeadline(), List.copyOf(e.periods()), List.copyOf(e.contents()),
                e.scoringRules(), List.of(e.scoringRules()), false);
    }

    /** Folds a campaign stream's events, in order; empty when the stream holds no launch. */
    public static Optional<CampaignTerms> fold(Iterable<?> campaignEvents) {
        CampaignTerms terms = null;
        for (Object event : campaignEvents) {
            if (event instanceof CampaignLaunched launched) {
                terms = launched(launched);
            } else if (event instanceof ScoringRulesPublished published && terms != null) {
                terms = terms.with(published);
            } else if (event instanceof CampaignClosed && terms != null) {
                terms = terms.closedNow();
            } else if (event instanceof InspectionAssigned assigned && terms != null) {
                terms = terms.with(assigned);
            } else if (event instanceof LeagueTableApproved && terms != null) {
                terms = terms.approvedNow();
            }
        }
        return Optional.ofNullable(terms);
    }

    public CampaignTerms with(ScoringRulesPublished e) {
        List<ScoringRules> history = Stream.concat(ruleHistory.stream(), Stream.of(e.rules())).toList();
        return new CampaignTerms(campaignId, clusterCode, year, title, headUnit, members, pledgeDeadline, periods,
                contents, e.rules(), history, closed, inspections, tableApproved);
    }

    public CampaignTerms closedNow() {
        return new CampaignTerms(campaignId, clusterCode, year, title, headUnit, members, pledgeDeadline, periods,
                contents, rules, ruleHistory, true, inspections, tableApproved);
    }

    public CampaignTerms with(InspectionAssigned e) {
        List<Inspection> teams = Stream.concat(inspections.stream(), Stream.of(e.inspection())).toList();
        return new CampaignTerms(campaignId, clusterCode, year, title, headUnit, members, pledgeDeadline, periods,
                contents, rules, ruleHistory, closed, teams, tableApproved);
    }

    public CampaignTerms approvedNow() {
        return new CampaignTerms(campaignId, clusterCode, year, title, headUnit, members, pledgeDeadline, periods,
                contents, rules, ruleHistory, closed, inspections, true);
    }

    /** Whether {@code inspectorUnit} was sent to inspect {@code unitCode}'s report for {@code periodCode}. */
    public boolean inspects(String inspectorUnit, String unitCode, String periodCode) {
        return inspectorUnit != null && inspections.stream()
                .anyMatch(i -> i.inspectorUnit().equals(inspectorUnit) && i.inspects(unitCode, periodCode));
    }

    public boolean isMember(String unitCode) {
        return members.stream().anyMatch(m -> m.code().equals(unitCode));
    }

    public Optional<UnitRef> member(String unitCode) {
        return members.stream().filter(m -> m.code().equals(unitCode)).findFirst();
    }

    public Optional<Period> period(String periodCode) {
        return periods.stream().filter(p -> p.code().equals(periodCode)).findFirst();
    }

    public int periodIndex(String periodCode) {
        for (int i = 0; i < periods.size(); i++) {
            if (periods.get(i).code().equals(periodCode)) {
                return i;
            }
        }
        return -1;
    }

    /** Every indicator in content order, keyed by code. */
    public Map<String, Indicator> indicators() {
        Map<String, Indicator> all = new LinkedHashMap<>();
        contents.forEach(c -> c.indicators().forEach(i -> all.put(i.code(), i)));
        return all;
    }

    public Optional<Indicator> indicator(String code) {
        return Optional.ofNullable(indicators().get(code));
    }

    public Optional<String> contentOf(String indicatorCode) {
        return contents.stream().filter(c -> c.indicators().stream().anyMatch(i -> i.code().equals(indicatorCode)))
                .map(Content::code).findFirst();
    }

    public Optional<ScoringRules> rulesVersion(int version) {
        return ruleHistory.stream().filter(r -> r.version() == version).findFirst();
    }

    public boolean pledgeDeadlinePassed(Instant now) {
        return Deadlines.passed(pledgeDeadline, now);
    }
}
