package vn.thidua.web.testsupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.web.seed.ClusterTwoSeed;
import vn.thidua.web.security.AppUser;
import vn.thidua.web.security.UserStore;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A MockMvc test on the seeded demo (Cluster II 2021 and the current year's open campaign), on an H2 database of
 * its own: the demo's users sign in by name, pages are read as UTF-8 text.
 */
@OnH2
@SpringBootTest(properties = {"thidua.demo.enabled=true", "thidua.demo.password=Demo-pass-1"})
@AutoConfigureMockMvc
public abstract class DemoSeedMvcTest {
    /** The demo's open campaign: Cluster II of the current year in Vietnam. */
    protected static final String OPEN = ClusterTwoSeed.campaignIdFor(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear());

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected UserStore users;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected CampaignTermsLookup campaigns;

    /** The demo user of that name. */
    protected AppUser account(String username) {
        return users.loadUserByUsername(username);
    }

    /** A request made by the demo user of that name. */
    protected RequestPostProcessor as(String username) {
        return user(account(username));
    }

    protected static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
