package vn.thidua.web.ui.forms;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.web.config.AppClock;
import vn.thidua.web.security.AppUser;
import vn.thidua.web.security.Permissions;

import java.time.Instant;

/** What the unit officer's forms (the pledge, the period report) share: the campaign and unit they are for, the text. */
@Component
public class UnitForms {
    private final CampaignTermsLookup campaigns;
    private final Permissions permissions;
    private final AppClock clock;
    private final MessageSource messages;

    public UnitForms(CampaignTermsLookup campaigns, Permissions permissions, AppClock clock, MessageSource messages) {
        this.campaigns = campaigns;
        this.permissions = permissions;
        this.clock = clock;
        this.messages = messages;
    }

    /** The campaign's terms, for a unit that is one of its members (else not found) and the user is an officer of. */
    CampaignTerms officerTerms(AppUser user, String campaignId, String unitCode) {
        CampaignTerms terms = campaigns.require(campaignId);
        if (!terms.isMember(unitCode)) {
            throw new NotFound("unit", unitCode + " in campaign " + campaignId);
        }
        permissions.officerOf(user, unitCode);
        return terms;
    }

    FormErrors errors() {
        return new FormErrors(messages);
    }

    String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    Instant now() {
        return clock.instant();
    }
}
