package vn.thidua.web.ui.pages;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.shared.UnitRef;
import vn.thidua.web.api.CommendationView;
import vn.thidua.web.app.CommendationService;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Search from the menu: units, campaigns and commendations by name, accent-insensitive ({@link SearchText}); each
 * result links to its page (a unit to its page in the latest campaign it belongs to).
 */
@Controller
public class SearchPageController {
    static final int MAX_QUERY = 100;
    private final PageQueries queries;
    private final CommendationService commendations;
    private final MessageSource messages;

    public SearchPageController(PageQueries queries, CommendationService commendations, MessageSource messages) {
        this.queries = queries;
        this.commendations = commendations;
        this.messages = messages;
    }

    public record Hit(String title, String detail, String href) {
    }

    @GetMapping("/search")
    public String search(@RequestParam(name = "q", required = false) String q, Model model) {
        String query = q == null ? "" : q.strip();
        if (query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        List<String> words = SearchText.words(query);
        List<Hit> units = new ArrayList<>();
        List<Hit> campaigns = new ArrayList<>();
        List<Hit> awards = new ArrayList<>();
        if (!words.isEmpty()) {
            List<CampaignTerms> all = new ArrayList<>(queries.campaigns());
            all.sort(Comparator.comparingInt(CampaignTerms::year).reversed());
            Map<String, String> clusterNames = new LinkedHashMap<>();
            Map<String, UnitRef> unitNames = new LinkedHashMap<>();
            Map<String, CampaignTerms> byId = new LinkedHashMap<>();
            Map<String, Hit> unitHits = new LinkedHashMap<>();
            for (CampaignTerms c : all) {
                byId.put(c.campaignId(), c);
                String cluster = clusterNames.computeIfAbsent(c.clusterCode(), queries::clusterName);
                if (SearchText.matches(words, c.title(), cluster, String.valueOf(c.year()))) {
                    campaigns.add(new Hit(c.title(), cluster + " · " + c.year(), "/campaigns/" + c.campaignId()));
                }
                for (UnitRef u : c.members()) {
                    unitNames.putIfAbsent(u.code(), u);
                    // The latest campaign first (sorted above): a unit links to its page there.
                    if (!unitHits.containsKey(u.code()) && SearchText.matches(words, u.name())) {
                        unitHits.put(u.code(), new Hit(u.name(), c.title(),
                                "/campaigns/" + c.campaignId() + "/units/" + u.code()));
                    }
                }
            }
            units.addAll(unitHits.values());
            for (CommendationView v : commendations.all()) {
                CampaignTerms c = byId.get(v.campaignId());
                UnitRef unit = unitNames.get(v.unitCode());
                String unitName = unit == null ? v.unitCode() : unit.name();
                String award = messages.getMessage("forms.award." + v.award().name(), null, v.award().name(),
                        LocaleContextHolder.getLocale());
                String status = messages.getMessage("forms.cstatus." + v.status(), null, v.status(),
                        LocaleContextHolder.getLocale());
                if (c != null && SearchText.matches(words, unitName, award, v.rationale(), v.decisionNo(), c.title())) {
                    awards.add(new Hit(award + " — " + unitName, c.title() + " · " + status,
                            "/campaigns/" + c.campaignId() + "/commendations#c-" + v.commendationId()));
                }
            }
        }
        model.addAttribute("q", query);
        model.addAttribute("navQuery", query);
        model.addAttribute("searched", !words.isEmpty());
        model.addAttribute("units", units);
        model.addAttribute("campaigns", campaigns);
        model.addAttribute("awards", awards);
        model.addAttribute("total", units.size() + campaigns.size() + awards.size());
        return "pages/search";
    }
}
