package vn.thidua.web.ui.pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.web.api.CommendationView;
import vn.thidua.web.app.CommendationService;
import vn.thidua.web.documents.CommendationDocuments;
import vn.thidua.web.documents.Dossier;

/** A commendation's dossier: each component with its status, downloads (PDF, Word) and the whole as one zip. */
@Controller
public class DossierPageController {
    private final CommendationService commendations;
    private final CommendationDocuments documents;
    private final PageQueries pages;

    public DossierPageController(CommendationService commendations, CommendationDocuments documents,
                                 PageQueries pages) {
        this.commendations = commendations;
        this.documents = documents;
        this.pages = pages;
    }

    @GetMapping("/commendations/{id}/dossier")
    public String dossier(@PathVariable String id, Model model) {
        CommendationView c = commendations.find(id).orElseThrow(() -> new NotFound("commendation", id));
        CampaignTerms terms = pages.campaign(c.campaignId());
        Dossier dossier = documents.dossier(id, "");
        model.addAttribute("c", c);
        model.addAttribute("terms", terms);
        model.addAttribute("unitName", terms.member(c.unitCode()).map(u -> u.name()).orElse(c.unitCode()));
        model.addAttribute("dossier", dossier);
        return "pages/dossier";
    }
}
