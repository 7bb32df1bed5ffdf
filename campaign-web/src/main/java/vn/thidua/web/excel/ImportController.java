package vn.thidua.web.excel;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Workbook;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.campaign.Period;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.Outcome;
import vn.thidua.domain.shared.RuleViolation;
import vn.thidua.web.app.Caller;
import vn.thidua.web.app.CommandSender;
import vn.thidua.web.security.AppUser;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Pledges and period reports from Excel: the templates, the upload page, and the import. The whole file is read and
 * checked first; only a file without a single bad cell is recorded, and then in one transaction, so a refusal on
 * any row records no row at all. Every row goes through the same commands and the same officer rule as the API.
 */
@Controller
public class ImportController {
    private final CampaignTermsLookup campaigns;
    private final SubmissionWorkbooks workbooks;
    private final CommandSender commands;
    private final TransactionTemplate transaction;
    private final ExcelText text;

    public ImportController(CampaignTermsLookup campaigns, SubmissionWorkbooks workbooks, CommandSender commands,
                            PlatformTransactionManager transactions, ExcelText text) {
        this.campaigns = campaigns;
        this.workbooks = workbooks;
        this.commands = commands;
        this.transaction = new TransactionTemplate(transactions);
        this.text = text;
    }

    /** One bad cell as the page shows it. */
    public record ErrorLine(String sheet, String row, String column, String message) {
    }

    /** One recorded (or unchanged) row as the page shows it. */
    public record DoneLine(int row, String unitCode, String unitName, String outcome, String outcomeLabel) {
    }

    @GetMapping("/campaigns/{campaignId}/pledges/template.xlsx")
    public void pledgeTemplate(@AuthenticationPrincipal AppUser user, @PathVariable String campaignId,
                               HttpServletResponse response) throws IOException {
        CampaignTerms terms = campaigns.require(campaignId);
        try (Workbook wb = workbooks.template(terms, SubmissionWorkbooks.Kind.PLEDGES, null, user)) {
            ExcelSupport.download(response, text.get("excel.pledges.file", campaignId) + ".xlsx");
            wb.write(response.getOutputStream());
        }
    }

    @GetMapping("/campaigns/{campaignId}/reports/template.xlsx")
    public void reportTemplate(@AuthenticationPrincipal AppUser user, @PathVariable String campaignId,
                               @RequestParam String period, HttpServletResponse response) throws IOException {
        CampaignTerms terms = campaigns.require(campaignId);
        Period p = terms.period(period).orElseThrow(() -> new NotFound("period", campaignId + "/" + period));
        try (Workbook wb = workbooks.template(terms, SubmissionWorkbooks.Kind.REPORTS, p, user)) {
            ExcelSupport.download(response, text.get("excel.reports.file", campaignId, p.code()) + ".xlsx");
            wb.write(response.getOutputStream());
        }
    }

    @GetMapping("/campaigns/{campaignId}/import")
    public String page(@AuthenticationPrincipal AppUser user, @PathVariable String campaignId, Model model) {
        CampaignTerms terms = campaigns.require(campaignId);
        model.addAttribute("terms", terms);
        model.addAttribute("units", workbooks.unitsFor(terms, user));
        model.addAttribute("kind", "PLEDGES");
        model.addAttribute("period", terms.periods().isEmpty() ? null : terms.periods().get(0).code());
        return "excel/import";
    }

