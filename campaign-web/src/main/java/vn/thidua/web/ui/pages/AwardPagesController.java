package vn.thidua.web.ui.pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.thidua.web.api.Campaigns;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.UnitRef;
import vn.thidua.web.app.AwardHistoryService;

/** A unit's awards across campaigns and years (lịch sử khen thưởng), linked from the unit page. */
@Controller
public class AwardPagesController {
    private final AwardHistoryService awards;
    private final Campaigns campaigns;

    public AwardPagesController(AwardHistoryService awards, Campaigns campaigns) {
        this.awards = awards;
        this.campaigns = campaigns;
    }

    @GetMapping("/units/{unitCode}/awards")
    public String awards(@PathVariable String unitCode, Model model) {
        UnitRef unit = campaigns.all().stream().flatMap(t -> t.member(unitCode).stream()).findFirst()
                .orElseThrow(() -> new NotFound("unit", unitCode));
        model.addAttribute("unit", unit);
        model.addAttribute("awards", awards.awards(unitCode));
        return "pages/awards";
    }
}
