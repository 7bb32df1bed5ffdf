package vn.thidua.domain.scoring;

import vn.thidua.domain.campaign.CampaignClosed;
import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.campaign.ScoringRulesPublished;
import vn.thidua.domain.participation.ParticipationEvent;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One campaign's events folded into what scoring needs: the campaign's terms and each unit's submissions.
 * Mutable and single-threaded, because it is used to replay millions of events; the same events in the same
 * order always give an equal state.
 *
 * <p>Lenient by design, since the write side has already enforced the rules: events of another campaign and
 * events of other types are ignored; a correction or verification of a report never submitted stands in for the
 * submission; a rejection of a report never submitted is ignored.
 */
public final class CampaignHistory {
    private CampaignTerms terms;
    private final Map<String, UnitSubmissions> units = new HashMap<>();
    private long eventsApplied = 1;

    private CampaignHistory(CampaignTerms terms) {
        this.terms = terms;
    }

    public static CampaignHistory start(CampaignLaunched e) {
        return new CampaignHistory(CampaignTerms.launched(e));
    }

    public String campaignId() {
        return terms.campaignId();
    }

    public CampaignTerms terms() {
        return terms;
    }

    /** Units that have submitted anything, in no particular order. */
    public Collection<UnitSubmissions> units() {
        return Collections.unmodifiableCollection(units.values());
    }

    public Optional<UnitSubmissions> unit(String unitCode) {
        return Optional.ofNullable(units.get(unitCode));
    }

    /**
     * Events of this campaign folded so far, its launch included. Every fold of the same events counts the same,
     * whatever the order the streams were interleaved in, so a projection can tell whether its in-memory fold and
     * a stored table saw the same events.
     */
    public long eventsApplied() {
        return eventsApplied;
    }

    public void apply(Object event) {
        if (applyOwn(event)) {
            eventsApplied++;
        }
    }

    private boolean applyOwn(Object event) {
        // Another campaign's event matches no branch.
        if (event instanceof ParticipationEvent e && ours(e.campaignId())) {
            return applyToUnit(e);
        } else if (event instanceof ScoringRulesPublished e && ours(e.campaignId())) {
            terms = terms.with(e);
        } else if (event instanceof CampaignClosed e && ours(e.campaignId())) {
            terms = terms.closedNow();
        } else {
            return false;
        }
        return true;
    }

    private boolean ours(String campaignId) {
        return terms.campaignId().equals(campaignId);
    }

    /** A unit appears once an event of its stream changes its submissions (not for events scoring ignores). */
    private boolean applyToUnit(ParticipationEvent e) {
        UnitSubmissions u = units.get(e.unitCode());
        if (u != null) {
            return u.apply(e);
        }
        u = new UnitSubmissions(e.unitCode());
        if (!u.apply(e)) {
            return false;
        }
        units.put(e.unitCode(), u);
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CampaignHistory other && terms.equals(other.terms) && units.equals(other.units);
    }

    @Override
    public int hashCode() {
        return Objects.hash(terms, units);
    }
}
