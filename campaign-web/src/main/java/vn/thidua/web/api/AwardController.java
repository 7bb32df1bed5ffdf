package vn.thidua.web.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.web.app.AwardHistoryService;

import java.util.List;

/** A unit's award history on the wire. */
@RestController
public class AwardController {
    private final AwardHistoryService awards;

    public AwardController(AwardHistoryService awards) {
        this.awards = awards;
    }

    @GetMapping("/api/v1/units/{unitCode}/awards")
    public List<AwardHistoryService.AwardRecord> awards(@PathVariable String unitCode) {
        return awards.awards(unitCode);
    }
}