    @PostMapping("/campaigns/{campaignId}/import")
    public String upload(Caller caller, @PathVariable String campaignId,
                         @RequestParam(required = false) MultipartFile file,
                         @RequestParam(defaultValue = "PLEDGES") String kind,
                         @RequestParam(required = false) String period, Model model,
                         HttpServletResponse response) throws IOException {
        AppUser user = caller.user();
        CampaignTerms terms = campaigns.require(campaignId);
        SubmissionWorkbooks.Kind chosen;
        try {
            chosen = SubmissionWorkbooks.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            chosen = SubmissionWorkbooks.Kind.PLEDGES;
        }
        model.addAttribute("terms", terms);
        model.addAttribute("units", workbooks.unitsFor(terms, user));
        model.addAttribute("kind", chosen.name());
        model.addAttribute("period", period);
        if (file == null || file.isEmpty()) {
            return failed(model, response, List.of(CellError.of("", 0, "", "excel.error.noFile")));
        }
        SubmissionWorkbooks.Parsed parsed;
        try (InputStream in = file.getInputStream()) {
            parsed = workbooks.parse(terms, chosen, chosen == SubmissionWorkbooks.Kind.REPORTS ? period : null, user, in);
        }
        if (!parsed.valid()) {
            return failed(model, response, parsed.errors());
        }
        Recorded recorded = record(caller, parsed.rows());
        List<CellError> refusals = recorded.refusals();
        List<DoneLine> done = recorded.done();
        if (!refusals.isEmpty()) {
            return failed(model, response, refusals);
        }
        model.addAttribute("done", done);
        model.addAttribute("recorded", done.stream().filter(d -> !d.outcome().equals(Outcome.UNCHANGED.name())).count());
        return "excel/import";
    }

    /** What an import recorded, row by row, or the refusal that rolled every row back. */
    public record Recorded(List<DoneLine> done, List<CellError> refusals) {
    }

    /**
     * Sends every row's command inside one transaction: Axon's JDBC event store joins it, so a refusal of any row
     * rolls back the rows before it and nothing at all is recorded.
     */
    public Recorded record(Caller caller, List<SubmissionWorkbooks.RowCommand> rows) {
        List<CellError> refusals = new ArrayList<>();
        List<DoneLine> done = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            for (SubmissionWorkbooks.RowCommand row : rows) {
                if (row.unchanged()) {
                    done.add(line(row, Outcome.UNCHANGED));
                    continue;
                }
                try {
                    done.add(line(row, commands.send(row.actor(), caller, row.command()).result()));
                } catch (RuntimeException e) {
                    refusals.add(refusal(row.sheet(), row.row(), row.unitCode(), e));
                    status.setRollbackOnly();
                    return;
                }
            }
        });
        return new Recorded(refusals.isEmpty() ? done : List.of(), refusals);
    }

    /** A refusal of the domain despite the checks (another user was quicker): reported on the row, nothing kept. */
    CellError refusal(String sheet, int row, String unitCode, RuntimeException e) {
        Throwable cause = e;
        while (!(cause instanceof RuleViolation || cause instanceof InvalidValue || cause instanceof NotFound
                || cause instanceof AccessDeniedException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof RuleViolation rule) {
            return CellError.of(sheet, row, "", "excel.error.refused", ruleMessage(rule), rule.getMessage());
        }
        if (cause instanceof AccessDeniedException) {
            return CellError.of(sheet, row, "", "excel.error.notYourUnit", unitCode);
        }
        if (cause instanceof InvalidValue || cause instanceof NotFound) {
            return CellError.of(sheet, row, "", "excel.error.refused", text.get("excel.error.invalid"),
                    cause.getMessage());
        }
        throw e;
    }

    private String ruleMessage(RuleViolation e) {
        String key = "excel.rule." + e.rule();
        String message = text.get(key);
        return message.equals(key) ? e.rule() : message;
    }

    private DoneLine line(SubmissionWorkbooks.RowCommand row, Outcome outcome) {
        return new DoneLine(row.row(), row.unitCode(), row.unitName(), outcome.name(),
                text.get("excel.outcome." + outcome.name()));
    }

    private String failed(Model model, HttpServletResponse response, List<CellError> errors) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("errors", lines(errors));
        return "excel/import";
    }

    List<ErrorLine> lines(List<CellError> errors) {
        return errors.stream().map(e -> new ErrorLine(e.sheet(), e.row() > 0 ? Integer.toString(e.row()) : "",
                e.column(), text.message(e))).toList();
    }
}
